package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's fast path: each column of up to a thousand rows travels as one
 * {@code text[]} parameter, and one statement turns them back into rows with
 * {@code unnest(…) WITH ORDINALITY}, each value cast to its column's type:
 * {@code INSERT … SELECT … ORDER BY ordinality RETURNING id, key} and
 * {@code UPDATE … FROM unnest(…) WHERE id = … AND (… IS DISTINCT FROM …) RETURNING id}.
 * One statement per thousand rows with a handful of parameters and one plan, instead of
 * multi-row {@code VALUES} with thousands of parameters or a batch of single-row updates,
 * measured about 1.3 times as fast for inserts and over twice as fast for updates.
 * Casting from text is what a literal would do, so the database checks and rejects values
 * exactly as for any insert; lengths and domain constraints are checked on assignment, as
 * casts go to the (base) type without its length.
 */
final class ArrayStatements extends RowStatements {

    /** Rows per statement. */
    static final int ROWS = 1000;

    private final ValuesStatements noColumns;

    ArrayStatements(Connection connection, SqlDialect dialect, TargetTable table, JdbcColumn matchKey) {
        super(connection, dialect, table, matchKey);
        this.noColumns = new ValuesStatements(connection, dialect, table, matchKey);
    }

    @Override
    int rowsPerStatement(int columns) {
        return ROWS;
    }

    @Override
    boolean canSkipConflicts() {
        return true;
    }

    @Override
    List<String> insert(List<Row> rows, boolean skipConflicts) throws SQLException {
        List<JdbcColumn> columns = rows.get(0).columns();
        if (columns.isEmpty()) {
            return this.noColumns.insert(rows, skipConflicts);
        }
        try (PreparedStatement statement = this.connection
            .prepareStatement(this.sql.insertFromArrays(this.table, columns, this.id, this.matchKey, skipConflicts))) {
            for (int i = 0; i < columns.size(); i++) {
                JdbcColumn column = columns.get(i);
                bindColumn(statement, i + 1, rows.stream().map((row) -> row.values().get(column)).toList());
            }
            try (ResultSet rs = statement.executeQuery()) {
                return aligned(rows, returned(rs), this.matchKey != null);
            }
        }
    }

    @Override
    List<Boolean> update(List<Row> rows, List<JdbcColumn> set, JdbcColumn idColumn, boolean onlyWhenDifferent)
            throws SQLException {
        try (PreparedStatement statement = this.connection
            .prepareStatement(this.sql.updateFromArrays(this.table, set, idColumn, onlyWhenDifferent))) {
            statement.setArray(1,
                    this.connection.createArrayOf("text",
                            rows.stream()
                                .map((row) -> TargetParameters.key(row.targetIdValue(this.values, idColumn)))
                                .toArray(String[]::new)));
            for (int i = 0; i < set.size(); i++) {
                JdbcColumn column = set.get(i);
                bindColumn(statement, i + 2, rows.stream().map((row) -> row.values().get(column)).toList());
            }
            Set<String> changed = new HashSet<>();
            try (ResultSet rs = statement.executeQuery()) {
                returned(rs).forEach((pair) -> changed.add(pair[0]));
            }
            List<Boolean> outcomes = new ArrayList<>(rows.size());
            for (Row row : rows) {
                outcomes.add(changed.contains(TargetParameters.key(row.targetIdValue(this.values, idColumn))));
            }
            return outcomes;
        }
    }

    private void bindColumn(PreparedStatement statement, int index, List<Object> values) throws SQLException {
        String[] texts = new String[values.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = TargetParameters.postgresText(values.get(i));
        }
        statement.setArray(index, this.connection.createArrayOf("text", texts));
    }

}
