package dev.switchyard.profiling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.switchyard.connector.FieldType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Crafted cases for {@link FieldProfiler}.
 */
class FieldProfilerTests {

    private static FieldProfile profile(String name, Object... values) {
        FieldProfiler profiler = new FieldProfiler(name);
        for (int i = 0; i < values.length; i++) {
            profiler.accept("r" + (i + 1), values[i]);
        }
        return profiler.result();
    }

    @Test
    void flagsSlashDatesWhoseDayAndMonthCannotBeToldApartAsAmbiguous() {
        FieldProfile dates = profile("Birthdate", "01/02/2020", "03/04/2021", "12/11/2019", "", null);
        assertThat(dates.inferredType()).isEqualTo(FieldType.DATE);
        assertThat(dates.formats().ambiguousDayMonth()).isTrue();
        assertThat(dates.formats().mixedDayMonth()).isFalse();
        assertThat(dates.issue(FieldIssue.AMBIGUOUS_DATE).count()).isEqualTo(3);
        ObjectProfile object = new ObjectProfile("Contact", 5, List.of(dates), null, List.of());
        assertThat(Findings.of(object, List.of())).extracting(Finding::kind)
            .containsExactly(Finding.Kind.AMBIGUOUS_DATES);
    }

    @Test
    void doesNotCallSlashDatesAmbiguousWhenOneOfThemRevealsTheOrder() {
        FieldProfile dates = profile("CloseDate", "01/02/2020", "03/25/2021");
        assertThat(dates.formats().ambiguousDayMonth()).isFalse();
        assertThat(dates.formats().mixedDayMonth()).isFalse();
        assertThat(dates.max()).isEqualTo("03/25/2021");
    }

    @Test
    void flagsDayFirstAndMonthFirstSlashDatesMixedInOneField() {
        FieldProfile dates = profile("CloseDate", "25/12/2020", "12/25/2020", "01/02/2020", "31/01/2021");
        assertThat(dates.inferredType()).isEqualTo(FieldType.DATE);
        assertThat(dates.formats().mixedDayMonth()).isTrue();
        assertThat(dates.formats().ambiguousDayMonth()).isFalse();
        assertThat(dates.issue(FieldIssue.DAY_FIRST_DATE).examples()).extracting(Example::recordId)
            .containsExactly("r1", "r4");
        assertThat(dates.issue(FieldIssue.MONTH_FIRST_DATE).examples()).extracting(Example::value)
            .containsExactly("12/25/2020");
        assertThat(dates.formats().dateFormats()).extracting(FormatCount::format, FormatCount::count)
            .containsExactlyInAnyOrder(tuple("dd/MM/yyyy", 2L), tuple("MM/dd/yyyy", 2L));
        ObjectProfile object = new ObjectProfile("Opportunity", 4, List.of(dates), null, List.of());
        assertThat(Findings.of(object, List.of())).extracting(Finding::kind)
            .containsExactly(Finding.Kind.MIXED_DATE_FORMATS);
    }

    @Test
    void recognisesTheOtherDateAndDatetimeFormats() {
        FieldProfile profile = profile("When", "2020-01-31", "2020/02/29", "31.12.2020", "1/2/2020",
                "2020-01-31T10:15:30", "2020-01-31T10:15:30.123Z", "2020-01-31T10:15:30+02:00", "2020-01-31 10:15:30");
        assertThat(profile.inferredType()).isEqualTo(FieldType.DATETIME);
        assertThat(profile.formats().dateFormats()).extracting(FormatCount::format)
            .containsExactlyInAnyOrder("yyyy-MM-dd", "yyyy/MM/dd", "dd.MM.yyyy", "M/d/yyyy", DateScan.ISO_DATETIME,
                    DateScan.ISO_DATETIME_ZONED, DateScan.SQL_DATETIME);
        assertThat(profile.min()).isEqualTo("1/2/2020");
        assertThat(profile.max()).isEqualTo("31.12.2020");
        assertThat(profile("Day", "2021-02-29").inferredType()).isEqualTo(FieldType.TEXT);
    }

