package dev.switchyard.scope.rule;

/**
 * Whether a record rule needs all its conditions or any one of them.
 */
public enum Match {

    /** Every condition holds. */
    ALL,

    /** At least one condition holds. */
    ANY

}
