package dev.switchyard.run;

/**
 * What became of a source record in a run: exactly one per record and object mapping. The
 * first six are the outcomes of the records the run read, and balance against them; the
 * next four are those of records earlier runs loaded and the source has deleted since,
 * outside that balance (the project's delete policy decides which). The last four are
 * what the run did about the target row of a record an earlier run loaded and this run's
 * scope (or the mapping's source filter) now excludes or archives — <em>a record leaving
 * the scope</em>: an entry of its own beside the record's EXCLUDED or ARCHIVED outcome,
 * also outside the balance.
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
    DELETE_REFUSED,

    /**
     * Left the scope; the target keeps its row (delete policy report, or a production run
     * whose scope version is not approved).
     */
    LEFT_SCOPE,
    /** Left the scope; its target row was deleted (delete policy delete). */
    LEFT_SCOPE_DELETED,
    /** Left the scope; its target row was marked inactive (deactivate). */
    LEFT_SCOPE_DEACTIVATED,
    /**
     * Left the scope; the target refused to delete or deactivate its row (the reason
     * holds the target's message).
     */
    LEFT_SCOPE_REFUSED

}
