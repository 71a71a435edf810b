package dev.switchyard.connector.sobjecttree;

import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Recognises sObject-tree references: a text value {@code @SomeRef} naming another
 * record's {@code attributes.referenceId}.
 */
final class References {

    private static final Pattern REFERENCE = Pattern.compile("@[A-Za-z_][A-Za-z0-9_]*");

    private References() {
    }

    /**
     * @param value a field's value
     * @return the reference id it points at (without {@code @}), or null when it is no
     * reference
     */
    static String target(JsonNode value) {
        if (value == null || !value.isString()) {
            return null;
        }
        String text = value.stringValue().trim();
        return REFERENCE.matcher(text).matches() ? text.substring(1) : null;
    }

    /**
     * The record a reference id stands for.
     *
     * @param type its object
     * @param id its id, or null when it has none
     */
    record Target(String type, String id) {

    }

}
