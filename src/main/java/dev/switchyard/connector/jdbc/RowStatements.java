package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ConnectorException;

/**
 * Inserts and updates rows in a dialect's fastest way: {@link ArrayStatements} on
 * PostgreSQL (one statement per thousand rows, each column sent as one array),
 * {@link ValuesStatements} elsewhere (multi-row {@code VALUES} and JDBC batches). Rows
 * handed to one call set the same columns. A call either succeeds for all its rows or
 * throws, leaving {@link RowIsolation} to split them.
 */
abstract class RowStatements {

    protected final Connection connection;

    protected final TargetTable table;

    protected final JdbcColumn id;

    protected final JdbcColumn matchKey;

    protected final TargetSql sql;

    protected final TargetValues values;

    protected final TargetParameters parameters;

    private final TargetQueries queries;

    RowStatements(Connection connection, SqlDialect dialect, TargetTable table, JdbcColumn matchKey) {
        this.connection = connection;
        this.table = table;
        this.id = table.primaryKey();
        this.matchKey = matchKey;
        this.sql = new TargetSql(dialect);
        this.values = new TargetValues(dialect);
        this.parameters = new TargetParameters(dialect);
        this.queries = new TargetQueries(connection, this.sql, this.parameters);
    }

    /**
     * @param connection the connection, in a transaction
     * @param dialect the database kind
     * @param table the table written
     * @param matchKey the match key column, or null
     * @return the statements for the dialect
     */
    static RowStatements of(Connection connection, SqlDialect dialect, TargetTable table, JdbcColumn matchKey) {
        return (dialect == SqlDialect.POSTGRESQL) ? new ArrayStatements(connection, dialect, table, matchKey)
                : new ValuesStatements(connection, dialect, table, matchKey);
    }

    /**
     * @param columns how many columns each row sets
     * @return how many rows one call should carry
     */
    abstract int rowsPerStatement(int columns);

    /**
     * @return whether {@link #insert} can skip rows whose unique match key exists
     */
    boolean canSkipConflicts() {
        return false;
    }

    /**
     * @param rows rows setting the same columns
     * @param skipConflicts whether rows whose (unique) match key exists are skipped
     * @return the new rows' ids in the rows' order; null for a skipped row
     */
    abstract List<String> insert(List<Row> rows, boolean skipConflicts) throws SQLException;

    /**
     * @param rows rows whose {@link Row#targetId()} is known
     * @param set the columns to set
     * @param idColumn the column the target ids are in
     * @param onlyWhenDifferent whether a row already holding the values is left alone
     * @return for each row, whether it was changed (or, when {@code onlyWhenDifferent} is
     * false, found)
     */
    abstract List<Boolean> update(List<Row> rows, List<JdbcColumn> set, JdbcColumn idColumn, boolean onlyWhenDifferent)
            throws SQLException;

    /**
     * Reads what an insert gave back: the id, and the match key when there is one.
     * @param rs the result
     * @return {@code [id, key]} pairs as text
     */
    protected static List<String[]> returned(ResultSet rs) throws SQLException {
        List<String[]> returned = new ArrayList<>();
        int count = rs.getMetaData().getColumnCount();
        JdbcValues idReader = JdbcValues.of(rs.getMetaData(), 1);
        JdbcValues keyReader = (count > 1) ? JdbcValues.of(rs.getMetaData(), 2) : idReader;
        while (rs.next()) {
            String id = TargetParameters.key(idReader.read(rs, 1));
            returned.add(new String[] { id, (count > 1) ? TargetParameters.key(keyReader.read(rs, 2)) : id });
        }
        return returned;
    }

    /**
     * @param rows the rows inserted
     * @param returned the {@code [id, key]} pairs the database gave back
     * @param byKey whether the pairs hold the match key, to align by (null for rows
     * skipped on conflict); otherwise, or for a key not given back as it was sent when
     * every row came back, they are aligned by position
     * @return the ids in the rows' order
     */
    protected List<String> aligned(List<Row> rows, List<String[]> returned, boolean byKey) throws SQLException {
        if (byKey) {
            Map<String, String> idsByKey = new HashMap<>();
            returned.forEach((pair) -> idsByKey.put(pair[1], pair[0]));
            List<String> ids = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String id = idsByKey.get(rows.get(i).key());
                // a key the database gives back spelled otherwise (padded, in another
                // case):
                // when every row came back, the order is the rows' own
                ids.add((id == null && returned.size() == rows.size()) ? returned.get(i)[0] : id);
            }
            return ids;
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

}
