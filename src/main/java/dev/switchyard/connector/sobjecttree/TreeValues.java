package dev.switchyard.connector.sobjecttree;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.SourceRecord;
import tools.jackson.databind.JsonNode;

/**
 * Turns a tree record into a source record: JSON values become plain Java values,
 * {@code @SomeRef} references become the referenced record's id, and a nested record gets
 * its parent's id in its parent field. A reference that matches no record is reported and
 * kept as it was.
 */
final class TreeValues {

    private final Map<String, References.Target> targets;

    TreeValues(Map<String, References.Target> targets) {
        this.targets = targets;
    }

    SourceRecord toRecord(TreeRecord record, ExtractionSink sink) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(TreeIndex.REFERENCE_ID, record.referenceId());
        record.fields().forEach((field, value) -> values.put(field, resolve(record, field, value, sink)));
        if (record.parentType() != null) {
            values.put(record.parentField(), record.parentId());
        }
        return new SourceRecord(record.type(), record.id(), values, record.location());
    }

    private Object resolve(TreeRecord record, String field, JsonNode value, ExtractionSink sink) {
        String reference = References.target(value);
        if (reference == null) {
            return plain(value);
        }
        References.Target target = this.targets.get(reference);
        if (target == null || target.id() == null || target.id().isBlank()) {
            String why = (target == null) ? "matches no record's referenceId" : "points at a record without an id";
            sink.problem(new ExtractionProblem(record.type(), record.location(), field,
                    "the reference " + value.stringValue() + " " + why + "; the value is kept as it is",
                    value.stringValue()));
            return value.stringValue();
        }
        return target.id();
    }

    /**
     * @param value a JSON value
     * @return {@code String}, {@code Long}, {@code BigDecimal}, {@code Boolean}, null, or
     * the JSON text of an object or array
     */
    static Object plain(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return value.toString();
    }

}
