package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.connector.FieldType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What profiling makes of the patterns of CRM report exports: two-digit-year dates with
 * 12-hour times, {@code ;}-separated multi-select values, misspelt picklist values, and
 * defaults left in place; and what it must not claim (a yes/no field named after e-mail,
 * ZIP codes with leading zeros as unparseable numbers, four-digit postal codes of another
 * country).
 */
class ReportExportProfilingTests {

    private static FieldProfile profile(String name, Object... values) {
        return profileFrom(FieldProfiler.DEFAULT_TWO_DIGIT_YEAR_PIVOT, name, values);
    }

    private static FieldProfile profileFrom(int pivot, String name, Object... values) {
        FieldProfiler profiler = new FieldProfiler(name, pivot);
        for (int i = 0; i < values.length; i++) {
            profiler.accept("r" + (i + 1), values[i]);
        }
        return profiler.result();
    }

    private static List<Finding> findings(String object, FieldProfile field) {
        return Findings.of(new ObjectProfile(object, field.count(), List.of(field), null, List.of()), List.of());
    }

    @Test
    void typesReportStyleDatesWithTwoDigitYearsAndTwelveHourTimesAsDatetimes() {
        FieldProfile created = profile("Created Date", "03/04/24 09:15 AM", "11/12/23 12:05 PM", "01/02/99 04:30 PM",
                "10/11/24 11:59 PM");
        assertThat(created.inferredType()).isEqualTo(FieldType.DATETIME);
        assertThat(created.formats().dateFormats()).extracting(FormatCount::format, FormatCount::count)
            .containsExactly(tuple("MM/dd/yy hh:mm a", 4L));
        assertThat(created.formats().twoDigitYearPivot()).isEqualTo(1950);
        // 99 is 1999, 24 is 2024 with the default pivot 1950
        assertThat(created.min()).isEqualTo("01/02/99 04:30 PM");
        assertThat(created.max()).isEqualTo("10/11/24 11:59 PM");
        assertThat(created.formats().ambiguousDayMonth()).isTrue();
        assertThat(findings("Opportunity", created)).extracting(Finding::kind, Finding::message)
            .containsExactly(tuple(Finding.Kind.AMBIGUOUS_DATES,
                    "All 4 slash dates could be day-first or month-first: the order must be confirmed "
                            + "(two-digit years read as 1950–2049)"));
    }

    @Test
    void readsTwoDigitYearsFromTheConfiguredPivot() {
        FieldProfile dates = profileFrom(2000, "Close Date", "12/31/99", "1/15/24");
        // from 2000: 99 is 2099, so it is the latest
        assertThat(dates.max()).isEqualTo("12/31/99");
        assertThat(dates.formats().twoDigitYearPivot()).isEqualTo(2000);
    }

    @Test
    void namesTheUnpaddedFormatWhenValuesLeaveOutLeadingZerosAndFlagsNoAmbiguityWhenADayRevealsTheOrder() {
        FieldProfile dates = profile("Close Date", "1/5/24", "12/15/24", "3/31/23 4:05 PM", "11/30/23 10:45 AM");
        assertThat(dates.inferredType()).isEqualTo(FieldType.DATETIME);
        assertThat(dates.formats().dateFormats()).extracting(FormatCount::format, FormatCount::count)
            .containsExactlyInAnyOrder(tuple("M/d/yy", 2L), tuple("M/d/yy h:mm a", 2L));
        assertThat(dates.formats().ambiguousDayMonth()).isFalse();
        assertThat(dates.formats().mixedDayMonth()).isFalse();
    }

    @Test
    void flagsDayFirstAndMonthFirstTwoDigitYearDatesMixedInOneField() {
        FieldProfile dates = profile("Birthdate", "25/12/80", "12/25/80", "01/02/81");
        assertThat(dates.inferredType()).isEqualTo(FieldType.DATE);
        assertThat(dates.formats().mixedDayMonth()).isTrue();
        assertThat(findings("Contact", dates)).extracting(Finding::kind).contains(Finding.Kind.MIXED_DATE_FORMATS);
    }

    @Test
    void refusesImpossibleReportTimesAndDotDatesWithTwoDigitYears() {
        assertThat(profile("When", "03/04/24 13:15 PM").inferredType()).isEqualTo(FieldType.TEXT);
        assertThat(profile("When", "02/30/24").inferredType()).isEqualTo(FieldType.TEXT);
        assertThat(profile("Version", "1.2.10", "3.1.12").inferredType()).isEqualTo(FieldType.TEXT);
    }

    @Test
    void recognisesSemicolonSeparatedMultiSelectValuesAndCountsEachOption() {
        List<String> values = new ArrayList<>();
        String[] options = { "Golf", "Spa & Wellness", "Tennis & Pickleball", "Water Sports", "Dining Experiences",
                "Nightlife & Entertainment" };
        for (int i = 0; i < 30; i++) {
            StringBuilder value = new StringBuilder(options[i % options.length]);
            for (int k = 1; k <= i % 4; k++) {
                value.append(';').append(options[(i + k * 2) % options.length]);
            }
            values.add(value.toString());
        }
        FieldProfile interests = profile("Interests__c", values.toArray());
        assertThat(interests.inferredType()).isEqualTo(FieldType.MULTI_PICKLIST);
        assertThat(interests.multiValues()).extracting(ValueCount::value).containsExactlyInAnyOrder(options);
        long golf = values.stream().filter((v) -> List.of(v.split(";")).contains("Golf")).count();
        assertThat(interests.multiValues()).contains(new ValueCount("Golf", golf));
    }

