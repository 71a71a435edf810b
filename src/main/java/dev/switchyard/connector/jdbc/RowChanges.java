package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.RowRejection;
import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.WriteResult;

/**
 * Changes rows that already exist, by id: the second pass that sets cyclic references
 * once every row exists, and the deletes that undo a run. Like {@link ChunkWriter}, it
 * works in batches under {@link RowIsolation}, so a row the database refuses is reported
 * alone and the others are still changed.
 */
final class RowChanges {

    private final Connection connection;

    private final TargetTable table;

    private final TargetSql sql;

    private final TargetValues values;

    private final TargetParameters parameters;

    private final RowIsolation isolation;

    private final RowStatements statements;

    private final String secret;

    private final List<RowRejection> rejections = new ArrayList<>();

    RowChanges(Connection connection, SqlDialect dialect, TargetTable table, String secret) {
        this.connection = connection;
        this.table = table;
        this.sql = new TargetSql(dialect);
        this.values = new TargetValues(dialect);
        this.parameters = new TargetParameters(dialect);
        this.isolation = new RowIsolation(connection, dialect);
        this.statements = RowStatements.of(connection, dialect, table, null);
        this.secret = secret;
    }

    /**
     * @param id the id column
     * @param changes the values to set, by target id
     * @return the rows not changed, with why (a missing row included)
     */
    List<RowRejection> patch(JdbcColumn id, Map<String, Map<String, Object>> changes) throws SQLException {
        List<TargetRecord> records = new ArrayList<>();
        changes.forEach((targetId, values) -> records.add(new TargetRecord(targetId, values)));
        WriteResult[] refused = new WriteResult[records.size()];
        List<Row> rows = new RowPreparation(this.table, null, this.values, refused).prepare(records);
        Arrays.stream(refused)
            .filter((result) -> result != null)
            .forEach((result) -> reject(result.sourceId(), result.column(), result.message()));
        Map<List<JdbcColumn>, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            List<JdbcColumn> set = row.columns().stream().filter((c) -> !c.equals(id)).toList();
            Object idValue = converted(id, row.sourceId());
            if (!set.isEmpty() && idValue != null) {
                groups.computeIfAbsent(set, (k) -> new ArrayList<>()).add(row.withTargetId(row.sourceId()));
            }
        }
        List<String> order = new ArrayList<>(changes.keySet());
        for (Map.Entry<List<JdbcColumn>, List<Row>> group : groups.entrySet()) {
            List<Row> list = group.getValue();
            int perStatement = this.statements.rowsPerStatement(group.getKey().size());
            for (int from = 0; from < list.size(); from += perStatement) {
                this.isolation.run(list.subList(from, Math.min(list.size(), from + perStatement)),
                        (part) -> this.statements.update(part, group.getKey(), id, false), (row, found) -> {
                            if (!found) {
                                reject(row.targetId(), id.name(), "No row of " + this.table.location() + " has "
                                        + id.name() + " = '" + row.targetId() + "'");
                            }
                        }, (row, ex) -> refused(row.targetId(), row.values(), ex, false));
            }
        }
        this.rejections.sort(Comparator.comparingInt((rejection) -> order.indexOf(rejection.targetId())));
        return this.rejections;
    }

    /**
     * @param id the id column
     * @param targetIds the rows to delete; ids no row has are taken as already deleted
     * @return the rows not deleted, with why (rows that other rows refer to)
     */
    List<RowRejection> delete(JdbcColumn id, Collection<String> targetIds) throws SQLException {
        List<Object[]> ids = new ArrayList<>();
        for (String targetId : new LinkedHashSet<>(targetIds)) {
            Object value = converted(id, targetId);
            if (value != null) {
                ids.add(new Object[] { targetId, value });
            }
        }
        for (int from = 0; from < ids.size(); from += TargetSql.ROWS_PER_STATEMENT) {
            this.isolation.run(ids.subList(from, Math.min(ids.size(), from + TargetSql.ROWS_PER_STATEMENT)),
                    (part) -> deleteRows(id, part), (row, outcome) -> {
                    }, (row, ex) -> refused((String) row[0], Map.of(), ex, true));
        }
        return this.rejections;
    }

    private List<Boolean> deleteRows(JdbcColumn id, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = this.connection
            .prepareStatement(this.sql.delete(this.table, id, rows.size()))) {
            for (int i = 0; i < rows.size(); i++) {
                this.parameters.bind(statement, i + 1, id, rows.get(i)[1]);
            }
            statement.executeUpdate();
            return Collections.nCopies(rows.size(), Boolean.TRUE);
        }
    }

    private Object converted(JdbcColumn id, String targetId) {
        try {
            Object value = this.values.convert(id, targetId);
            if (value == null) {
                reject(targetId, id.name(), "A target id is required");
            }
            return value;
        }
        catch (TargetValues.ValueRejection ex) {
            reject(targetId, id.name(), ex.getMessage());
            return null;
        }
    }

    private void refused(String targetId, Map<JdbcColumn, Object> values, SQLException ex, boolean deleting) {
        TargetFailures.Rejection rejection = TargetFailures.rejection(ex, this.table, values, deleting, this.secret);
        reject(targetId, rejection.column(), rejection.message());
    }

    private void reject(String targetId, String column, String message) {
        this.rejections.add(new RowRejection(targetId, column, message));
    }

}
