package dev.switchyard.connector.salesforce;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Salesforce connector talks to an org, under {@code switchyard.salesforce}.
 *
 * @param bulkQueryThreshold records from which an object is read with a Bulk API 2.0
 * query job instead of REST query pages of 2,000 (default 10,000)
 * @param bulkIngestThreshold records in one write from which a Bulk API 2.0 ingest job is
 * used instead of sObject Collections of 200 (default 2,000)
 * @param bulkResultPage rows asked for per page of a bulk query's results (default
 * 50,000)
 * @param bulkPollInterval the wait between two polls of a bulk job (default 2 s)
 * @param bulkTimeout how long a bulk job may take before the connector gives up on it
 * (default 30 min)
 * @param maxRetries how often a call answered 429, 5xx or {@code UNABLE_TO_LOCK_ROW} is
 * repeated (default 4)
 * @param retryDelay the first wait before a repeat when Salesforce names none in
 * {@code Retry-After}; doubled at each repeat (default 1 s)
 * @param maxRetryDelay the longest wait before a repeat, also for a longer
 * {@code Retry-After} (default 60 s)
 * @param readBatch ids per SOQL {@code IN} list when records are read back (default 100,
 * keeping the query's URL short)
 * @param connectTimeout the longest wait for a connection (default 10 s)
 * @param readTimeout the longest wait for an answer (default 120 s)
 */
@ConfigurationProperties("switchyard.salesforce")
public record SalesforceProperties(@DefaultValue("10000") long bulkQueryThreshold,
        @DefaultValue("2000") int bulkIngestThreshold, @DefaultValue("50000") int bulkResultPage,
        @DefaultValue("2s") Duration bulkPollInterval, @DefaultValue("30m") Duration bulkTimeout,
        @DefaultValue("4") int maxRetries, @DefaultValue("1s") Duration retryDelay,
        @DefaultValue("60s") Duration maxRetryDelay, @DefaultValue("100") int readBatch,
        @DefaultValue("10s") Duration connectTimeout, @DefaultValue("120s") Duration readTimeout) {

    public SalesforceProperties {
        if (bulkQueryThreshold < 0 || bulkIngestThreshold < 0 || bulkResultPage < 1 || maxRetries < 0 || readBatch < 1
                || readBatch > 200) {
            throw new IllegalArgumentException("switchyard.salesforce: thresholds must not be negative, "
                    + "bulk-result-page must be positive and read-batch between 1 and 200");
        }
    }

    /**
     * @return the defaults, as Spring binds them without any property set
     */
    public static SalesforceProperties defaults() {
        return new SalesforceProperties(10_000, 2_000, 50_000, Duration.ofSeconds(2), Duration.ofMinutes(30), 4,
                Duration.ofSeconds(1), Duration.ofSeconds(60), 100, Duration.ofSeconds(10), Duration.ofSeconds(120));
    }

}
