package dev.switchyard.mapping;

import java.util.List;
import java.util.Map;

/**
 * One source record made into a target record.
 *
 * @param sourceId the source record's id
 * @param values the target values by target field (references still hold source ids,
 * resolved at load time through the cross-reference); a field whose chain failed is
 * absent
 * @param errors the fields that could not be made
 * @param notes deliberate losses (e.g. truncations) by target field
 */
public record MappedRecord(String sourceId, Map<String, Object> values, List<TransformError> errors,
        Map<String, List<String>> notes) {

    /**
     * @return whether every field was made
     */
    public boolean ok() {
        return this.errors.isEmpty();
    }

}
