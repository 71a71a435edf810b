package dev.switchyard.staging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams staged records into a snapshot's partition with PostgreSQL's COPY (text
 * format), a buffer at a time. Not thread-safe; one per object being extracted.
 */
public final class StagingWriter implements AutoCloseable {

    private static final int FLUSH_AT = 256 * 1024;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final CopyIn copy;

    private final String snapshotId;

    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 64 * 1024);

    private final StringBuilder json = new StringBuilder(4096);

    private long rows;

    public StagingWriter(Connection connection, String partition, long snapshotId) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY " + partition
                    + " (snapshot_id, object, source_id, payload, modified_at, deleted, location) FROM STDIN");
        this.snapshotId = Long.toString(snapshotId);
    }

    /**
     * Adds a record.
     * @param object the object
     * @param sourceId the record's id
     * @param values its values
     * @param modifiedAt its last-modified instant, or null
     * @param location where it was read
     * @return the field from which NUL characters were removed, or null
     * @throws SQLException when the database refuses the data
     */
    public String write(String object, String sourceId, Map<String, Object> values, Instant modifiedAt, String location)
            throws SQLException {
        this.json.setLength(0);
        String nulField = JsonPayload.append(this.json, values);
        StringBuilder row = this.buffer;
        row.append(this.snapshotId).append('\t');
        escape(row, object);
        row.append('\t');
        escape(row, sourceId);
        row.append('\t');
        escape(row, this.json);
        row.append('\t');
        if (modifiedAt == null) {
            row.append("\\N");
        }
        else {
            row.append(TIMESTAMP.format(OffsetDateTime.ofInstant(modifiedAt, ZoneOffset.UTC)));
        }
        row.append("\tf\t");
        if (location == null) {
            row.append("\\N");
        }
        else {
            escape(row, (location.length() > 300) ? location.substring(0, 300) : location);
        }
        row.append('\n');
        this.rows++;
        if (row.length() >= FLUSH_AT) {
            flush();
        }
        return nulField;
    }

    public long rows() {
        return this.rows;
    }

    private void flush() throws SQLException {
        if (this.buffer.isEmpty()) {
            return;
        }
        byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
        this.copy.writeToCopy(bytes, 0, bytes.length);
        this.buffer.setLength(0);
    }

    /**
     * Sends what is buffered and ends the COPY.
     * @return the rows the database took
     * @throws SQLException when it refuses them
     */
    public long finish() throws SQLException {
        flush();
        return this.copy.endCopy();
    }

    @Override
    public void close() {
        if (this.copy.isActive()) {
            try {
                this.copy.cancelCopy();
            }
            catch (SQLException ex) {
                // the connection is being given up anyway
            }
        }
    }

    /**
     * Appends text escaped for COPY's text format (backslash, tab, line feed, carriage
     * return), without NUL characters, which PostgreSQL cannot store.
     * @param out where to append
     * @param text the text
     */
    static void escape(StringBuilder out, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\u0000' -> {
                }
                default -> out.append(c);
            }
        }
    }

}
