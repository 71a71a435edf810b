package dev.switchyard.connector;

/**
 * Receives what a connector reads, record by record, so that no object ever has to sit in
 * memory.
 */
public interface ExtractionSink {

    /**
     * A record was read.
     * @param record the record
     */
    void accept(SourceRecord record);

    /**
     * Something could not be read; the connector goes on with the rest.
     * @param problem what and where
     */
    void problem(ExtractionProblem problem);

    /**
     * Connectors check this between records and stop early when it turns true.
     * @return whether the extraction was cancelled
     */
    default boolean cancelled() {
        return false;
    }

}
