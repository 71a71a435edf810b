package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Inserts with multi-row {@code VALUES} (ids from {@code OUTPUT} on SQL Server, from
 * generated keys, or from the rows' own id values on MySQL and MariaDB) and updates with
 * JDBC batches whose update counts tell changed from unchanged rows. Used for MySQL,
 * MariaDB and SQL Server, and on PostgreSQL for rows that set no column at all.
 */
final class ValuesStatements extends RowStatements {

    private final boolean unorderedOutput;

    ValuesStatements(Connection connection, SqlDialect dialect, TargetTable table, JdbcColumn matchKey) {
        super(connection, dialect, table, matchKey);
        this.unorderedOutput = dialect == SqlDialect.SQLSERVER;
    }

    /**
     * SQL Server does not promise that {@code OUTPUT} gives rows in the order of
     * {@code VALUES}, so without a match key to align them by it inserts one row per
     * statement.
     */
    @Override
    int rowsPerStatement(int columns) {
        return (this.unorderedOutput && this.matchKey == null) ? 1 : this.sql.rowsPerStatement(columns);
    }

    @Override
    List<String> insert(List<Row> rows, boolean skipConflicts) throws SQLException {
        List<JdbcColumn> columns = rows.get(0).columns();
        String statementSql = this.sql.insert(this.table, columns, rows.size(), this.id, this.matchKey, skipConflicts);
        boolean returnsRows = this.sql.insertReturnsRows();
        try (PreparedStatement statement = returnsRows ? this.connection.prepareStatement(statementSql)
                : this.connection.prepareStatement(statementSql, Statement.RETURN_GENERATED_KEYS)) {
            int parameter = 1;
            for (Row row : rows) {
                for (Map.Entry<JdbcColumn, Object> value : row.values().entrySet()) {
                    this.parameters.bind(statement, parameter++, value.getKey(), value.getValue());
                }
            }
            if (returnsRows) {
                try (ResultSet rs = statement.executeQuery()) {
                    return aligned(rows, returned(rs), this.matchKey != null);
                }
            }
            statement.executeUpdate();
            if (columns.contains(this.id) && rows.stream().allMatch((row) -> row.values().get(this.id) != null)) {
                // generated keys would be made up from LAST_INSERT_ID(), which ids given
                // do not set
                return rows.stream().map((row) -> TargetParameters.key(row.values().get(this.id))).toList();
            }
            try (ResultSet rs = statement.getGeneratedKeys()) {
                return aligned(rows, returned(rs), false);
            }
        }
    }

    @Override
    List<Boolean> update(List<Row> rows, List<JdbcColumn> set, JdbcColumn idColumn, boolean onlyWhenDifferent)
            throws SQLException {
        try (PreparedStatement statement = this.connection
            .prepareStatement(this.sql.update(this.table, set, idColumn, onlyWhenDifferent))) {
            for (Row row : rows) {
                int parameter = 1;
                for (JdbcColumn column : set) {
                    this.parameters.bind(statement, parameter++, column, row.values().get(column));
                }
                this.parameters.bind(statement, parameter++, idColumn, row.targetIdValue(this.values, idColumn));
                if (onlyWhenDifferent) {
                    for (JdbcColumn column : set) {
                        this.parameters.bind(statement, parameter++, column, row.values().get(column));
                    }
                }
                if (rows.size() > 1) {
                    statement.addBatch();
                }
            }
            int[] counts = (rows.size() > 1) ? statement.executeBatch() : new int[] { statement.executeUpdate() };
            return Arrays.stream(counts).mapToObj((count) -> count != 0).toList();
        }
    }

}
