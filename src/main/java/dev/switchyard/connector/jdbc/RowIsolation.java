package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Runs work on many rows at once inside a savepoint and, when the database refuses it,
 * rolls back to the savepoint and tries again without the rows the failure points at (a
 * foreign key or unique value the database names), each of which is then tried alone; or,
 * when it points at none, splits the rows in halves until each refused row stands alone.
 * So one bad row never keeps the others of its transaction from being written. With
 * {@code k} bad rows among {@code n} halving costs about {@code 2k·log2(n)} extra
 * statements; with none, one savepoint per call.
 *
 * <p>
 * A failure that is the target's rather than a row's ({@link TargetFailures#unavailable})
 * is thrown at once, never split.
 */
final class RowIsolation {

    private final Connection connection;

    private final boolean releases;

    RowIsolation(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        // SQL Server has no RELEASE SAVEPOINT; its savepoints end with the transaction
        this.releases = dialect != SqlDialect.SQLSERVER;
    }

    /**
     * @param <T> the row type
     * @param <R> the outcome type
     * @param rows the rows
     * @param work writes the rows and gives one outcome per row, in order
     * @param done receives each outcome once the work that made it has succeeded
     * @param refused receives each row the database refused on its own, with the reason
     * @throws SQLException when the target is unavailable, or the savepoint cannot be
     * rolled back
     */
    <T, R> void run(List<T> rows, Work<T, R> work, Done<T, R> done, Refused<T> refused) throws SQLException {
        run(rows, work, done, refused, (all, ex) -> List.of());
    }

    /**
     * @param <T> the row type
     * @param <R> the outcome type
     * @param rows the rows
     * @param work writes the rows and gives one outcome per row, in order
     * @param done receives each outcome once the work that made it has succeeded
     * @param refused receives each row the database refused on its own, with the reason
     * @param suspects tells, from a failure, the rows it points at (possibly none)
     * @throws SQLException when the target is unavailable, or the savepoint cannot be
     * rolled back
     */
    <T, R> void run(List<T> rows, Work<T, R> work, Done<T, R> done, Refused<T> refused, Suspects<T> suspects)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Savepoint savepoint = this.connection.setSavepoint();
        List<R> outcomes;
        try {
            outcomes = work.write(rows);
        }
        catch (SQLException ex) {
            if (TargetFailures.unavailable(ex, this.connection)) {
                throw ex;
            }
            this.connection.rollback(savepoint);
            if (this.releases) {
                this.connection.releaseSavepoint(savepoint);
            }
            if (rows.size() == 1) {
                refused.row(rows.get(0), ex);
                return;
            }
            Set<T> pointed = Collections.newSetFromMap(new IdentityHashMap<>());
            pointed.addAll(suspects.rows(rows, ex));
            if (!pointed.isEmpty() && pointed.size() < rows.size()) {
                for (T row : pointed) {
                    run(List.of(row), work, done, refused, suspects);
                }
                run(rows.stream().filter((row) -> !pointed.contains(row)).toList(), work, done, refused, suspects);
                return;
            }
            int half = rows.size() / 2;
            run(rows.subList(0, half), work, done, refused, suspects);
            run(rows.subList(half, rows.size()), work, done, refused, suspects);
            return;
        }
        if (this.releases) {
            this.connection.releaseSavepoint(savepoint);
        }
        for (int i = 0; i < rows.size(); i++) {
            done.row(rows.get(i), outcomes.get(i));
        }
    }

    /**
     * Writes rows.
     *
     * @param <T> the row type
     * @param <R> the outcome type
     */
    @FunctionalInterface
    interface Work<T, R> {

        List<R> write(List<T> rows) throws SQLException;

    }

    /**
     * Takes a row's outcome.
     *
     * @param <T> the row type
     * @param <R> the outcome type
     */
    @FunctionalInterface
    interface Done<T, R> {

        void row(T row, R outcome) throws SQLException;

    }

    /**
     * Tells which rows a failure points at.
     *
     * @param <T> the row type
     */
    @FunctionalInterface
    interface Suspects<T> {

        List<T> rows(List<T> rows, SQLException failure);

    }

    /**
     * Takes a row the database refused.
     *
     * @param <T> the row type
     */
    @FunctionalInterface
    interface Refused<T> {

        void row(T row, SQLException reason) throws SQLException;

    }

}
