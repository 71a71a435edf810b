package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.RowRejection;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.TargetCapabilities;
import dev.switchyard.connector.TargetConnector;
import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.TargetUnavailableException;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;

/**
 * Writes records into the tables of one schema of a target database, chunk by chunk. It
 * owns one JDBC connection; it is not thread-safe; close it when done.
 *
 * <p>
 * Each call is one transaction of the target, committed before it returns, and separate
 * from any transaction of the workbench: a run commits a chunk here, then records xref
 * and ledger. Within a chunk one bad record never fails the others: every record gets
 * exactly one {@link WriteResult}, in input order, and a rejected one carries the
 * database's own message and, when it can be told, the column. A failure no record caused
 * (lost connection, server shutdown, deadlock) is a {@link TargetUnavailableException}
 * instead, and nothing of the chunk is committed (unless it says
 * {@link TargetUnavailableException#inDoubt()}); the next call opens a new connection.
 *
 * <p>
 * Target ids are the text of the table's single-column primary key, which every table
 * written needs. Values are converted to the column types: the text of a number into a
 * numeric column, ISO text into dates and times, a {@code List<String>} joined with
 * {@code ;} into a text column or as an array into an array column, a date-time with an
 * offset as UTC into a timestamp without time zone; a value a column cannot hold rejects
 * its record, naming column and value. Chunks of 1,000 to 5,000 records suit it: on
 * PostgreSQL a thousand rows go in one statement.
 *
 * <p>
 * PostgreSQL is tested; MySQL, MariaDB and SQL Server follow their documented behaviour
 * but are not tested against a server.
 */
public class JdbcTargetWriter implements TargetConnector {

    private final JdbcUrl url;

    private final String secret;

    private final String schema;

    private final TargetTransactions transactions;

    private final Map<String, TargetTable> tables = new HashMap<>();

    JdbcTargetWriter(Connection connection, JdbcUrl url, String username, String secret, String schema)
            throws SQLException {
        this.url = url;
        this.secret = secret;
        this.schema = schema;
        this.transactions = new TargetTransactions(connection, url, username, secret);
    }

    /**
     * Reads the tables of the schema written, as the target dictionary shows them.
     * @return the tables
     */
    @Override
    public SchemaSnapshot describe() {
        return this.transactions.run("describing " + this.schema, false,
                (connection) -> new JdbcSchemaReader(connection, this.url.dialect(), this.schema, Map.of()).describe());
    }

    @Override
    public TargetCapabilities capabilities() {
        return TargetCapabilities.relational();
    }

    /**
     * @return the schema written, as the database spells it
     */
    public String schema() {
        return this.schema;
    }

    /**
     * Writes one chunk of records in one transaction.
     *
     * <p>
     * The match key column identifies the row a record stands for, so that UPDATE and
     * UPSERT find it and a chunk replayed after a crash can ask
     * {@link #existingByMatchKey} what the target already holds. Without one (null)
     * CREATE is the only safe mode, and the only one allowed: nothing would stop a
     * replayed chunk from inserting its records twice. With one, each record must hold a
     * value for it, unique within the chunk. UPDATE and UPSERT report UNCHANGED for a row
     * that already holds exactly the record's values: the update's {@code WHERE} clause
     * compares them in the database ({@code IS DISTINCT FROM}; {@code <=>} on MySQL and
     * MariaDB, {@code INTERSECT} on SQL Server), so nothing is read first and the row is
     * not rewritten. The primary key and the match key are never updated.
     *
     * <p>
     * A record the target refuses (NOT NULL, length, CHECK, foreign key, unique, type) is
     * REJECTED with the database's message and the column where it can be told; every
     * other record of the chunk is still written and committed.
     * @param table the table, exact or in another case
     * @param matchKeyColumn the column identifying a record's row (the id column, or a
     * column holding the source id, ideally with a unique index), or null for CREATE
     * @param records the chunk
     * @param mode how to write it
     * @return one result per record, in input order
     * @throws IllegalArgumentException for UPDATE or UPSERT without a match key column
     * @throws TargetUnavailableException when the target could not take the chunk at all
     * @throws ConnectorException when the table, its primary key or the match key column
     * does not exist, or the database fails in a way no record explains
     */
    @Override
    public List<WriteResult> write(String table, String matchKeyColumn, List<TargetRecord> records, WriteMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (matchKeyColumn == null && mode != WriteMode.CREATE) {
            throw new IllegalArgumentException(
                    mode + " needs a match key column; to update by target id, name the primary key column");
        }
        if (records.isEmpty()) {
            return List.of();
        }
        return this.transactions.run("writing into " + this.schema + "." + table, true, (connection) -> {
            TargetTable target = table(connection, table);
            JdbcColumn matchKey = (matchKeyColumn != null) ? target.require(matchKeyColumn, "match key") : null;
            return new ChunkWriter(connection, this.url.dialect(), target, matchKey, mode, records.size(), this.secret)
                .write(records);
        });
    }

