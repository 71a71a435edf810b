package dev.switchyard.connector.salesforce;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the connector, and null-safe reading of answers.
 */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /**
     * @param node a node, possibly missing or null
     * @return its text, or null for a missing or null node
     */
    static String text(JsonNode node) {
        return (node == null || node.isMissingNode() || node.isNull()) ? null : node.asString();
    }

    /**
     * @param body text, possibly not JSON
     * @return the tree, or null when it is not JSON
     */
    static JsonNode readOrNull(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    /**
     * @param value a map, list or value
     * @return its JSON text
     */
    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

}
