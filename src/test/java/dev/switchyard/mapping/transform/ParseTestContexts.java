package dev.switchyard.mapping.transform;

import java.util.HashMap;
import java.util.Map;

/**
 * Transform contexts for the tests of the parsing transforms.
 */
final class ParseTestContexts {

    private ParseTestContexts() {
    }

    static TransformContext of(String targetField) {
        return new TransformContext("rec-1", new HashMap<>(), targetField, null);
    }

    static TransformContext of(String targetField, String field, Object value) {
        Map<String, Object> record = new HashMap<>();
        record.put(field, value);
        return new TransformContext("rec-1", record, targetField, null);
    }

}
