package dev.switchyard.connector.salesforce;

/**
 * What a write call does in Salesforce's terms.
 */
enum WriteOperation {

    /** New records; Salesforce makes their ids. */
    INSERT("insert"),

    /** Existing records, by {@code Id}. */
    UPDATE("update"),

    /** By external id: updated when found, else created. */
    UPSERT("upsert");

    private final String bulkName;

    WriteOperation(String bulkName) {
        this.bulkName = bulkName;
    }

    /**
     * @return the operation's name in a Bulk API 2.0 ingest job
     */
    String bulkName() {
        return this.bulkName;
    }

}
