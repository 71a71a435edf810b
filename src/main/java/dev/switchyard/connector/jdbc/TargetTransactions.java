package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.TargetUnavailableException;

/**
 * The target writer's connection and its transactions: each piece of work runs in one
 * transaction, committed when it succeeds and rolled back when it fails. A failure no
 * record caused becomes a {@link TargetUnavailableException} (in doubt when it came
 * during the commit), any other a {@link ConnectorException}; a connection that is closed
 * or no longer valid is replaced by a new one at the next piece of work.
 */
final class TargetTransactions {

    private final JdbcUrl url;

    private final String username;

    private final String secret;

    private Connection connection;

    TargetTransactions(Connection connection, JdbcUrl url, String username, String secret) throws SQLException {
        this.url = url;
        this.username = username;
        this.secret = secret;
        connection.setAutoCommit(false);
        this.connection = connection;
    }

    /**
     * @param <T> what the work gives
     * @param what what is being done, for messages ({@code writing into public.people})
     * @param writes whether the work writes (on PostgreSQL, deferred constraints are then
     * checked at each statement, so that none fails the whole transaction at commit)
     * @param work the work
     * @return what the work gave, once committed
     * @throws TargetUnavailableException when the target could not do the work at all
     * @throws ConnectorException when the database failed in a way no record explains
     */
    <T> T run(String what, boolean writes, Work<T> work) {
        Connection current = connection();
        T result;
        try {
            if (writes && this.url.dialect() == SqlDialect.POSTGRESQL) {
                try (Statement statement = current.createStatement()) {
                    // a deferred constraint would otherwise fail the whole chunk at
                    // commit
                    statement.execute("set constraints all immediate");
                }
            }
            result = work.run(current);
        }
        catch (SQLException ex) {
            rollback(current);
            throw failure(what, ex, false);
        }
        catch (RuntimeException ex) {
            rollback(current);
            throw ex;
        }
        try {
            current.commit();
        }
        catch (SQLException ex) {
            rollback(current);
            throw failure(what, ex, true);
        }
        return result;
    }

    private ConnectorException failure(String what, SQLException ex, boolean committing) {
        if (!TargetFailures.unavailable(ex, this.connection)) {
            return JdbcFailures.reading(what, ex, this.url, this.secret);
        }
        if (!valid()) {
            closeConnection();
        }
        String detail = JdbcFailures.scrub(ex.getMessage(), this.secret);
        return new TargetUnavailableException(
                "The target " + this.url + " is unavailable while " + what + ": " + detail
                        + (committing ? "; the commit was under way, so the target may or may not hold the changes"
                                : "; nothing was committed"),
                new SQLException(detail, ex.getSQLState(), ex.getErrorCode()), committing);
    }

    private Connection connection() {
        if (this.connection != null && !closed()) {
            return this.connection;
        }
        closeConnection();
        Connection opened = open(this.url, this.username, this.secret);
        try {
            opened.setAutoCommit(false);
        }
        catch (SQLException ex) {
            this.connection = opened;
            throw failure("connecting", ex, false);
        }
        this.connection = opened;
        return opened;
    }

    /**
     * @param url where to connect
     * @param username the user, or null
     * @param secret the password, or null
     * @return an open connection
     * @throws TargetUnavailableException when the target cannot be reached or does not
     * take connections now (refused, shutting down or starting up, too many connections,
     * connections disallowed)
     * @throws ConnectorException when connecting fails otherwise (authentication, a
     * database that does not exist)
     */
    static Connection open(JdbcUrl url, String username, String secret) {
        try {
            return JdbcConnections.open(url, username, secret);
        }
        catch (ConnectorException ex) {
            if (ex.getCause() instanceof SQLException cause && TargetFailures.unreachable(cause)) {
                throw new TargetUnavailableException(ex.getMessage(), cause, false);
            }
            throw ex;
        }
    }

    private boolean closed() {
        try {
            return this.connection.isClosed();
        }
        catch (SQLException ex) {
            return true;
        }
    }

    private boolean valid() {
        try {
            return this.connection != null && this.connection.isValid(2);
        }
        catch (SQLException ex) {
            return false;
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        }
        catch (SQLException ex) {
            // the connection is gone; the failure that led here is what is reported
        }
    }

    private void closeConnection() {
        if (this.connection != null) {
            try {
                this.connection.close();
            }
            catch (SQLException ex) {
                // nothing more to do with a connection that will not close
            }
            this.connection = null;
        }
    }

    void close() {
        closeConnection();
    }

    /**
     * Work on the connection.
     *
     * @param <T> what it gives
     */
    @FunctionalInterface
    interface Work<T> {

        T run(Connection connection) throws SQLException;

    }

}