    /**
     * Finds which match keys the target already holds, so that a chunk replayed after a
     * crash writes only what is missing and never inserts a record twice.
     * @param table the table
     * @param matchKeyColumn the match key column
     * @param keys match key values, as text
     * @return the target id of the row holding each key found, by key, in the keys' order
     * (when several rows hold a key, one of them); keys the column's type cannot hold are
     * simply not found
     * @throws TargetUnavailableException when the target cannot be reached
     */
    @Override
    public Map<String, String> existingByMatchKey(String table, String matchKeyColumn, Collection<String> keys) {
        return this.transactions.run("looking up " + this.schema + "." + table, false, (connection) -> {
            TargetTable target = table(connection, table);
            JdbcColumn key = target.require(matchKeyColumn, "match key");
            Map<String, Object> converted = converted(key, keys);
            Map<String, List<String>> found = queries(connection).ids(target, key, new ArrayList<>(converted.values()));
            Map<String, String> existing = new LinkedHashMap<>();
            converted.forEach((text, value) -> {
                List<String> ids = found.get(TargetParameters.key(value));
                if (ids != null) {
                    existing.put(text, ids.get(0));
                }
            });
            return existing;
        });
    }

    /**
     * Sets values of rows that already exist: the second pass that fills cyclic
     * references (self references such as {@code reports_to_id}) once every row exists.
     * @param table the table
     * @param idColumn the column the target ids are in, or null for the primary key
     * @param values the values to set, column by column, by target id
     * @return the rows not changed, with why; empty when every row was
     * @throws TargetUnavailableException when the target could not take the patch at all
     */
    @Override
    public List<RowRejection> patch(String table, String idColumn, Map<String, Map<String, Object>> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return this.transactions.run("patching " + this.schema + "." + table, true, (connection) -> {
            TargetTable target = table(connection, table);
            return new RowChanges(connection, this.url.dialect(), target, this.secret).patch(id(target, idColumn),
                    values);
        });
    }

    /**
     * Reads rows back, for verification.
     * @param table the table
     * @param idColumn the column the target ids are in, or null for the primary key
     * @param targetIds the ids
     * @return every column of each row found (values as the JDBC source reads them; array
     * columns as lists), by target id, in the ids' order
     * @throws TargetUnavailableException when the target cannot be reached
     */
    @Override
    public Map<String, Map<String, Object>> read(String table, String idColumn, Collection<String> targetIds) {
        return this.transactions.run("reading " + this.schema + "." + table, false, (connection) -> {
            TargetTable target = table(connection, table);
            JdbcColumn id = id(target, idColumn);
            Map<String, Object> converted = converted(id, targetIds);
            Map<String, Map<String, Object>> found = queries(connection).rows(target, id,
                    new ArrayList<>(converted.values()));
            Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
            converted.forEach((text, value) -> {
                Map<String, Object> row = found.get(TargetParameters.key(value));
                if (row != null) {
                    rows.put(text, row);
                }
            });
            return rows;
        });
    }

