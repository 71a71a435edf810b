package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;

/**
 * Writes one chunk of records into one table, inside the caller's transaction, and gives
 * exactly one result per record in input order.
 *
 * <p>
 * Values are converted first (a value a column cannot hold rejects its record only). For
 * UPDATE and UPSERT one query per 512 keys finds the rows the match keys already hold;
 * those rows are updated with {@code WHERE id = ? AND (c1 IS DISTINCT FROM ? OR …)}, so
 * the update count tells UPDATED (1) from UNCHANGED (0) in the database itself. New rows
 * go in multi-row inserts of up to {@value TargetSql#ROWS_PER_STATEMENT} rows that give
 * their ids back. On PostgreSQL, an UPSERT whose match key has a unique index inserts
 * with {@code ON CONFLICT (key) DO NOTHING}, and a row that another writer inserted
 * meanwhile is then updated like the others. Every statement runs under
 * {@link RowIsolation}, so a row the database refuses is rejected alone.
 */
final class ChunkWriter {

    private final Connection connection;

    private final TargetTable table;

    private final JdbcColumn id;

    private final JdbcColumn matchKey;

    private final WriteMode mode;

    private final TargetSql sql;

    private final TargetValues values;

    private final TargetQueries queries;

    private final RowIsolation isolation;

    private final String secret;

    private final WriteResult[] results;

    private final List<Row> late = new ArrayList<>();

    ChunkWriter(Connection connection, SqlDialect dialect, TargetTable table, JdbcColumn matchKey, WriteMode mode,
            int size, String secret) {
        this.connection = connection;
        this.table = table;
        this.id = table.primaryKey();
        this.matchKey = matchKey;
        this.mode = mode;
        this.sql = new TargetSql(dialect);
        this.values = new TargetValues(dialect);
        this.queries = new TargetQueries(connection, this.sql, this.values);
        this.isolation = new RowIsolation(connection, dialect);
        this.secret = secret;
        this.results = new WriteResult[size];
    }

    List<WriteResult> write(List<TargetRecord> records) throws SQLException {
        List<Row> rows = new RowPreparation(this.table, this.matchKey, this.values, this.results).prepare(records);
        if (this.mode == WriteMode.CREATE) {
            insert(rows);
            return Arrays.asList(this.results);
        }
        List<Row> inserts = new ArrayList<>();
        List<Row> updates = new ArrayList<>();
        Map<String, List<String>> existing = this.queries.ids(this.table, this.matchKey,
                rows.stream().map(Row::keyValue).toList());
        for (Row row : rows) {
            List<String> ids = existing.get(row.key());
            if (ids == null && this.mode == WriteMode.UPSERT) {
                inserts.add(row);
            }
            else {
                matched(row, ids, updates);
            }
        }
        insert(inserts);
        if (!this.late.isEmpty()) {
            Map<String, List<String>> inserted = this.queries.ids(this.table, this.matchKey,
                    this.late.stream().map(Row::keyValue).toList());
            this.late.forEach((row) -> matched(row, inserted.get(row.key()), updates));
        }
        update(updates);
        return Arrays.asList(this.results);
    }

    private void matched(Row row, List<String> ids, List<Row> updates) {
        String shown = "'" + row.key() + "'";
        if (ids == null) {
            reject(row, null, this.matchKey.name(),
                    "No row of " + this.table.location() + " has " + this.matchKey.name() + " = " + shown);
        }
        else if (ids.size() > 1) {
            reject(row, null, this.matchKey.name(), ids.size() + " rows of " + this.table.location() + " have "
                    + this.matchKey.name() + " = " + shown + ", so the match key cannot tell which to update");
        }
        else {
            updates.add(row.withTargetId(ids.get(0)));
        }
    }

    private void insert(List<Row> rows) throws SQLException {
        for (List<Row> group : groups(rows, false)) {
            int perStatement = this.sql.rowsPerStatement(group.get(0).values().size());
            for (int from = 0; from < group.size(); from += perStatement) {
                this.isolation.run(group.subList(from, Math.min(group.size(), from + perStatement)), this::insertRows,
                        this::inserted, this::refused);
            }
        }
    }

    private void inserted(Row row, String targetId) {
        if (targetId == null) {
            this.late.add(row);
        }
        else {
            this.results[row.index()] = WriteResult.created(row.sourceId(), targetId);
        }
    }

    private List<String> insertRows(List<Row> rows) throws SQLException {
        List<JdbcColumn> columns = rows.get(0).columns();
        boolean skipConflicts = this.mode == WriteMode.UPSERT && this.table.unique(this.matchKey);
        String statementSql = this.sql.insert(this.table, columns, rows.size(), this.id, this.matchKey, skipConflicts);
        boolean returnsRows = this.sql.insertReturnsRows();
        try (PreparedStatement statement = returnsRows ? this.connection.prepareStatement(statementSql)
                : this.connection.prepareStatement(statementSql, Statement.RETURN_GENERATED_KEYS)) {
            int parameter = 1;
            for (Row row : rows) {
                for (Map.Entry<JdbcColumn, Object> value : row.values().entrySet()) {
                    this.values.bind(statement, parameter++, value.getKey(), value.getValue());
                }
            }
            List<String[]> returned = new ArrayList<>();
            if (returnsRows) {
                try (ResultSet rs = statement.executeQuery()) {
                    read(rs, returned);
                }
            }
            else {
                statement.executeUpdate();
                try (ResultSet rs = statement.getGeneratedKeys()) {
                    read(rs, returned);
                }
            }
            return ids(rows, returned, skipConflicts);
        }
    }

