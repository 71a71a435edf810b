package dev.switchyard.validation;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A balanced ledger is not a pass when the run quarantined a large share of an object:
 * above the warn threshold (1% of the records in scope by default) the object warns.
 */
class QuarantineVerdictTests {

    @Test
    void aQuarterQuarantinedWarnsWhereOnePercentPasses() {
        assertThat(object(200, 150, 50, BigDecimal.ONE).verdict()).isEqualTo(Verdict.WARN);
        assertThat(object(200, 150, 50, BigDecimal.ONE).quarantinePercent()).isEqualTo(25.0);
        assertThat(object(200, 198, 2, BigDecimal.ONE).verdict()).isEqualTo(Verdict.PASS);
        assertThat(object(200, 197, 3, BigDecimal.ONE).verdict()).isEqualTo(Verdict.WARN);
        assertThat(object(200, 150, 50, BigDecimal.valueOf(30)).verdict()).isEqualTo(Verdict.PASS);
        assertThat(object(200, 200, 0, BigDecimal.ZERO).verdict()).isEqualTo(Verdict.PASS);
    }

    private static Validation.ObjectResult object(long records, long created, long quarantined, BigDecimal warn) {
        return new Validation.ObjectResult(0, "Contact", "people", records, records, created, 0, 0, quarantined, 0, 0,
                0, created, 0, created, true, null, 0L, 0L, warn);
    }

}
