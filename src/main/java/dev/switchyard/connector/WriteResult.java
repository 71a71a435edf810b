package dev.switchyard.connector;

/**
 * What became of one record written into a target: exactly one per record, in the order
 * the records were given.
 *
 * @param sourceId the record's id in the source
 * @param outcome what happened
 * @param targetId the row's id in the target (its primary key as text); null when the
 * record was rejected before any row was known
 * @param column the target column a rejection concerns, when it can be told; otherwise
 * null
 * @param code the target's own error code for a rejection where it has codes (a CRM's
 * {@code REQUIRED_FIELD_MISSING}); otherwise null
 * @param message why the record was rejected, in the target's own words where it gave
 * them; null unless rejected
 */
public record WriteResult(String sourceId, Outcome outcome, String targetId, String column, String code,
        String message) {

    /**
     * A result without an error code.
     * @param sourceId the record's id in the source
     * @param outcome what happened
     * @param targetId the record's id in the target, or null
     * @param column the field a rejection concerns, or null
     * @param message why it was rejected, or null
     */
    public WriteResult(String sourceId, Outcome outcome, String targetId, String column, String message) {
        this(sourceId, outcome, targetId, column, null, message);
    }

    /**
     * @param sourceId the record's id in the source
     * @param targetId the new row's id
     * @return a record that became a new row
     */
    public static WriteResult created(String sourceId, String targetId) {
        return new WriteResult(sourceId, Outcome.CREATED, targetId, null, null);
    }

    /**
     * @param sourceId the record's id in the source
     * @param targetId the row's id
     * @return a record whose row was changed
     */
    public static WriteResult updated(String sourceId, String targetId) {
        return new WriteResult(sourceId, Outcome.UPDATED, targetId, null, null);
    }

    /**
     * @param sourceId the record's id in the source
     * @param targetId the row's id
     * @return a record whose row already held exactly its values
     */
    public static WriteResult unchanged(String sourceId, String targetId) {
        return new WriteResult(sourceId, Outcome.UNCHANGED, targetId, null, null);
    }

    /**
     * @param sourceId the record's id in the source
     * @param targetId the row concerned, or null
     * @param column the column concerned, or null
     * @param message why
     * @return a record the target refused
     */
    public static WriteResult rejected(String sourceId, String targetId, String column, String message) {
        return new WriteResult(sourceId, Outcome.REJECTED, targetId, column, message);
    }

    /**
     * @param sourceId the record's id in the source
     * @param targetId the record concerned, or null
     * @param column the field concerned, or null
     * @param code the target's error code
     * @param message the target's message
     * @return a record the target refused, with the target's error code
     */
    public static WriteResult rejected(String sourceId, String targetId, String column, String code, String message) {
        return new WriteResult(sourceId, Outcome.REJECTED, targetId, column, code, message);
    }

    /**
     * @return the reason of a rejection as the ledger states it: the target's code, when
     * it has one, before its message
     */
    public String reason() {
        return (this.code != null) ? this.code + ": " + this.message : this.message;
    }

    /**
     * @return whether the target holds the record's row after the write
     */
    public boolean written() {
        return this.outcome != Outcome.REJECTED;
    }

    /**
     * What became of a record.
     */
    public enum Outcome {

        /** A new row was inserted. */
        CREATED,

        /** An existing row was changed. */
        UPDATED,

        /**
         * An existing row already held exactly the record's values; nothing was written.
         */
        UNCHANGED,

        /** The target refused the record; nothing of it was written. */
        REJECTED

    }

}
