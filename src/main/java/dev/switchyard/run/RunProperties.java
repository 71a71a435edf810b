package dev.switchyard.run;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of runs that are typed (the older ones, such as {@code threads} and
 * {@code chunk-size}, are still read where they are used).
 *
 * @param budgetCheck how often a run waiting for its API budget asks the provider, with
 * one cheap call, whether the budget is back (at most 60 s, so that the run resumes
 * within a minute after the limit renews or is raised)
 */
@ConfigurationProperties("switchyard.runs")
public record RunProperties(@DefaultValue("60s") Duration budgetCheck) {

    public RunProperties {
        if (budgetCheck.isNegative() || budgetCheck.isZero() || budgetCheck.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException(
                    "switchyard.runs.budget-check must be more than 0 and at most 60s, not " + budgetCheck);
        }
    }

}
