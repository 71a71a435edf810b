package dev.switchyard.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something validation found in a mapping, shown inline where it occurs.
 *
 * @param code a stable code, e.g. {@code required-unmapped}
 * @param source the object mapping's source object, or null for the whole mapping
 * @param target the object mapping's target object, or null
 * @param field the target field, or null for the object mapping
 * @param message what is wrong and what to do, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MappingIssue(String code, String source, String target, String field, String message) {

    /**
     * @param source a source object
     * @param target a target object
     * @return whether this issue belongs to that object mapping
     */
    public boolean concerns(String source, String target) {
        return source != null && source.equalsIgnoreCase(this.source) && target != null
                && target.equalsIgnoreCase(this.target);
    }

    /**
     * @param source a source object
     * @param target a target object
     * @param field a target field
     * @return whether this issue belongs to that field mapping
     */
    public boolean concerns(String source, String target, String field) {
        return concerns(source, target) && field != null && field.equalsIgnoreCase(this.field);
    }

}
