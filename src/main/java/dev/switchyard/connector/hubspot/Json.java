package dev.switchyard.connector.hubspot;

import tools.jackson.databind.JsonNode;

/**
 * Small helpers for HubSpot's JSON.
 */
final class Json {

    private Json() {
    }

    /**
     * @param node a node, possibly missing or null
     * @return its text (a number's or a boolean's too), or null when absent or null
     */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isString() ? node.stringValue() : (node.isValueNode() ? node.asString() : node.toString());
    }

}