    @Test
    void countsValidEmailsAndKeepsExamplesOfInvalidOnes() {
        FieldProfile emails = profile("Email", "ann@example.com", "bob@example", "carl.example.com", "dan@@x.com",
                "eve @x.com", "@example.com", "fay@sub.example.co.uk", "");
        assertThat(emails.inferredType()).isEqualTo(FieldType.TEXT);
        assertThat(emails.formats().validEmails()).isEqualTo(2);
        assertThat(emails.formats().invalidEmails()).isEqualTo(5);
        Issue invalid = emails.issue(FieldIssue.INVALID_EMAIL);
        assertThat(invalid.count()).isEqualTo(5);
        assertThat(invalid.examples()).extracting(Example::recordId, Example::value)
            .containsExactly(tuple("r2", "bob@example"), tuple("r3", "carl.example.com"), tuple("r4", "dan@@x.com"),
                    tuple("r5", "eve @x.com"), tuple("r6", "@example.com"));
        assertThat(profile("Email", "ann@example.com", "bo@example.org").inferredType()).isEqualTo(FieldType.EMAIL);
    }

    @Test
    void countsValuesWithLeadingOrTrailingSpacesAndTreatsWhitespaceOnlyAsBlank() {
        FieldProfile names = profile("Name", " Acme", "Globex ", "Initech", "   ", "\t", "Umbrella");
        assertThat(names.count()).isEqualTo(6);
        assertThat(names.nonBlankCount()).isEqualTo(4);
        assertThat(names.fillRate()).isEqualTo(4 / 6.0);
        Issue spaces = names.issue(FieldIssue.LEADING_TRAILING_SPACES);
        assertThat(spaces.count()).isEqualTo(2);
        assertThat(spaces.examples()).extracting(Example::recordId, Example::value)
            .containsExactly(tuple("r1", " Acme"), tuple("r2", "Globex "));
        assertThat(names.lengths()).isEqualTo(new LengthDistribution(0, 6, 0, 0, 0, 0, 8));
    }

    @Test
    void switchesToAnEstimatedDistinctCountAndDropsTheExactSet() {
        FieldProfiler profiler = new FieldProfiler("ExternalId");
        for (int i = 0; i < 200_000; i++) {
            profiler.accept("r" + i, "value-" + i);
        }
        for (int i = 0; i < 1000; i++) {
            profiler.accept("again" + i, "value-" + i);
        }
        FieldProfile profile = profiler.result();
        assertThat(profile.distinctEstimated()).isTrue();
        assertThat(profile.distinctCount()).isBetween(194_000L, 206_000L);
        assertThat(profiler.retainedDistinctHashes()).isZero();
        assertThat(profile.uniqueInferred()).isFalse();
        assertThat(profile.topValuesExact()).isFalse();
        assertThat(profile.topValues()).hasSize(FieldProfiler.TOP_VALUES);
        assertThat(profile.count()).isEqualTo(201_000);
    }

    @Test
    void keepsAnExactDistinctCountUpToTenThousandValues() {
        FieldProfiler profiler = new FieldProfiler("Code");
        for (int i = 0; i < 30_000; i++) {
            profiler.accept("c" + (i % 10_000));
        }
        FieldProfile profile = profiler.result();
        assertThat(profile.distinctEstimated()).isFalse();
        assertThat(profile.distinctCount()).isEqualTo(10_000);
        assertThat(profiler.retainedDistinctHashes()).isEqualTo(10_000);
    }

    @Test
    void findsTheTrueTopValuesAmongManyRareOnes() {
        FieldProfiler profiler = new FieldProfiler("City");
        for (int i = 0; i < 50_000; i++) {
            profiler.accept((i % 10 == 0) ? "Paris" : (i % 25 == 1) ? "Berlin" : "town-" + i);
        }
        List<ValueCount> top = profiler.result().topValues();
        assertThat(top).extracting(ValueCount::value).startsWith("Paris", "Berlin");
        assertThat(top.get(0).count()).isGreaterThanOrEqualTo(5000);
    }

    @Test
    void infersBooleansFromTheUsualSpellings() {
        assertThat(profile("Active", "Yes", "no", "Y", "n", "").inferredType()).isEqualTo(FieldType.BOOLEAN);
        assertThat(profile("Active", "true", "FALSE").inferredType()).isEqualTo(FieldType.BOOLEAN);
        assertThat(profile("Flag", "1", "", "1", null).inferredType()).isEqualTo(FieldType.BOOLEAN);
        assertThat(profile("Count", "1", "0", "2").inferredType()).isEqualTo(FieldType.INTEGER);
    }

