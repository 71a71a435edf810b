package dev.switchyard.connector.salesforce;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.connector.WriteResult;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Writes through a Bulk API 2.0 ingest job: create the job, upload the records as CSV,
 * close it, poll until it is complete, then read its successful, failed and unprocessed
 * results. Result rows come in no particular order and repeat the uploaded columns, so
 * each is matched back to its record by those columns: one result per record.
 */
final class BulkIngest {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private static final char SEPARATOR = '\u0001';

    private final SalesforceClient client;

    private final SalesforceProperties properties;

    BulkIngest(SalesforceClient client, SalesforceProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /**
     * @param object the object
     * @param operation insert, update (rows carry {@code Id}) or upsert
     * @param externalId the upsert's external-id field, else null
     * @param rows the records
     * @return one result per row, in order
     */
    List<WriteResult> write(String object, WriteOperation operation, String externalId, List<WriteRow> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach((row) -> columns.addAll(row.values().keySet()));
        List<String> header = new ArrayList<>(columns);
        Map<String, Deque<Integer>> byContent = new HashMap<>();
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> line = new ArrayList<>();
            for (String column : header) {
                Map<String, Object> values = rows.get(i).values();
                line.add(values.containsKey(column) ? SalesforceValues.toCsv(values.get(column)) : "");
            }
            lines.add(line);
            byContent.computeIfAbsent(key(line), (k) -> new ArrayDeque<>()).add(i);
        }
        String path = "/jobs/ingest/" + create(object, operation, externalId);
        String what = "bulk " + operation.bulkName() + " job of " + object;
        this.client.call(new SalesforceRequest("bulk", "upload of the " + what, HttpMethod.PUT,
                this.client.data(path + "/batches"), null, CSV, BulkCsv.write(header, lines),
                MediaType.APPLICATION_JSON));
        this.client.call(SalesforceRequest.json("bulk", "close of the " + what, HttpMethod.PATCH,
                this.client.data(path), Map.of("state", "UploadComplete")));
        new BulkJobs(this.client, this.properties).await(path, what, true);
        WriteResult[] results = new WriteResult[rows.size()];
        results(path + "/successfulResults/", what, header, byContent, (index, row) -> {
            String sourceId = rows.get(index).sourceId();
            String id = row.get("sf__Id");
            results[index] = (operation == WriteOperation.INSERT || "true".equalsIgnoreCase(row.get("sf__Created")))
                    ? WriteResult.created(sourceId, id) : WriteResult.updated(sourceId, id);
        });
        results(path + "/failedResults/", what, header, byContent, (index, row) -> results[index] = RecordResults
            .bulkError(rows.get(index).sourceId(), row.get("sf__Id"), row.get("sf__Error")));
        results(path + "/unprocessedrecords/", what, header, byContent,
                (index, row) -> results[index] = WriteResult.rejected(rows.get(index).sourceId(), null, null,
                        "UNPROCESSED", "Salesforce did not process the record in the " + what));
        List<WriteResult> ordered = new ArrayList<>(rows.size());
        for (int i = 0; i < results.length; i++) {
            ordered.add((results[i] != null) ? results[i] : WriteResult.rejected(rows.get(i).sourceId(), null, null,
                    "NO_RESULT", "The " + what + " returned no result for this record"));
        }
        return ordered;
    }

    private String create(String object, WriteOperation operation, String externalId) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("object", object);
        job.put("operation", operation.bulkName());
        if (operation == WriteOperation.UPSERT) {
            job.put("externalIdFieldName", externalId);
        }
        job.put("contentType", "CSV");
        job.put("columnDelimiter", "COMMA");
        job.put("lineEnding", "LF");
        return Json.text(
                this.client
                    .call(SalesforceRequest.json("bulk", "bulk " + operation.bulkName() + " of " + object,
                            HttpMethod.POST, this.client.data("/jobs/ingest"), job))
                    .json()
                    .path("id"));
    }

    private void results(String path, String what, List<String> header, Map<String, Deque<Integer>> byContent,
            ResultRow consumer) {
        SalesforceResponse answer = this.client.call(new SalesforceRequest("bulk", "results of the " + what,
                HttpMethod.GET, this.client.data(path), null, null, null, CSV));
        BulkCsv.read(answer.text(), 0, (row, number) -> {
            List<String> line = new ArrayList<>();
            header.forEach((column) -> line.add(row.getOrDefault(column, "")));
            Deque<Integer> indexes = byContent.get(key(line));
            Integer index = (indexes != null) ? indexes.poll() : null;
            if (index != null) {
                consumer.accept(index, row);
            }
        });
    }

    private static String key(List<String> line) {
        return String.join(String.valueOf(SEPARATOR), line);
    }

    @FunctionalInterface
    private interface ResultRow {

        void accept(int index, Map<String, String> row);

    }

}
