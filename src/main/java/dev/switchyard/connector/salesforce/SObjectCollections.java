package dev.switchyard.connector.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.connector.RowRejection;
import dev.switchyard.connector.WriteResult;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

/**
 * Writes through sObject Collections: up to 200 records a call, {@code allOrNone=false}
 * so that one bad record never fails the others. Create is {@code POST}, update
 * {@code PATCH} by {@code Id}, upsert {@code PATCH} on an external-id field, delete
 * {@code DELETE ?ids=}.
 */
final class SObjectCollections {

    /** Errors of a delete that mean the record is already gone. */
    private static final Set<String> ALREADY_GONE = Set.of("ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY",
            "NOT_FOUND", "INVALID_ID_FIELD");

    private final SalesforceClient client;

    SObjectCollections(SalesforceClient client) {
        this.client = client;
    }

    /**
     * @param object the object
     * @param operation insert, update (rows carry {@code Id}) or upsert
     * @param externalId the upsert's external-id field, else null
     * @param rows the records
     * @return one result per row, in order
     */
    List<WriteResult> write(String object, WriteOperation operation, String externalId, List<WriteRow> rows) {
        List<WriteResult> results = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += CallEstimates.COLLECTION) {
            List<WriteRow> slice = rows.subList(from, Math.min(rows.size(), from + CallEstimates.COLLECTION));
            List<Map<String, Object>> records = new ArrayList<>();
            for (WriteRow row : slice) {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("attributes", Map.of("type", object));
                row.values().forEach((field, value) -> record.put(field, SalesforceValues.toJson(value)));
                records.add(record);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("allOrNone", false);
            body.put("records", records);
            HttpMethod method = (operation == WriteOperation.INSERT) ? HttpMethod.POST : HttpMethod.PATCH;
            String path = (operation == WriteOperation.UPSERT) ? "/composite/sobjects/" + object + "/" + externalId
                    : "/composite/sobjects";
            JsonNode answer = this.client
                .call(SalesforceRequest.json("collections", operation.bulkName() + " of " + slice.size() + " " + object,
                        method, this.client.data(path), body))
                .json();
            List<JsonNode> items = new ArrayList<>(answer.values());
            for (int i = 0; i < slice.size(); i++) {
                results.add((i < items.size()) ? RecordResults.of(slice.get(i).sourceId(), items.get(i), operation)
                        : WriteResult.rejected(slice.get(i).sourceId(), null, null, "NO_RESULT",
                                "Salesforce returned no result for this record"));
            }
        }
        return results;
    }

    /**
     * @param object the object
     * @param values the fields to set, by record id
     * @return the records Salesforce refused to change
     */
    List<RowRejection> patch(String object, Map<String, Map<String, Object>> values) {
        List<WriteRow> rows = new ArrayList<>();
        values.forEach((id, fields) -> {
            Map<String, Object> row = new LinkedHashMap<>(fields);
            row.put("Id", id);
            rows.add(new WriteRow(id, row));
        });
        return write(object, WriteOperation.UPDATE, null, rows).stream()
            .filter((r) -> !r.written())
            .map((r) -> new RowRejection(r.sourceId(), r.column(), r.reason()))
            .toList();
    }

    /**
     * @param ids the records to delete
     * @return the records Salesforce refused to delete; ids it no longer holds count as
     * deleted
     */
    List<RowRejection> delete(List<String> ids) {
        List<RowRejection> refused = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CallEstimates.COLLECTION) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + CallEstimates.COLLECTION));
            Map<String, String> query = new LinkedHashMap<>();
            query.put("ids", String.join(",", slice));
            query.put("allOrNone", "false");
            JsonNode answer = this.client
                .call(new SalesforceRequest("collections", "delete of " + slice.size() + " records", HttpMethod.DELETE,
                        this.client.data("/composite/sobjects"), query, null, null,
                        org.springframework.http.MediaType.APPLICATION_JSON))
                .json();
            List<JsonNode> items = new ArrayList<>(answer.values());
            for (int i = 0; i < slice.size() && i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (!item.path("success").asBoolean(false) && item.path("errors").size() > 0) {
                    SalesforceError error = SalesforceError.of(item.path("errors").get(0));
                    if (!ALREADY_GONE.contains(error.code())) {
                        refused.add(new RowRejection(slice.get(i), error.field(), error.toString()));
                    }
                }
            }
        }
        return refused;
    }

}
