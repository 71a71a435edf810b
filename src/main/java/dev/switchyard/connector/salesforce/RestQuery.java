package dev.switchyard.connector.salesforce;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

/**
 * Runs a SOQL query through the REST API ({@code query}, {@code queryAll} or the Tooling
 * API's {@code query}) and follows {@code nextRecordsUrl} until {@code done}, handing
 * over each record as it comes: one call per page of up to 2,000 records.
 */
final class RestQuery {

    private final SalesforceClient client;

    private final String kind;

    private final String resource;

    private final String what;

    private BooleanSupplier cancelled = () -> false;

    /**
     * @param client the client
     * @param kind the meter's kind for the calls
     * @param resource {@code /query}, {@code /queryAll} or {@code /tooling/query}
     * @param what the query for people, in messages
     */
    RestQuery(SalesforceClient client, String kind, String resource, String what) {
        this.client = client;
        this.kind = kind;
        this.resource = resource;
        this.what = what;
    }

    /**
     * @param cancelled checked between pages; the query stops when it turns true
     * @return this query
     */
    RestQuery until(BooleanSupplier cancelled) {
        this.cancelled = cancelled;
        return this;
    }

    /**
     * @param soql the query
     * @param records receives each record (with its {@code attributes})
     * @return the query's {@code totalSize}
     */
    long run(String soql, Consumer<JsonNode> records) {
        JsonNode page = this.client
            .call(SalesforceRequest.get(this.kind, "query of " + this.what, this.client.data(this.resource),
                    Map.of("q", soql)))
            .json();
        long total = page.path("totalSize").asLong(0);
        while (true) {
            for (JsonNode record : page.path("records").values()) {
                records.accept(record);
            }
            String next = Json.text(page.path("nextRecordsUrl"));
            if (page.path("done").asBoolean(true) || next == null || this.cancelled.getAsBoolean()) {
                return total;
            }
            page = this.client.call(SalesforceRequest.get(this.kind, "query of " + this.what, next, Map.of())).json();
        }
    }

}