    @Test
    void infersNumbersAndKeepsCodesWithLeadingZerosAsText() {
        FieldProfile decimals = profile("Rate", "-3.25", ".5", "10", "+2.0");
        assertThat(decimals.inferredType()).isEqualTo(FieldType.DECIMAL);
        assertThat(decimals.min()).isEqualTo("-3.25");
        assertThat(decimals.max()).isEqualTo("10");
        FieldProfile integers = profile("Qty", "9", "10", "-100");
        assertThat(integers.inferredType()).isEqualTo(FieldType.INTEGER);
        assertThat(integers.min()).isEqualTo("-100");
        assertThat(integers.max()).isEqualTo("10");
        assertThat(profile("Code", "00123", "456").inferredType()).isEqualTo(FieldType.TEXT);
    }

    @Test
    void takesTheTypeOfTypedValuesDirectly() {
        assertThat(profile("N", 1L, 2L, null).inferredType()).isEqualTo(FieldType.INTEGER);
        assertThat(profile("N", 1L, new BigDecimal("2.5")).inferredType()).isEqualTo(FieldType.DECIMAL);
        assertThat(profile("B", true, false).inferredType()).isEqualTo(FieldType.BOOLEAN);
        FieldProfile days = profile("D", LocalDate.of(2020, 5, 1), LocalDate.of(2019, 1, 1));
        assertThat(days.inferredType()).isEqualTo(FieldType.DATE);
        assertThat(days.min()).isEqualTo("2019-01-01");
        assertThat(profile("T", OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)).inferredType())
            .isEqualTo(FieldType.DATETIME);
    }

    @Test
    void recognisesPhoneShapesWithExtensionsAndUuidIds() {
        FieldProfile phones = profile("Phone", "(415) 555-0100 x123", "415.555.0100", "+1 415 555 0100", "4155550100",
                "+44 20 7946 0958 ext. 7");
        assertThat(phones.inferredType()).isEqualTo(FieldType.PHONE);
        assertThat(phones.formats().phoneShapes()).extracting(FormatCount::format)
            .containsExactlyInAnyOrder("(999) 999-9999 x999", "999.999.9999", "+9 999 999 9999", "9999999999",
                    "+99 99 9999 9999 x9");
        FieldProfile uuids = profile("ExternalId", UUID.randomUUID().toString(), UUID.randomUUID().toString());
        assertThat(uuids.inferredType()).isEqualTo(FieldType.ID);
        assertThat(uuids.idLike()).isTrue();
        assertThat(uuids.idPrefix()).isNull();
    }

    @Test
    void doesNotCallIdsWithDifferentKeyPrefixesAnIdButSaysTheyLookLikeIds() {
        FieldProfile who = profile("WhoId", "003f4000003d6AwAAI", "00Qf4000003d6AwAAI");
        assertThat(who.inferredType()).isEqualTo(FieldType.TEXT);
        assertThat(who.idLike()).isTrue();
        assertThat(who.idPrefix()).isNull();
    }

    @Test
    void infersMultiSelectPicklistsFromSemicolonSeparatedTokens() {
        Object[] values = new Object[40];
        String[] choices = { "Red", "Green;Blue", "Blue", "Red;Green;Blue" };
        for (int i = 0; i < values.length; i++) {
            values[i] = choices[i % choices.length];
        }
        assertThat(profile("Colours__c", values).inferredType()).isEqualTo(FieldType.MULTI_PICKLIST);
    }

    @Test
    void namesTheFewValuesThatDoNotParseLikeAllTheOthers() {
        Object[] values = new Object[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i == 7) ? "n/a" : String.valueOf(1000 + i * 37);
        }
        FieldProfile profile = profile("NumberOfEmployees", values);
        assertThat(profile.inferredType()).isEqualTo(FieldType.TEXT);
        Issue unparseable = profile.issue(FieldIssue.UNPARSEABLE);
        assertThat(unparseable.count()).isEqualTo(1);
        assertThat(unparseable.detail()).isEqualTo("INTEGER");
        assertThat(unparseable.examples()).containsExactly(new Example("r8", "n/a"));
    }

    @Test
    void countsRecordsLackingAFieldAsAbsentForFieldsDiscoveredLate() {
        ObjectProfiler profiler = new ObjectProfiler("Lead");
        profiler.accept(java.util.Map.of("Id", "1"));
        profiler.accept(java.util.Map.of("Id", "2", "Email", "a@b.co"));
        profiler.accept(java.util.Map.of("Id", "3"));
        FieldProfile email = profiler.result().field("Email");
        assertThat(email.count()).isEqualTo(3);
        assertThat(email.fillRate()).isEqualTo(1 / 3.0);
    }

}
