package dev.switchyard.cutover;

/**
 * Where a task stands in one execution of the plan.
 */
public enum TaskStatus {

    /** Some task it depends on is not done yet. */
    WAITING("Waiting"),

    /** Every task it depends on is done: it may start. */
    READY("Ready"),

    /** Started, not finished (an automatic task: its action runs). */
    RUNNING("Running"),

    /** Finished. */
    DONE("Done"),

    /** Its action failed or was cancelled; it may be started again. */
    FAILED("Failed");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    /**
     * @return the status as people read it
     */
    public String label() {
        return this.label;
    }

}
