package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;

/**
 * Writes one chunk of records into one table, inside the caller's transaction, and gives
 * exactly one result per record in input order.
 *
 * <p>
 * Values are converted first (a value a column cannot hold rejects its record only). For
 * UPDATE and UPSERT one query finds the rows the match keys already hold; those rows are
 * updated only where a value differs ({@code IS DISTINCT FROM} in the statement itself),
 * so what the database reports as changed is UPDATED and the rest UNCHANGED, without
 * reading the rows first. New rows are inserted many at a time and give their ids back
 * ({@link RowStatements}). On PostgreSQL, an UPSERT whose match key has a unique index
 * inserts with {@code ON CONFLICT (key) DO NOTHING}, and a row that another writer
 * inserted meanwhile is then updated like the others. Every statement runs under
 * {@link RowIsolation}, so a row the database refuses is rejected alone.
 */
final class ChunkWriter {

    private final TargetTable table;

    private final JdbcColumn id;

    private final JdbcColumn matchKey;

    private final WriteMode mode;

    private final TargetValues values;

    private final TargetQueries queries;

    private final RowStatements statements;

    private final RowIsolation isolation;

    private final String secret;

    private final WriteResult[] results;

    private final List<Row> late = new ArrayList<>();

    ChunkWriter(Connection connection, SqlDialect dialect, TargetTable table, JdbcColumn matchKey, WriteMode mode,
            int size, String secret) {
        this.table = table;
        this.id = table.primaryKey();
        this.matchKey = matchKey;
        this.mode = mode;
        this.values = new TargetValues(dialect);
        this.queries = new TargetQueries(connection, new TargetSql(dialect), new TargetParameters(dialect));
        this.statements = RowStatements.of(connection, dialect, table, matchKey);
        this.isolation = new RowIsolation(connection, dialect);
        this.secret = secret;
        this.results = new WriteResult[size];
    }

    List<WriteResult> write(List<TargetRecord> records) throws SQLException {
        List<Row> rows = new RowPreparation(this.table, this.matchKey, this.values, this.results).prepare(records);
        if (this.mode == WriteMode.CREATE) {
            insert(rows);
            return results();
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
        return results();
    }

    private List<WriteResult> results() {
        for (int i = 0; i < this.results.length; i++) {
            if (this.results[i] == null) {
                // never expected: rather no commit than a record without an outcome
                throw new IllegalStateException("The record at " + i + " of the chunk for " + this.table.location()
                        + " has no outcome; the chunk was not committed");
            }
        }
        return Arrays.asList(this.results);
    }

    private void matched(Row row, List<String> ids, List<Row> updates) {
        String shown = "'" + row.key() + "'";
        if (ids == null) {
            reject(row, this.matchKey.name(),
                    "No row of " + this.table.location() + " has " + this.matchKey.name() + " = " + shown);
        }
        else if (ids.size() > 1) {
            reject(row, this.matchKey.name(), ids.size() + " rows of " + this.table.location() + " have "
                    + this.matchKey.name() + " = " + shown + ", so the match key cannot tell which to update");
        }
        else {
            updates.add(row.withTargetId(ids.get(0)));
        }
    }

    private void insert(List<Row> rows) throws SQLException {
        boolean skipConflicts = this.mode == WriteMode.UPSERT && this.statements.canSkipConflicts()
                && this.table.unique(this.matchKey);
        for (List<Row> group : groups(rows, false)) {
            int perStatement = this.statements.rowsPerStatement(group.get(0).values().size());
            for (List<Row> part : parts(group, perStatement)) {
                this.isolation.run(part, (some) -> this.statements.insert(some, skipConflicts), this::inserted,
                        this::refused, this::suspects);
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
            List<JdbcColumn> set = setColumns(group.get(0));
            for (List<Row> part : parts(group, this.statements.rowsPerStatement(set.size()))) {
                this.isolation.run(part, (some) -> this.statements.update(some, set, this.id, true), this::updated,
                        this::refused, this::suspects);
            }
        }
    }

    /**
     * @param rows rows setting the same columns
     * @param perStatement rows per statement
     * @return the rows in statements of at most {@code perStatement}, then each row the
     * database will surely refuse on its own
     */
    private static List<List<Row>> parts(List<Row> rows, int perStatement) {
        List<Row> likely = new ArrayList<>();
        List<Row> others = new ArrayList<>(rows.size());
        rows.forEach((row) -> (row.likelyRefused() ? likely : others).add(row));
        List<List<Row>> parts = new ArrayList<>();
        for (int from = 0; from < others.size(); from += perStatement) {
            parts.add(others.subList(from, Math.min(others.size(), from + perStatement)));
        }
        likely.forEach((row) -> parts.add(List.of(row)));
        return parts;
    }

    private void updated(Row row, Boolean changed) {
        this.results[row.index()] = changed ? WriteResult.updated(row.sourceId(), row.targetId())
                : WriteResult.unchanged(row.sourceId(), row.targetId());
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

    /**
     * @param rows rows a statement failed for
     * @param ex the failure
     * @return the rows holding the key value a foreign key or unique violation names
     */
    private List<Row> suspects(List<Row> rows, SQLException ex) {
        String[] key = TargetFailures.offendingKey(ex);
        JdbcColumn column = (key != null) ? this.table.column(key[0]).orElse(null) : null;
        if (column == null) {
            return List.of();
        }
        return rows.stream()
            .filter((row) -> row.values().containsKey(column)
                    && key[1].equals(TargetParameters.postgresText(row.values().get(column))))
            .toList();
    }

    private void refused(Row row, SQLException ex) {
        TargetFailures.Rejection rejection = TargetFailures.rejection(ex, this.table, row.values(), false, this.secret);
        this.results[row.index()] = WriteResult.rejected(row.sourceId(), row.targetId(), rejection.column(),
                rejection.message());
    }

    private void reject(Row row, String column, String message) {
        this.results[row.index()] = WriteResult.rejected(row.sourceId(), null, column, message);
    }

}
