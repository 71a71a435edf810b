package dev.switchyard.connector.salesforce;

import java.time.Duration;

import dev.switchyard.connector.CallMeter;
import dev.switchyard.support.salesforce.SalesforceStubOrg;

/**
 * Connectors on a stub org, with short waits.
 */
final class SalesforceTesting {

    private SalesforceTesting() {
    }

    static SalesforceProperties properties(long bulkQueryThreshold, int bulkIngestThreshold, int bulkResultPage) {
        return new SalesforceProperties(bulkQueryThreshold, bulkIngestThreshold, bulkResultPage, Duration.ofMillis(5),
                Duration.ofSeconds(30), 3, Duration.ofMillis(10), Duration.ofSeconds(5), 100, Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }

    static SalesforceProperties properties() {
        return properties(10_000, 2_000, 50_000);
    }

    static SalesforceSourceConnector source(SalesforceStubOrg org, SalesforceProperties properties, CallMeter meter) {
        return new SalesforceConnectorProvider(properties).open(org.settings(meter));
    }

    static SalesforceTargetConnector target(SalesforceStubOrg org, SalesforceProperties properties, CallMeter meter) {
        return new SalesforceConnectorProvider(properties).openTarget(org.settings(meter));
    }

}
