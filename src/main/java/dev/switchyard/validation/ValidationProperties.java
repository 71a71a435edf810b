package dev.switchyard.validation;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How validation judges a run.
 *
 * @param quarantineWarnPercent the share of an object's in-scope records a run may
 * quarantine before the object's reconciliation warns, in percent (1 by default): a
 * balanced ledger with a quarter of an object quarantined is not a pass
 */
@ConfigurationProperties("switchyard.validation")
public record ValidationProperties(@DefaultValue("1") BigDecimal quarantineWarnPercent) {

    public ValidationProperties {
        if (quarantineWarnPercent.signum() < 0 || quarantineWarnPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(
                    "switchyard.validation.quarantine-warn-percent must be from 0 to 100, not "
                            + quarantineWarnPercent);
        }
    }

}
