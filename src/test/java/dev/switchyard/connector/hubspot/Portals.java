package dev.switchyard.connector.hubspot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.CallMeter;
import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.SourceRecord;
import dev.switchyard.support.hubspot.HubSpotStubPortal;

/**
 * Opens connectors on a stub portal, and collects what they read.
 */
final class Portals {

    private Portals() {
    }

    static HubSpotProperties properties(Map<String, List<String>> associations, int searchPageSize, int searchCap,
            int searchesPerSecond) {
        return new HubSpotProperties(
                List.of("contacts", "companies", "deals", "tickets", "notes", "calls", "emails", "meetings", "tasks"),
                associations, 100, searchPageSize, searchCap, searchesPerSecond, 100, Duration.ofSeconds(10), 4,
                Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    static ConnectionSettings settings(HubSpotStubPortal portal, CallMeter meter) {
        return new ConnectionSettings(ConnectorType.HUBSPOT, null, Map.of("baseUrl", portal.baseUrl()),
                HubSpotStubPortal.TOKEN, Map.of(), meter);
    }

    static HubSpotSourceConnector source(HubSpotStubPortal portal, HubSpotProperties properties, CallMeter meter) {
        return new HubSpotConnectorProvider(properties).open(settings(portal, meter));
    }

    static HubSpotTargetConnector target(HubSpotStubPortal portal, CallMeter meter) {
        return new HubSpotConnectorProvider(HubSpotProperties.defaults()).openTarget(settings(portal, meter));
    }

    static Collected extract(HubSpotSourceConnector source, String object, ExtractWindow window) {
        Collected collected = new Collected();
        source.extract(object, window, collected);
        return collected;
    }

    /** What a connector read. */
    static final class Collected implements ExtractionSink {

        final List<SourceRecord> records = new ArrayList<>();

        final List<ExtractionProblem> problems = new ArrayList<>();

        @Override
        public void accept(SourceRecord record) {
            this.records.add(record);
        }

        @Override
        public void problem(ExtractionProblem problem) {
            this.problems.add(problem);
        }

    }

    /** A meter that counts calls by kind and keeps the last usage reported. */
    static final class CountingMeter implements CallMeter {

        final Map<String, Integer> before = new java.util.TreeMap<>();

        int answers;

        ApiUsage last;

        @Override
        public void beforeCall(String kind) {
            this.before.merge(kind, 1, Integer::sum);
        }

        @Override
        public void afterCall(String kind, ApiUsage usage) {
            this.answers++;
            if (usage != null) {
                this.last = usage;
            }
        }

        int calls() {
            return this.before.values().stream().mapToInt(Integer::intValue).sum();
        }

    }

}
