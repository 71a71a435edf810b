package dev.switchyard.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A change the workbench proposes; the analyst accepts or rejects each one.
 *
 * @param key a stable key (rejected keys are remembered in the document and not offered
 * again), e.g. {@code field:Account>companies:name}
 * @param kind {@code object}, {@code field}, {@code match-key} or {@code picklist-value}
 * @param source the source object
 * @param target the target object
 * @param field the target field, or null for an object
 * @param description what it proposes and why, in words
 * @param confidence how sure, 0–1
 * @param fieldMapping for {@code field}: the proposed field mapping
 * @param value for {@code picklist-value}: the source value
 * @param valueTarget for {@code picklist-value}: the target value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(String key, String kind, String source, String target, String field, String description,
        double confidence, FieldMapping fieldMapping, String value, String valueTarget) {

    static String objectKey(String source, String target) {
        return "object:" + source + ">" + target;
    }

    static String fieldKey(String source, String target, String field) {
        return "field:" + source + ">" + target + ":" + field;
    }

}
