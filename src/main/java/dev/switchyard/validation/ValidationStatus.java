package dev.switchyard.validation;

/**
 * Where a validation is.
 */
public enum ValidationStatus {

    /** Waiting for the validation executor. */
    QUEUED,

    /** Reading and comparing. */
    RUNNING,

    /** Every object was read back and compared. */
    COMPLETED,

    /**
     * The target (or one of its tables) could not be read back: nothing is shown green.
     */
    COULD_NOT_VERIFY,

    /** Stopped by an error of the workbench or a restart; start a new one. */
    FAILED;

    /**
     * @return whether it has ended
     */
    public boolean finished() {
        return this == COMPLETED || this == COULD_NOT_VERIFY || this == FAILED;
    }

}