    @Test
    void doesNotTakeAFreeTextFieldWithAnOccasionalSemicolonForAMultiSelect() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            values.add("Called about order " + i + ((i == 7) ? "; left a message" : ""));
        }
        assertThat(profile("Notes", values.toArray()).inferredType()).isEqualTo(FieldType.TEXT);
    }

    @Test
    void findsARareMisspellingOfAFrequentPicklistValueWithItsCanonicalValue() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            values.add("Technology");
        }
        for (int i = 0; i < 20; i++) {
            values.add("Manufacturing");
        }
        values.add("Tecnology");
        values.add("Tecnology");
        values.add("manufacturing ");
        FieldProfile industry = profile("Industry", values.toArray());
        assertThat(industry.inferredType()).isEqualTo(FieldType.PICKLIST);
        assertThat(industry.nearDuplicates())
            .extracting(NearDuplicate::value, NearDuplicate::count, NearDuplicate::canonical, NearDuplicate::edits)
            .containsExactlyInAnyOrder(tuple("Tecnology", 2L, "Technology", 1),
                    tuple("manufacturing ", 1L, "Manufacturing", 0));
        List<Finding> findings = findings("Account", industry);
        assertThat(findings).extracting(Finding::kind).contains(Finding.Kind.NEAR_DUPLICATE_VALUES);
        assertThat(findings.stream().filter((f) -> f.kind() == Finding.Kind.NEAR_DUPLICATE_VALUES).findFirst()).get()
            .extracting(Finding::message)
            .asString()
            .contains("'Tecnology' ×2 → 'Technology' ×30");
    }

    @Test
    void staysQuietOnValuesThatDifferInANumberAShortCodeOrAreAboutAsFrequent() {
        List<String> stages = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stages.add("Pilot 50 users");
            states.add("CA");
            regions.add("North Carolina");
        }
        for (int i = 0; i < 3; i++) {
            stages.add("Pilot 60 users");
            states.add("CO");
        }
        for (int i = 0; i < 12; i++) {
            regions.add("South Carolina");
        }
        assertThat(profile("Name", stages.toArray()).nearDuplicates()).isEmpty();
        assertThat(profile("BillingState", states.toArray()).nearDuplicates()).isEmpty();
        assertThat(profile("Region", regions.toArray()).nearDuplicates()).isEmpty();
    }

    @Test
    void reportsOneValueOnNearlyEveryRowOfANumericFieldAsADefaultLeftInPlace() {
        List<String> employees = new ArrayList<>();
        for (int i = 0; i < 47; i++) {
            employees.add("0");
        }
        employees.add("250");
        employees.add("1200");
        employees.add("40");
        FieldProfile profile = profile("NumberOfEmployees", employees.toArray());
        assertThat(profile.issue(FieldIssue.DOMINANT_VALUE).count()).isEqualTo(47);
        assertThat(findings("Account", profile)).extracting(Finding::kind, Finding::message)
            .contains(tuple(Finding.Kind.DOMINANT_VALUE, "47 of 50 values (94%) are 0: a default left in place? "
                    + "Check whether it means a real value or 'unknown' before migrating it"));
        List<String> probability = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            probability.add((i < 33) ? "100" : "10");
        }
        assertThat(profile("Probability", probability.toArray()).issue(FieldIssue.DOMINANT_VALUE).count())
            .as("83% is a common value, not a default")
            .isZero();
    }

    @Test
    void reportsOneAddressSharedByMostRecordsOfAnEmailField() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            emails.add("sfdcjdemo01@salesforce.com");
        }
        FieldProfile profile = profile("Email", emails.toArray());
        assertThat(findings("Contact", profile)).extracting(Finding::kind).contains(Finding.Kind.DOMINANT_VALUE);
    }

    @Test
    void classifiesAYesNoFieldNamedAfterEmailByItsValuesNotItsName() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            values.add((i % 3 == 0) ? "1" : "0");
        }
        FieldProfile optOut = profile("HasOptedOutOfEmail", values.toArray());
        assertThat(optOut.inferredType()).isEqualTo(FieldType.BOOLEAN);
        assertThat(optOut.issue(FieldIssue.INVALID_EMAIL).count()).isZero();
        assertThat(findings("Contact", optOut)).isEmpty();
        FieldProfile bounced = profile("EmailBouncedReason", "Mailbox full", "Unknown user", "Mailbox full");
        assertThat(bounced.issue(FieldIssue.INVALID_EMAIL).count()).as("no value holds an @").isZero();
    }

    @Test
    void takesZipCodesWithLeadingZerosAsCodesNotAsUnparseableNumbers() {
        List<String> zips = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            zips.add(String.valueOf(90001 + i));
        }
        zips.add("06606");
        zips.add("02203");
        FieldProfile profile = profile("MailingPostalCode", zips.toArray());
        assertThat(profile.issue(FieldIssue.UNPARSEABLE).count()).isZero();
        assertThat(findings("Contact", profile)).isEmpty();
    }

    @Test
    void doesNotCallAFieldOfFourDigitPostalCodesLostLeadingZeros() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            codes.add(String.valueOf(2000 + i * 7));
        }
        codes.add("90210");
        assertThat(profile("PostalCode", codes.toArray()).issue(FieldIssue.LOST_LEADING_ZEROS).count()).isZero();
    }

}