    /**
     * Reads the rows whose column holds one value, for tracing relationships: the
     * children of one parent row, say.
     * @param table the table
     * @param column the column compared, such as a reference column
     * @param value the value, as text (converted to the column's type)
     * @param limit the most rows to read
     * @return every column of each row found (as {@link #read} gives them), by the text
     * of its primary key, in primary key order; none when the column's type cannot hold
     * the value
     * @throws TargetUnavailableException when the target cannot be reached
     * @throws ConnectorException when the table or the column does not exist
     */
    @Override
    public Map<String, Map<String, Object>> readWhere(String table, String column, String value, int limit) {
        return this.transactions.run("reading " + this.schema + "." + table, false, (connection) -> {
            TargetTable target = table(connection, table);
            JdbcColumn key = target.require(column, "compared");
            Map<String, Object> converted = converted(key, List.of(value));
            if (converted.isEmpty()) {
                return Map.of();
            }
            return queries(connection).rowsWhere(target, key, converted.values().iterator().next(), limit);
        });
    }

    /**
     * The values as the target's columns would hold them, the way {@link #write} converts
     * them (the text {@code "42"} for an integer column as 42, a date for a timestamp
     * column at midnight), so that what a transform makes can be compared with what
     * {@link #read} gives back. A value the column cannot take, and a field the table has
     * no column for, are given unchanged.
     * @param table the table
     * @param values values by column name
     * @return the converted values, by the same names
     * @throws TargetUnavailableException when the target cannot be reached
     */
    @Override
    public Map<String, Object> asStored(String table, Map<String, Object> values) {
        TargetTable target = this.tables.get(table);
        if (target == null) {
            target = this.transactions.run("reading " + this.schema + "." + table, false,
                    (connection) -> table(connection, table));
        }
        TargetValues converter = new TargetValues(this.url.dialect());
        Map<String, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            JdbcColumn column = target.column(entry.getKey()).orElse(null);
            if (column != null && value != null) {
                try {
                    value = converter.convert(column, value);
                }
                catch (TargetValues.ValueRejection ex) {
                    // compared as it is: it differs from whatever the target holds
                }
            }
            converted.put(entry.getKey(), value);
        }
        return converted;
    }

    /**
     * @param table the table
     * @return how many rows it holds
     * @throws TargetUnavailableException when the target cannot be reached
     */
    @Override
    public long count(String table) {
        return this.transactions.run("counting " + this.schema + "." + table, false,
                (connection) -> queries(connection).count(table(connection, table)));
    }

    /**
     * Deletes rows, to undo a run. Ids no row has are taken as already deleted, so an
     * undo can be repeated.
     * @param table the table
     * @param idColumn the column the target ids are in, or null for the primary key
     * @param targetIds the rows to delete
     * @return the rows not deleted, with the database's reason (such as other rows
     * referring to them, whose column is given as {@code table.column}); empty when every
     * row was
     * @throws TargetUnavailableException when the target could not take the delete at all
     */
    @Override
    public List<RowRejection> delete(String table, String idColumn, Collection<String> targetIds) {
        if (targetIds.isEmpty()) {
            return List.of();
        }
        return this.transactions.run("deleting from " + this.schema + "." + table, true, (connection) -> {
            TargetTable target = table(connection, table);
            return new RowChanges(connection, this.url.dialect(), target, this.secret).delete(id(target, idColumn),
                    targetIds);
        });
    }

    @Override
    public void close() {
        this.transactions.close();
    }

    private TargetTable table(Connection connection, String name) throws SQLException {
        TargetTable table = this.tables.get(name);
        if (table == null) {
            table = TargetTable.load(connection, this.url.dialect(), this.schema, name)
                .orElseThrow(() -> new ConnectorException(
                        "There is no table '" + name + "' in the schema " + this.schema + " of " + this.url));
            this.tables.put(name, table);
        }
        return table;
    }

    private static JdbcColumn id(TargetTable table, String idColumn) {
        return (idColumn != null) ? table.require(idColumn, "id") : table.primaryKey();
    }

    private Map<String, Object> converted(JdbcColumn column, Collection<String> texts) {
        TargetValues values = new TargetValues(this.url.dialect());
        Map<String, Object> converted = new LinkedHashMap<>();
        for (String text : new LinkedHashSet<>(texts)) {
            try {
                Object value = values.convert(column, text);
                if (value != null) {
                    converted.put(text, value);
                }
            }
            catch (TargetValues.ValueRejection ex) {
                // no row can hold it
            }
        }
        return converted;
    }

    private TargetQueries queries(Connection connection) {
        SqlDialect dialect = this.url.dialect();
        return new TargetQueries(connection, new TargetSql(dialect), new TargetParameters(dialect));
    }

}
