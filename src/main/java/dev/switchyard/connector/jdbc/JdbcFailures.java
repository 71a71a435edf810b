package dev.switchyard.connector.jdbc;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Set;

import dev.switchyard.connector.ConnectorException;

/**
 * Turns what a JDBC driver throws into a {@link ConnectorException} that says exactly
 * what failed (host unreachable, authentication, missing database) in the same words for
 * every database, and never repeats the password.
 */
final class JdbcFailures {

    private static final Set<Integer> AUTHENTICATION_CODES = Set.of(1045, 18456);

    private static final Set<Integer> UNKNOWN_DATABASE_CODES = Set.of(1049, 4060);

    private JdbcFailures() {
    }

    /**
     * @param ex what the driver threw while connecting
     * @param url where the connection went
     * @param username the user, or null
     * @param secret the password, kept out of the message
     * @return the exception to throw
     */
    static ConnectorException connecting(SQLException ex, JdbcUrl url, String username, String secret) {
        String where = url.address();
        String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
        int code = ex.getErrorCode();
        String detail = scrub(ex.getMessage(), secret);
        String message;
        if (cause(ex, UnknownHostException.class)) {
            message = "Cannot reach " + where + ": the host '" + url.host() + "' is unknown";
        }
        else if (cause(ex, ConnectException.class) || cause(ex, NoRouteToHostException.class)) {
            message = "Cannot reach " + where + ": nothing accepts connections there (" + detail + ")";
        }
        else if (cause(ex, SocketTimeoutException.class)) {
            message = "Cannot reach " + where + ": no answer within " + SqlDialect.CONNECT_TIMEOUT_SECONDS + " s";
        }
        else if (state.startsWith("28") || AUTHENTICATION_CODES.contains(code)) {
            message = "Authentication failed for user '" + ((username != null) ? username : "(default)") + "' on "
                    + where + " (" + detail + ")";
        }
        else if ("3D000".equals(state) || UNKNOWN_DATABASE_CODES.contains(code)) {
            message = "The database '" + ((url.database() != null) ? url.database() : "(default)")
                    + "' does not exist on " + where;
        }
        else if (code == 1044) {
            message = "User '" + username + "' may not open the database '" + url.database() + "' on " + where;
        }
        else if (state.startsWith("08")) {
            message = "Cannot reach " + where + ": " + detail;
        }
        else {
            message = "Could not connect to " + url + ": " + detail;
        }
        return new ConnectorException(message, new SQLException(detail, ex.getSQLState(), code));
    }

    /**
     * @param what what was being done, e.g. {@code reading table public.account}
     * @param ex what the driver threw
     * @param url the database
     * @param secret the password, kept out of the message
     * @return the exception to throw
     */
    static ConnectorException reading(String what, SQLException ex, JdbcUrl url, String secret) {
        String detail = scrub(ex.getMessage(), secret);
        return new ConnectorException("Failed " + what + " in " + url + ": " + detail,
                new SQLException(detail, ex.getSQLState(), ex.getErrorCode()));
    }

    /**
     * @param message a driver's message, or null
     * @param secret the password, or null
     * @return the message with the password masked
     */
    static String scrub(String message, String secret) {
        String text = (message != null) ? message.strip() : "no details given";
        return (secret != null && !secret.isEmpty()) ? text.replace(secret, "****") : text;
    }

    private static boolean cause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable current = ex; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

}
