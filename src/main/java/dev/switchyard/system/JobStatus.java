package dev.switchyard.system;

/**
 * The status of background work (extractions, runs, validations).
 */
public enum JobStatus {

    QUEUED, RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED, CANCELLED,

    /** Runs only. */
    PAUSED,

    /**
     * Waiting for the API budget of a CRM connection (the project's share or the
     * provider's limit used up); goes on by itself when the budget is back.
     */
    WAITING_FOR_BUDGET,

    /** Runs only: the instance running it stopped. */
    INTERRUPTED;

    /**
     * @return whether the work has ended and will not change any more
     */
    public boolean isFinished() {
        return this == COMPLETED || this == COMPLETED_WITH_ERRORS || this == FAILED || this == CANCELLED;
    }

}
