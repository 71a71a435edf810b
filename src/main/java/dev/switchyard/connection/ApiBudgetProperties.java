package dev.switchyard.connection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How work that used up its API budget waits for it.
 *
 * @param checkInterval how often a run or extraction waiting for its API budget asks the
 * provider, with one cheap call, whether the budget is back: at most 60 s, so that work
 * goes on within a minute after the limit renews or is raised
 */
@ConfigurationProperties("switchyard.api-budget")
public record ApiBudgetProperties(@DefaultValue("60s") Duration checkInterval) {

    public ApiBudgetProperties {
        if (checkInterval.isNegative() || checkInterval.isZero()
                || checkInterval.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException(
                    "switchyard.api-budget.check-interval must be more than 0 and at most 60s, not " + checkInterval);
        }
    }

}
