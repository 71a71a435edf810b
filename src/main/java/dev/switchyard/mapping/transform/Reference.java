package dev.switchyard.mapping.transform;

/**
 * Marks a lookup field: the value identifies a record of {@code targetObject} (e.g. a
 * Contact's {@code AccountId}) and passes through this transform unchanged. It is not an
 * id the target knows: at load time the run resolves it to the target id of the same
 * record through the cross-reference of loaded records (source id → target id), and a
 * record not (yet) loaded is reported there, not here. Validation compares the resolved
 * ids the same way.
 *
 * <p>
 * By default the value is the parent's source id. With {@code byField} it is the value of
 * that field of the parent instead (a reference by business key: an account's name, a
 * customer number), found among the parent's staged records of the run's extraction —
 * exactly as written ({@link KeyMatch#EXACT}, ignoring surrounding spaces) or ignoring
 * case, spaces, punctuation and accents ({@link KeyMatch#NORMALISED}) — whatever id the
 * parent has. A value no parent or several parents have leaves the record unresolved.
 *
 * <p>
 * JSON: {@code {"type":"reference","targetObject":"Account"}}, or
 * {@code {"type":"reference","targetObject":"Account","byField":"Name","match":"NORMALISED"}}.
 *
 * @param targetObject the object the value points at (not blank)
 * @param byField the parent's field the value is a key of, or null for the parent's id
 * @param match how the value is compared with {@code byField} (null: exact); only with
 * {@code byField}
 */
public record Reference(String targetObject, String byField, KeyMatch match) implements Transform {

    public Reference {
        if (targetObject == null || targetObject.isBlank()) {
            throw new IllegalArgumentException("Reference needs the target object");
        }
        byField = (byField != null && !byField.isBlank()) ? byField.strip() : null;
        if (byField == null && match != null) {
            throw new IllegalArgumentException(
                    "A reference compares " + match + " only by a parent's field: name the field (byField)");
        }
    }

    /**
     * A reference by the parent's source id.
     * @param targetObject the object the id points at
     */
    public Reference(String targetObject) {
        this(targetObject, null, null);
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        return value;
    }

    /**
     * @return whether values are compared in normal form
     */
    public boolean normalised() {
        return this.match == KeyMatch.NORMALISED;
    }

    @Override
    public String describe() {
        if (this.byField == null) {
            return "reference to " + this.targetObject + " (resolved at load time)";
        }
        return "reference to the " + this.targetObject + " whose " + this.byField + " is the value"
                + (normalised() ? " ignoring case, spaces and punctuation" : "") + " (resolved at load time)";
    }

    /**
     * How a reference by key compares values with the parent's field.
     */
    public enum KeyMatch {

        /** As written, ignoring surrounding spaces. */
        EXACT,

        /** Ignoring case, spaces, punctuation and accents. */
        NORMALISED

    }

}
