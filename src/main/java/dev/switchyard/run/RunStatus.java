package dev.switchyard.run;

import java.util.Set;

/**
 * Where a run is.
 */
public enum RunStatus {

    /** Waiting for a free executor. */
    QUEUED,
    /** Loading. */
    RUNNING,
    /** Asked to pause; stops after the chunk in hand. */
    PAUSING,
    /** Stopped after a committed chunk; resumable. */
    PAUSED,
    /** Asked to cancel; stops after the chunk in hand. */
    CANCELLING,
    /** Stopped for good; what was loaded stays loaded. */
    CANCELLED,
    /** Its instance stopped while it ran (restart or crash); resumable. */
    INTERRUPTED,
    /** Every record has its outcome. */
    COMPLETED,
    /**
     * Stopped because the API budget of its target is used up (the project's share of the
     * daily limit, or the provider's own limit); it keeps its environment, checks the
     * budget regularly and goes on from its last committed chunk when it is back.
     */
    WAITING_FOR_BUDGET,
    /** Stopped by an error no record explains, or by the error threshold; resumable. */
    FAILED,
    /** Deleting the records it created. */
    UNDOING,
    /** Every record it created was deleted again. */
    UNDONE;

    /** The statuses of a run that holds its environment. */
    public static final Set<RunStatus> ACTIVE = Set.of(QUEUED, RUNNING, PAUSING, CANCELLING, UNDOING,
            WAITING_FOR_BUDGET);

    /** The statuses from which a run can be undone. */
    public static final Set<RunStatus> UNDOABLE = Set.of(COMPLETED, CANCELLED, PAUSED, FAILED, INTERRUPTED);

    /** The statuses from which a run can be resumed. */
    public static final Set<RunStatus> RESUMABLE = Set.of(PAUSED, INTERRUPTED, FAILED);

    /** The statuses from which a user can resume a run. */
    public static final Set<RunStatus> USER_RESUMABLE = Set.of(PAUSED, INTERRUPTED, FAILED, WAITING_FOR_BUDGET);

}
