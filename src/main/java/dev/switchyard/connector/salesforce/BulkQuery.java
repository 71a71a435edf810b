package dev.switchyard.connector.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Runs a SOQL query as a Bulk API 2.0 query job: create the job, poll until it is
 * complete, then read its CSV results page by page, following {@code Sforce-Locator}
 * until it reads {@code null}.
 */
final class BulkQuery {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final SalesforceClient client;

    private final SalesforceProperties properties;

    BulkQuery(SalesforceClient client, SalesforceProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /**
     * @param object the object, for messages
     * @param soql the query
     * @param all whether deleted records are included ({@code queryAll})
     * @param cancelled checked between pages
     * @param rows receives each row, by column, and its row number
     * @throws SalesforceApiException when Salesforce refuses the job (an object the Bulk
     * API does not support: the caller may fall back to REST)
     */
    void run(String object, String soql, boolean all, BooleanSupplier cancelled, RowConsumer rows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operation", all ? "queryAll" : "query");
        body.put("query", soql);
        body.put("columnDelimiter", "COMMA");
        body.put("lineEnding", "LF");
        JsonNode job = this.client
            .call(SalesforceRequest.json("bulk", "bulk query of " + object, HttpMethod.POST,
                    this.client.data("/jobs/query"), body))
            .json();
        String path = "/jobs/query/" + Json.text(job.path("id"));
        new BulkJobs(this.client, this.properties).await(path, "bulk query job of " + object, false);
        String locator = null;
        long row = 0;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("maxRecords", String.valueOf(this.properties.bulkResultPage()));
            if (locator != null) {
                query.put("locator", locator);
            }
            SalesforceResponse page = this.client.call(new SalesforceRequest("bulk", "bulk query results of " + object,
                    HttpMethod.GET, this.client.data(path + "/results"), query, null, null, CSV));
            row = BulkCsv.read(page.text(), row, rows);
            locator = page.header("Sforce-Locator");
        }
        while (locator != null && !locator.isBlank() && !"null".equals(locator) && !cancelled.getAsBoolean());
    }

    /**
     * Receives a bulk query's rows.
     */
    @FunctionalInterface
    interface RowConsumer {

        /**
         * @param row the row's values by column
         * @param number the row's number in the results, from 1
         */
        void accept(Map<String, String> row, long number);

    }

    /**
     * @param consumer a consumer of rows alone
     * @return a row consumer ignoring the numbers
     */
    static RowConsumer rows(Consumer<Map<String, String>> consumer) {
        return (row, number) -> consumer.accept(row);
    }

}
