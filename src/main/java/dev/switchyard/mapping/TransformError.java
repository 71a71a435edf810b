package dev.switchyard.mapping;

/**
 * A value a field mapping could not transform, naming the record, the field, the value
 * and the rule. It never stops the other fields or records: preview shows it, a run
 * quarantines the record with it.
 *
 * @param recordId the source record's id
 * @param field the target field
 * @param sourceField the source field the chain started from, or null
 * @param value the value that could not be transformed, or null
 * @param rule the transform's rule in words
 * @param message what went wrong, in words
 */
public record TransformError(String recordId, String field, String sourceField, String value, String rule,
        String message) {

}
