package dev.switchyard.connector.salesforce;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One error as Salesforce states it: in a REST error body ({@code errorCode}) or in a
 * record's result ({@code statusCode}).
 *
 * @param code the error code, such as {@code REQUIRED_FIELD_MISSING}; never null
 * @param message Salesforce's message
 * @param fields the fields concerned; may be empty
 */
public record SalesforceError(String code, String message, List<String> fields) {

    public SalesforceError {
        code = (code != null && !code.isBlank()) ? code : "UNKNOWN_ERROR";
        fields = (fields != null) ? List.copyOf(fields) : List.of();
    }

    /**
     * @param node one error object
     * @return the error
     */
    public static SalesforceError of(JsonNode node) {
        String code = Json.text(node.path("errorCode"));
        if (code == null) {
            code = Json.text(node.path("statusCode"));
        }
        List<String> fields = new ArrayList<>();
        node.path("fields").values().forEach((f) -> fields.add(f.asString()));
        return new SalesforceError(code, Json.text(node.path("message")), fields);
    }

    /**
     * Reads an error body: an array of errors, or an OAuth error object.
     * @param body the body, possibly not JSON
     * @return the errors; one {@code UNKNOWN_ERROR} holding the text when it is not an
     * error array
     */
    public static List<SalesforceError> parse(String body) {
        JsonNode node = Json.readOrNull(body);
        List<SalesforceError> errors = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.values().forEach((e) -> errors.add(of(e)));
        }
        else if (node != null && node.has("error")) {
            errors.add(new SalesforceError(Json.text(node.path("error")), Json.text(node.path("error_description")),
                    List.of()));
        }
        if (errors.isEmpty()) {
            String text = (body != null && body.length() > 300) ? body.substring(0, 300) + "…" : body;
            errors.add(
                    new SalesforceError(null, (text == null || text.isBlank()) ? "no details given" : text, List.of()));
        }
        return errors;
    }

    /**
     * @return the first field concerned, or null
     */
    public String field() {
        return this.fields.isEmpty() ? null : this.fields.get(0);
    }

    @Override
    public String toString() {
        return this.code + ": " + this.message;
    }

}
