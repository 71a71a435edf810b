package dev.switchyard.mapping.transform;

/**
 * Marks a lookup field: the value is the source record id of a record of
 * {@code targetObject} (e.g. a Contact's {@code AccountId}) and passes through this
 * transform unchanged. It is not an id the target knows: at load time the run resolves it
 * to the target id of the same record through the cross-reference of loaded records
 * (source id → target id), and a source id not (yet) loaded is reported there, not here.
 * Validation compares the resolved ids the same way.
 *
 * <p>
 * JSON: {@code {"type":"reference","targetObject":"Account"}}.
 *
 * @param targetObject the object the id points at (not blank)
 */
public record Reference(String targetObject) implements Transform {

    public Reference {
        if (targetObject == null || targetObject.isBlank()) {
            throw new IllegalArgumentException("Reference needs the target object");
        }
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        return value;
    }

    @Override
    public String describe() {
        return "reference to " + this.targetObject + " (resolved at load time)";
    }

}
