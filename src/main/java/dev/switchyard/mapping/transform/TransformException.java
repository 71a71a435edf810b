package dev.switchyard.mapping.transform;

/**
 * A value a transform cannot handle: names the record, the target field, the value and
 * the rule, in words for people.
 *
 * <p>
 * It is an expected outcome for bad data (a run records it and goes on with the next
 * value), not a program error, and its message says everything there is to say; so it is
 * created without a stack trace, which would cost more than most transforms.
 */
public class TransformException extends RuntimeException {

    private final String recordId;

    private final String field;

    private final String value;

    private final String rule;

    /**
     * @param context where it happened
     * @param value the value that could not be transformed
     * @param rule the transform's description
     * @param reason why
     */
    public TransformException(TransformContext context, Object value, String rule, String reason) {
        super("Record " + context.recordId() + ", field " + context.targetField() + ": " + reason + " (value '" + value
                + "', rule: " + rule + ")", null, true, false);
        this.recordId = context.recordId();
        this.field = context.targetField();
        this.value = (value != null) ? value.toString() : null;
        this.rule = rule;
    }

    public String getRecordId() {
        return this.recordId;
    }

    public String getField() {
        return this.field;
    }

    public String getValue() {
        return this.value;
    }

    public String getRule() {
        return this.rule;
    }

}
