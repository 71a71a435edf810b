package dev.switchyard.support.hubspot;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An answer of the stub portal before its rate-limit headers are added.
 *
 * @param status the HTTP status
 * @param body the body, or null for none
 */
record Answer(int status, JsonNode body) {

    static final JsonMapper JSON = JsonMapper.shared();

    static Answer ok(JsonNode body) {
        return new Answer(200, body);
    }

    /**
     * The standard error body (contract §2.2).
     */
    static Answer error(int status, String category, String message, List<ObjectNode> errors) {
        ObjectNode body = JSON.createObjectNode()
            .put("status", "error")
            .put("message", message)
            .put("correlationId", java.util.UUID.randomUUID().toString())
            .put("category", category);
        body.putArray("errors").addAll(errors);
        body.putObject("context");
        body.putObject("links");
        return new Answer(status, body);
    }

    static Answer error(int status, String category, String message) {
        return error(status, category, message, List.of());
    }

    /**
     * A 429 body (contract §2.8).
     */
    static Answer rateLimited(String policy, String message) {
        return new Answer(429,
                JSON.createObjectNode()
                    .put("status", "error")
                    .put("message", message)
                    .put("errorType", "RATE_LIMIT")
                    .put("correlationId", java.util.UUID.randomUUID().toString())
                    .put("policyName", policy)
                    .put("requestId", java.util.UUID.randomUUID().toString()));
    }

    /**
     * One entry of {@code errors[]} of a batch answer.
     */
    static ObjectNode batchError(String category, String message, String contextKey, List<String> values,
            String property) {
        ObjectNode error = JSON.createObjectNode()
            .put("status", "error")
            .put("category", category)
            .put("message", message);
        ObjectNode context = error.putObject("context");
        var array = context.putArray(contextKey);
        values.forEach(array::add);
        if (property != null) {
            context.putArray("propertyName").add(property);
        }
        return error;
    }

}
