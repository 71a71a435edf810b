package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.FieldType;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SourceRecord;

/**
 * Streams the rows of one table, ordered by its id, through a server-side cursor, and
 * filters by the window's modified column in the query itself. Timestamps without a time
 * zone are compared as UTC.
 */
final class JdbcRecordReader {

    static final int FETCH_SIZE = 500;

    private final Connection connection;

    private final SqlDialect dialect;

    private final String schema;

    JdbcRecordReader(Connection connection, SqlDialect dialect, String schema) {
        this.connection = connection;
        this.dialect = dialect;
        this.schema = schema;
    }

    void read(ObjectSchema object, ExtractWindow window, ExtractionSink sink) throws SQLException {
        String location = this.schema + "." + object.name();
        if (object.idField() == null) {
            sink.problem(new ExtractionProblem(object.name(), location, null,
                    "Not extracted: " + location + " has no id column; choose one for it", null));
            return;
        }
        FieldSchema modified = window.isFull() ? null : field(object, window.modifiedField());
        if (!window.isFull() && modified == null) {
            sink.problem(new ExtractionProblem(object.name(), location, window.modifiedField(),
                    "There is no column '" + window.modifiedField() + "' in " + location
                            + ": every row was extracted instead of the changes only",
                    null));
        }
        String sql = "select "
                + object.fields().stream().map((f) -> this.dialect.quote(f.name())).collect(Collectors.joining(", "))
                + " from " + this.dialect.qualify(this.schema, object.name())
                + ((modified != null) ? " where " + this.dialect.quote(modified.name()) + " >= ?" : "") + " order by "
                + this.dialect.quote(object.idField());
        boolean autoCommit = this.connection.getAutoCommit();
        this.connection.setAutoCommit(false);
        try (PreparedStatement statement = this.connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            if (modified != null) {
                statement.setObject(1, bound(modified, window));
            }
            try (ResultSet rs = statement.executeQuery()) {
                rows(object, rs, location, sink);
            }
        }
        finally {
            endTransaction(autoCommit);
        }
    }

    /**
     * Streams the id column of every row.
     * @param object a table or view with an id column
     * @param ids receives each non-blank id
     * @throws SQLException when the database refuses
     */
    void readIds(ObjectSchema object, java.util.function.Consumer<String> ids) throws SQLException {
        String sql = "select " + this.dialect.quote(object.idField()) + " from "
                + this.dialect.qualify(this.schema, object.name());
        boolean autoCommit = this.connection.getAutoCommit();
        this.connection.setAutoCommit(false);
        try (PreparedStatement statement = this.connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE * 10);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (id != null && !id.isBlank()) {
                        ids.accept(id);
                    }
                }
            }
        }
        finally {
            endTransaction(autoCommit);
        }
    }

    private void endTransaction(boolean autoCommit) {
        try {
            this.connection.rollback();
            this.connection.setAutoCommit(autoCommit);
        }
        catch (SQLException ex) {
            // the connection is broken; the caller reports what broke it
        }
    }

    private void rows(ObjectSchema object, ResultSet rs, String location, ExtractionSink sink) throws SQLException {
        ResultSetMetaData metaData = rs.getMetaData();
        int count = metaData.getColumnCount();
        JdbcValues[] readers = new JdbcValues[count];
        for (int i = 0; i < count; i++) {
            readers[i] = JdbcValues.of(metaData, i + 1);
        }
        while (!sink.cancelled() && rs.next()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                values.put(object.fields().get(i).name(), value(rs, i + 1, readers[i], object, location, sink));
            }
            Object id = values.get(object.idField());
            if (id == null || JdbcValues.text(id).isBlank()) {
                sink.problem(new ExtractionProblem(object.name(), location, object.idField(), "A row of " + location
                        + " has no id: its column '" + object.idField() + "' is empty; the row was skipped",
                        summary(values)));
                continue;
            }
            sink.accept(new SourceRecord(object.name(), JdbcValues.text(id), values, location));
        }
    }

    private Object value(ResultSet rs, int column, JdbcValues reader, ObjectSchema object, String location,
            ExtractionSink sink) {
        try {
            return reader.read(rs, column);
        }
        catch (SQLException | RuntimeException ex) {
            String text = null;
            try {
                text = rs.getString(column);
            }
            catch (SQLException | RuntimeException ignored) {
                // reported below
            }
            if (text == null) {
                String field = object.fields().get(column - 1).name();
                sink.problem(new ExtractionProblem(object.name(), location, field,
                        "Unreadable value in column '" + field + "' of " + location + ": " + ex.getMessage(), null));
            }
            return text;
        }
    }

    private static Object bound(FieldSchema field, ExtractWindow window) {
        OffsetDateTime since = window.modifiedSince().atOffset(ZoneOffset.UTC);
        if (field.type() == FieldType.DATE) {
            return since.toLocalDate();
        }
        if (JdbcTypes.isZonedTimestamp(0, field.nativeType())) {
            return since;
        }
        return since.toLocalDateTime();
    }

    private static FieldSchema field(ObjectSchema object, String name) {
        return new JdbcTableMetadata(object.fields(), null).field(name).orElse(null);
    }

    private static String summary(Map<String, Object> values) {
        return values.entrySet()
            .stream()
            .map((entry) -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining(", ", "{", "}"));
    }

}
