package dev.switchyard.mapping.transform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ParseDateTests {

    private final TransformContext context = ParseTestContexts.of("CloseDate");

    @Test
    void reportStyleDatesWithTwoDigitYearsAndTwelveHourTimesParseFromThePivotYear() {
        ParseDate parse = new ParseDate(List.of("M/d/yy h:mm a", "M/d/yy"), false, null, 1950);
        assertThat(parse.apply("03/04/24 09:15 PM", this.context))
            .isEqualTo(OffsetDateTime.parse("2024-03-04T21:15:00Z"));
        assertThat(parse.apply("1/2/99 12:05 am", this.context))
            .isEqualTo(OffsetDateTime.parse("1999-01-02T00:05:00Z"));
        assertThat(parse.apply("12/31/49", this.context)).isEqualTo(OffsetDateTime.parse("2049-12-31T00:00:00Z"));
        assertThat(new ParseDate(List.of("MM/dd/yy"), true, null, 1950).apply("12/31/50", this.context))
            .isEqualTo(LocalDate.of(1950, 12, 31));
        assertThat(new ParseDate(List.of("MM/dd/yy"), true, null, 2000).apply("12/31/50", this.context))
            .isEqualTo(LocalDate.of(2050, 12, 31));
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> parse.apply("13/04/24 09:15 PM", this.context));
        assertThat(parse.describe()).contains("two-digit years as 1950–2049");
    }

    @Test
    void salesforceTimestampsWithAnOffsetWithoutColonBecomeUtc() {
        // mashmatrix Account.csv LastModifiedDate of "Nissan Motors"
        Object parsed = new ParseDate(List.of("yyyy-MM-dd'T'HH:mm:ss.SSSZ"), false, null)
            .apply("2017-10-10T08:38:27.000+0000", this.context);
        assertThat(parsed).isEqualTo(OffsetDateTime.parse("2017-10-10T08:38:27Z"));
    }

    @Test
    void isoTimestampsInADateFieldKeepTheDateAsWritten() {
        // apex-recipes Opportunities.csv closedate of "Cape starling"
        assertThat(new ParseDate(List.of("ISO_OFFSET_DATE_TIME"), true, "Pacific/Auckland")
            .apply("2020-12-22T21:16:01Z", this.context)).isEqualTo(LocalDate.of(2020, 12, 22));
    }

    @Test
    void aDateOnlyValueNeverShiftsADay() {
        ParseDate parse = new ParseDate(List.of("yyyy-MM-dd"), true, "Pacific/Auckland");
        assertThat(parse.apply("2019-03-31", this.context)).isEqualTo(LocalDate.of(2019, 3, 31));
        // mashmatrix Opportunity.csv CloseDate
        assertThat(parse.apply("2024-06-14", this.context)).isEqualTo(LocalDate.of(2024, 6, 14));
        // coral-cloud data-Contact.json: a birthdate in the future still parses
        // (plausibility is not this rule)
        assertThat(parse.apply("2042-05-03", this.context)).isEqualTo(LocalDate.of(2042, 5, 3));
    }

    @Test
    void valuesWithoutAnOffsetAreReadInTheZone() {
        ParseDate parse = new ParseDate(List.of("yyyy-MM-dd HH:mm", "yyyy-MM-dd"), false, "Pacific/Auckland");
        assertThat(parse.apply("2019-03-31 09:30", this.context)).isEqualTo(OffsetDateTime.parse("2019-03-30T20:30Z"));
        assertThat(parse.apply("2019-03-31", this.context)).isEqualTo(OffsetDateTime.parse("2019-03-30T11:00Z"));
    }

    @Test
    void anAmbiguousDateResolvesPerTheFirstMatchingFormat() {
        assertThat(new ParseDate(List.of("MM/dd/yyyy", "dd/MM/yyyy"), true, null).apply("03/04/2020", this.context))
            .isEqualTo(LocalDate.of(2020, 3, 4));
        assertThat(new ParseDate(List.of("dd/MM/yyyy", "MM/dd/yyyy"), true, null).apply("03/04/2020", this.context))
            .isEqualTo(LocalDate.of(2020, 4, 3));
        assertThat(new ParseDate(List.of("MM/dd/yyyy", "dd/MM/yyyy"), true, null).apply("25/12/2020", this.context))
            .isEqualTo(LocalDate.of(2020, 12, 25));
        assertThat(new ParseDate(List.of("yyyy-MM-dd", "dd.MM.yyyy"), true, null).apply("14.06.2024", this.context))
            .isEqualTo(LocalDate.of(2024, 6, 14));
    }

    @Test
    void impossibleDatesFailStrictlyNamingTheFormatsTried() {
        assertThatExceptionOfType(TransformException.class).isThrownBy(
                () -> new ParseDate(List.of("MM/dd/yyyy", "dd/MM/yyyy"), true, null).apply("02/30/2020", this.context))
            .withMessageContaining("[MM/dd/yyyy, dd/MM/yyyy]");
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new ParseDate(List.of("yyyy-MM-dd"), true, null).apply("2021-02-29", this.context));
    }

    @Test
    void theDefaultFormatsReadSalesforceAndIsoExports() {
        ParseDate parse = new ParseDate(null, false, null);
        // mashmatrix Account.csv CreatedDate; apex-recipes closedate; mashmatrix
        // CloseDate
        assertThat(parse.apply("2017-10-10T08:38:20.000+0000", this.context))
            .isEqualTo(OffsetDateTime.parse("2017-10-10T08:38:20Z"));
        assertThat(parse.apply("2021-01-19T00:30:44Z", this.context))
            .isEqualTo(OffsetDateTime.parse("2021-01-19T00:30:44Z"));
        assertThat(parse.apply("2024-06-14", this.context)).isEqualTo(OffsetDateTime.parse("2024-06-14T00:00Z"));
        assertThat(parse.apply("", this.context)).isNull();
    }

    @Test
    void aFormatWithoutAWholeDateNeverMatchesAndBadSettingsFailEarly() {
        // mashmatrix Opportunity.csv CloseDate "2024-06-14" written as month and year
        // only
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new ParseDate(List.of("MM/yyyy"), true, null).apply("06/2024", this.context));
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> new ParseDate(List.of("yyyy-MM-dd{"), true, null));
        assertThatExceptionOfType(java.time.DateTimeException.class)
            .isThrownBy(() -> new ParseDate(null, false, "Mars/Olympus_Mons"));
    }

}