    private static void read(ResultSet rs, List<String[]> returned) throws SQLException {
        int count = rs.getMetaData().getColumnCount();
        JdbcValues idReader = JdbcValues.of(rs.getMetaData(), 1);
        JdbcValues keyReader = (count > 1) ? JdbcValues.of(rs.getMetaData(), 2) : idReader;
        while (rs.next()) {
            Object id = idReader.read(rs, 1);
            returned.add(new String[] { TargetValues.key(id),
                    (count > 1) ? TargetValues.key(keyReader.read(rs, 2)) : TargetValues.key(id) });
        }
    }

    private List<String> ids(List<Row> rows, List<String[]> returned, boolean skipConflicts) throws SQLException {
        if (this.sql.insertReturnsRows() && this.matchKey != null) {
            Map<String, String> byKey = new HashMap<>();
            returned.forEach((pair) -> byKey.put(pair[1], pair[0]));
            return rows.stream().map((row) -> byKey.get(row.key())).toList();
        }
        if (!this.sql.insertReturnsRows() && rows.get(0).values().containsKey(this.id)
                && rows.stream().allMatch((row) -> row.values().get(this.id) != null)) {
            return rows.stream().map((row) -> TargetValues.key(row.values().get(this.id))).toList();
        }
        if (returned.size() == rows.size()) {
            return returned.stream().map((pair) -> pair[0]).toList();
        }
        if (this.matchKey != null) {
            Map<String, List<String>> found = this.queries.ids(this.table, this.matchKey,
                    rows.stream().map(Row::keyValue).toList());
            List<String> ids = new ArrayList<>();
            for (Row row : rows) {
                List<String> rowIds = found.get(row.key());
                if (rowIds == null) {
                    throw new ConnectorException("A row just inserted into " + this.table.location()
                            + " cannot be found by its match key '" + row.key() + "'");
                }
                ids.add(rowIds.get(0));
            }
            return ids;
        }
        throw new ConnectorException("The database did not tell the ids of the rows inserted into "
                + this.table.location() + ": give it an auto-increment primary key, or write with a match key");
    }

    private void update(List<Row> rows) throws SQLException {
        List<Row> changing = new ArrayList<>();
        for (Row row : rows) {
            if (setColumns(row).isEmpty()) {
                this.results[row.index()] = WriteResult.unchanged(row.sourceId(), row.targetId());
            }
            else {
                changing.add(row);
            }
        }
        for (List<Row> group : groups(changing, true)) {
            for (int from = 0; from < group.size(); from += TargetSql.ROWS_PER_STATEMENT) {
                this.isolation.run(group.subList(from, Math.min(group.size(), from + TargetSql.ROWS_PER_STATEMENT)),
                        this::updateRows, this::updated, this::refused);
            }
        }
    }

    private void updated(Row row, Boolean changed) {
        this.results[row.index()] = changed ? WriteResult.updated(row.sourceId(), row.targetId())
                : WriteResult.unchanged(row.sourceId(), row.targetId());
    }

    private List<Boolean> updateRows(List<Row> rows) throws SQLException {
        List<JdbcColumn> set = setColumns(rows.get(0));
        try (PreparedStatement statement = this.connection
            .prepareStatement(this.sql.update(this.table, set, this.id, true))) {
            for (Row row : rows) {
                int parameter = 1;
                for (JdbcColumn column : set) {
                    this.values.bind(statement, parameter++, column, row.values().get(column));
                }
                this.values.bind(statement, parameter++, this.id, row.targetIdValue(this.values, this.id));
                for (JdbcColumn column : set) {
                    this.values.bind(statement, parameter++, column, row.values().get(column));
                }
                if (rows.size() > 1) {
                    statement.addBatch();
                }
            }
            int[] counts = (rows.size() > 1) ? statement.executeBatch() : new int[] { statement.executeUpdate() };
            return Arrays.stream(counts).mapToObj((count) -> count != 0).toList();
        }
    }

    private List<JdbcColumn> setColumns(Row row) {
        return row.columns().stream().filter((c) -> !c.equals(this.id) && !c.equals(this.matchKey)).toList();
    }

    private List<List<Row>> groups(List<Row> rows, boolean byUpdatedColumns) {
        Map<List<JdbcColumn>, List<Row>> groups = new LinkedHashMap<>();
        rows.forEach((row) -> groups
            .computeIfAbsent(byUpdatedColumns ? setColumns(row) : row.columns(), (k) -> new ArrayList<>())
            .add(row));
        return new ArrayList<>(groups.values());
    }

    private void refused(Row row, SQLException ex) {
        TargetFailures.Rejection rejection = TargetFailures.rejection(ex, this.table, row.values(), false, this.secret);
        reject(row, row.targetId(), rejection.column(), rejection.message());
    }

    private void reject(Row row, String targetId, String column, String message) {
        this.results[row.index()] = WriteResult.rejected(row.sourceId(), targetId, column, message);
    }

}
