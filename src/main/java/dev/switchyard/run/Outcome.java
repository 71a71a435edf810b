package dev.switchyard.run;

/**
 * What became of a source record in a run: exactly one per record and object mapping. The
 * first six are the outcomes of the records the run read, and balance against them; the
 * last four are those of records earlier runs loaded and the source has deleted since,
 * outside that balance (the project's delete policy decides which).
 */
public enum Outcome {

    CREATED, UPDATED, UNCHANGED, QUARANTINED, EXCLUDED, ARCHIVED,

    /** Deleted in the source; the target keeps it (delete policy report). */
    DELETED_IN_SOURCE,
    /** Deleted in the source; its target row was deleted (delete policy delete). */
    DELETED,
    /** Deleted in the source; its target row was marked inactive (deactivate). */
    DEACTIVATED,
    /**
     * Deleted in the source; the target refused to delete or deactivate its row (the
     * reason holds the target's message).
     */
    DELETE_REFUSED

}
