package dev.switchyard.connector;

/**
 * An open connection to a source system. Not thread-safe; close it when done.
 */
public interface SourceConnector extends AutoCloseable {

    /**
     * Reads the system's objects and fields. Problems with one object (an unreadable
     * file, no id column) are reported in the snapshot, and the others are still
     * described.
     * @return the schema
     * @throws ConnectorException when the system cannot be reached or read at all
     */
    SchemaSnapshot describe();

    /**
     * Streams the records of one object into the sink. A record that cannot be read is
     * reported to the sink as a problem and the rest goes on.
     * @param object the object's name, as {@link #describe()} gave it
     * @param window all records, or a delta
     * @param sink where records and problems go
     * @throws ConnectorException when the object cannot be read at all
     */
    void extract(String object, ExtractWindow window, ExtractionSink sink);

    /**
     * Lists the id of every record of an object, so that a delta that read only the
     * changed records can still find the records deleted at the source. The default reads
     * every record; connectors that can list ids cheaply override it.
     * @param object the object's name
     * @param ids receives each id
     */
    default void listIds(String object, java.util.function.Consumer<String> ids) {
        extract(object, ExtractWindow.full(), new ExtractionSink() {
            @Override
            public void accept(SourceRecord record) {
                ids.accept(record.id());
            }

            @Override
            public void problem(ExtractionProblem problem) {
                // problems were reported when the records were read
            }
        });
    }

    /**
     * @return whether {@link #extract} filters by the window itself
     */
    default boolean filtersByWindow() {
        return false;
    }

    @Override
    void close();

}
