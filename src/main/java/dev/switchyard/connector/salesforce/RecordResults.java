package dev.switchyard.connector.salesforce;

import dev.switchyard.connector.WriteResult;
import tools.jackson.databind.JsonNode;

/**
 * Turns Salesforce's per-record save results into write results: the record's new or
 * existing id, created or updated, or the first error with its status code, message and
 * field.
 */
final class RecordResults {

    private RecordResults() {
    }

    /**
     * @param sourceId the record's source id
     * @param result one element of an sObject Collections answer
     * @param operation what was asked
     * @return the write result
     */
    static WriteResult of(String sourceId, JsonNode result, WriteOperation operation) {
        String id = Json.text(result.path("id"));
        if (result.path("success").asBoolean(false)) {
            boolean created = switch (operation) {
                case INSERT -> true;
                case UPDATE -> false;
                case UPSERT -> result.path("created").asBoolean(false);
            };
            return created ? WriteResult.created(sourceId, id) : WriteResult.updated(sourceId, id);
        }
        JsonNode errors = result.path("errors");
        SalesforceError error = (errors.size() > 0) ? SalesforceError.of(errors.get(0))
                : new SalesforceError(null, "Salesforce saved nothing and gave no reason", null);
        return WriteResult.rejected(sourceId, id, error.field(), error.code(), error.message());
    }

    /**
     * Reads a bulk job's {@code sf__Error}: {@code CODE:message:fields}, fields
     * {@code --} when none.
     * @param sourceId the record's source id
     * @param id the record's id when Salesforce knows it, or null
     * @param text the error column
     * @return the rejection
     */
    static WriteResult bulkError(String sourceId, String id, String text) {
        String value = (text != null) ? text : "";
        int first = value.indexOf(':');
        String code = (first > 0) ? value.substring(0, first) : null;
        String rest = (first > 0) ? value.substring(first + 1) : value;
        String field = null;
        int last = rest.lastIndexOf(':');
        if (last >= 0) {
            String fields = rest.substring(last + 1).trim();
            rest = rest.substring(0, last);
            if (!fields.isEmpty() && !fields.equals("--")) {
                field = fields.split("[,\\s]+")[0];
            }
        }
        return WriteResult.rejected(sourceId, (id == null || id.isBlank()) ? null : id, field,
                (code != null) ? code : "UNKNOWN_ERROR", rest.isBlank() ? value : rest);
    }

}
