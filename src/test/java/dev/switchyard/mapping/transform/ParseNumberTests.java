package dev.switchyard.mapping.transform;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ParseNumberTests {

    private final TransformContext context = ParseTestContexts.of("Amount");

    @Test
    void plainExportNumbersKeepTheirScale() {
        // mashmatrix Account.csv AnnualRevenue of "Gateway"
        assertThat(new ParseNumber().apply("41600000000", this.context)).isEqualTo(new BigDecimal("41600000000"));
        // apex-recipes Opportunities.csv amount of "Cape starling"
        assertThat(new ParseNumber().apply("119373.34", this.context)).isEqualTo(new BigDecimal("119373.34"));
    }

    @Test
    void currencySymbolsCodesGroupingAndSpacesAreAccepted() {
        // the brief's example of a formatted amount
        assertThat(new ParseNumber().apply("$7,450,000.00 ", this.context)).isEqualTo(new BigDecimal("7450000.00"));
        assertThat(new ParseNumber().apply("USD 2,295.94", this.context)).isEqualTo(new BigDecimal("2295.94"));
        assertThat(new ParseNumber().apply("£8,451.23", this.context)).isEqualTo(new BigDecimal("8451.23"));
        assertThat(new ParseNumber().apply("1735.49 EUR", this.context)).isEqualTo(new BigDecimal("1735.49"));
    }

    @Test
    void theLocaleGivesTheSeparators() {
        // apex-recipes Opportunities.csv amount "832619.54" as a German export would
        // write it
        assertThat(new ParseNumber("de-DE", null, null, false).apply("832.619,54 €", this.context))
            .isEqualTo(new BigDecimal("832619.54"));
    }

    @Test
    void parenthesesAndALeadingMinusAreNegative() {
        assertThat(new ParseNumber().apply("(1,200.50)", this.context)).isEqualTo(new BigDecimal("-1200.50"));
        assertThat(new ParseNumber().apply("-$15,065.74", this.context)).isEqualTo(new BigDecimal("-15065.74"));
        assertThat(new ParseNumber().apply("$-15,065.74", this.context)).isEqualTo(new BigDecimal("-15065.74"));
    }

    @Test
    void toIntegerRoundsWithTheChosenModeAndReturnsALong() {
        // apex-recipes Opportunities.csv amount of "Pelican, great white"
        assertThat(new ParseNumber(null, null, null, true).apply("15065.74", this.context)).isEqualTo(15066L);
        assertThat(new ParseNumber(null, null, RoundingMode.DOWN, true).apply("15065.74", this.context))
            .isEqualTo(15065L);
    }

    @Test
    void scaleRoundsTheDecimals() {
        assertThat(new ParseNumber(null, 1, RoundingMode.HALF_EVEN, false).apply("119373.35", this.context))
            .isEqualTo(new BigDecimal("119373.4"));
        assertThat(new ParseNumber(null, 2, null, false).apply("24710", this.context))
            .isEqualTo(new BigDecimal("24710.00"));
    }

    @Test
    void blankIsNull() {
        // mashmatrix Opportunity.csv rows have blank TotalOpportunityQuantity
        assertThat(new ParseNumber().apply("", this.context)).isNull();
        assertThat(new ParseNumber().apply("   ", this.context)).isNull();
        assertThat(new ParseNumber().apply(null, this.context)).isNull();
    }

    @Test
    void textThatIsNotANumberFailsNamingTheValue() {
        // apex-recipes Opportunities.csv "naughty" descriptions
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new ParseNumber().apply("-1E02", this.context))
            .withMessageContaining("'-1E02' is not a number");
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new ParseNumber().apply("!@#$%^&*()", this.context));
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new ParseNumber().apply("１２３", this.context));
    }

    @Test
    void misplacedGroupingSeparatorsFail() {
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new ParseNumber().apply("1,5", this.context));
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new ParseNumber().apply("12%", this.context));
    }

}
