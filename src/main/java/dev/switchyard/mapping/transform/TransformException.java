package dev.switchyard.mapping.transform;

/**
 * A value a transform cannot handle: names the record, the target field, the value and
 * the rule, in words for people.
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
                + "', rule: " + rule + ")");
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
