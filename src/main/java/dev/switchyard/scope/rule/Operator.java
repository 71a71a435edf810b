package dev.switchyard.scope.rule;

/**
 * How a condition of a record rule tests a field, with the label forms show for it.
 */
public enum Operator {

    /** The value equals (text: ignoring case and surrounding spaces). */
    EQUALS("equals", true),

    /** The value is given and differs; a blank value never matches. */
    NOT_EQUALS("does not equal", true),

    /** The text contains the value, ignoring case. */
    CONTAINS("contains", true),

    /** The value is one of a {@code ;}-separated list. */
    IN("is one of", true),

    /** Null, or only spaces. */
    IS_BLANK("is blank", false),

    /** Anything but blank. */
    IS_NOT_BLANK("is not blank", false),

    /** A true checkbox: true, 1, yes, y or on. */
    IS_TRUE("is true", false),

    /** A false checkbox: false, 0, no, n, off, or blank. */
    IS_FALSE("is false", false),

    /** Less than a number, date or date-time. */
    LESS_THAN("is less than", true),

    /** Less than or equal to a number, date or date-time. */
    LESS_OR_EQUAL("is at most", true),

    /** Greater than a number, date or date-time. */
    GREATER_THAN("is greater than", true),

    /** Greater than or equal to a number, date or date-time. */
    GREATER_OR_EQUAL("is at least", true),

    /** Another object has records whose field holds this record's id. */
    HAS_RELATED("has related records of", false),

    /** No record of another object holds this record's id in its field. */
    HAS_NO_RELATED("has no related records of", false);

    private final String label;

    private final boolean takesValue;

    Operator(String label, boolean takesValue) {
        this.label = label;
        this.takesValue = takesValue;
    }

    /**
     * @return how forms show the operator, e.g. {@code is blank}
     */
    public String label() {
        return this.label;
    }

    /**
     * @return whether the condition needs a value
     */
    public boolean takesValue() {
        return this.takesValue;
    }

    /**
     * @return whether the condition tests the records of another object rather than a
     * field of this one
     */
    public boolean relation() {
        return this == HAS_RELATED || this == HAS_NO_RELATED;
    }

    /**
     * @return whether the operator orders values (numbers, dates, date-times only)
     */
    public boolean comparison() {
        return this == LESS_THAN || this == LESS_OR_EQUAL || this == GREATER_THAN || this == GREATER_OR_EQUAL;
    }

}
