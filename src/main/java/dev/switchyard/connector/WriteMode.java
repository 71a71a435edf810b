package dev.switchyard.connector;

/**
 * How a chunk of records is written into a target.
 */
public enum WriteMode {

    /**
     * Insert every record as a new row. The only safe mode without a match key; a chunk
     * replayed after a crash must first ask the target which records it already holds.
     */
    CREATE,

    /**
     * Update the row whose match key equals the record's; a record no row matches is
     * rejected.
     */
    UPDATE,

    /**
     * Update the row whose match key equals the record's, or insert one when none does.
     */
    UPSERT

}
