package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Tells what the target database threw while writing apart: the target being unavailable
 * (nothing any record did: a lost or closed connection, a server shutting down or out of
 * resources, a deadlock or lock timeout), or a rejection of the rows at hand, with the
 * database's own message and, when it can be told, the column concerned.
 */
final class TargetFailures {

    /** SQLStates that no record causes: PostgreSQL, and the standard ones others use. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "40001", "40P01",
            "25006", "HYT00", "HYT01");

    /** Classes of SQLStates that no record causes: connection, resources, system. */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "58");

    /** MySQL and MariaDB lock wait timeout and deadlock; SQL Server deadlock victim. */
    private static final Set<Integer> UNAVAILABLE_CODES = Set.of(1205, 1213);

    private static final Pattern CONSTRAINT = Pattern
        .compile("(?i)(?:constraint [`\"]([^`\"]+)[`\"]|check constraint '([^']+)'|for key '(?:[^'.]+\\.)?([^']+)')");

    private static final Pattern KEY_DETAIL = Pattern.compile("Key \\(([^)]+)\\)=");

    private static final Pattern OFFENDING_KEY = Pattern
        .compile("^Key \\(([^,()]+)\\)=\\((.*)\\) (?:is not present|already exists)");

    private static final Pattern COLUMN = Pattern.compile("(?i)column '([^']+)'");

    private static final Pattern TYPE = Pattern.compile("(?i)for (?:enum|type) ([\\w.\"]+)");

    private static final Pattern LIMIT = Pattern.compile("\\((\\d+)\\)");

    private static final Set<String> TOO_LONG = Set.of("22001");

    private TargetFailures() {
    }

    /**
     * @param ex what the driver threw
     * @param connection the connection it came through
     * @return whether the target, not a record, is the cause: the work should be retried
     * later rather than its records rejected
     */
    static boolean unavailable(SQLException ex, Connection connection) {
        for (SQLException current : chain(ex)) {
            String state = (current.getSQLState() != null) ? current.getSQLState() : "";
            if (current instanceof SQLTransientConnectionException
                    || current instanceof SQLNonTransientConnectionException
                    || current instanceof SQLRecoverableException || current instanceof SQLTimeoutException
                    || current instanceof SQLTransactionRollbackException || UNAVAILABLE_STATES.contains(state)
                    || (state.length() >= 2 && UNAVAILABLE_CLASSES.contains(state.substring(0, 2)))
                    || UNAVAILABLE_CODES.contains(current.getErrorCode())) {
                return true;
            }
        }
        try {
            return connection.isClosed();
        }
        catch (SQLException closed) {
            return true;
        }
    }

    /**
     * @param ex what the driver threw while connecting
     * @return whether the target is out of reach for now rather than misconfigured: no
     * connection (class 08), shutting down or starting up (57P0x), out of resources or
     * connections (53), or not accepting connections at the moment (55000)
     */
    static boolean unreachable(SQLException ex) {
        String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
        return state.startsWith("08") || state.startsWith("57P0") || state.startsWith("53") || state.equals("55000");
    }

    /**
     * @param ex what the driver threw for one row
     * @param table the table written
     * @param values the row's values by column, to find an over-long one
     * @param deleting whether the row was being deleted (a foreign key then names the
     * referring column)
     * @param secret the connection's password, kept out of the message
     * @return the database's message and the column concerned
     */
    static Rejection rejection(SQLException ex, TargetTable table, Map<JdbcColumn, Object> values, boolean deleting,
            String secret) {
        SQLException cause = chain(ex).get(chain(ex).size() - 1);
        ServerErrorMessage server = (cause instanceof PSQLException psql) ? psql.getServerErrorMessage() : null;
        String message = (server != null && server.getMessage() != null) ? server.getMessage() : cause.getMessage();
        String detail = (server != null) ? server.getDetail() : null;
        if (detail != null && !detail.startsWith("Failing row contains")) {
            message = message + " (" + detail + ")";
        }
        String column = column(cause, server, table, values, deleting);
        return new Rejection(column, JdbcFailures.scrub(message, secret));
    }

    /**
     * @param ex what the driver threw for several rows
     * @return the single column and value a foreign key or unique violation names
     * ({@code Key (company_id)=(999)} in PostgreSQL's detail), or null
     */
    static String[] offendingKey(SQLException ex) {
        SQLException cause = chain(ex).get(chain(ex).size() - 1);
        ServerErrorMessage server = (cause instanceof PSQLException psql) ? psql.getServerErrorMessage() : null;
        String detail = (server != null) ? server.getDetail() : null;
        Matcher key = (detail != null) ? OFFENDING_KEY.matcher(detail) : null;
        return (key != null && key.find()) ? new String[] { key.group(1), key.group(2) } : null;
    }

    private static String column(SQLException ex, ServerErrorMessage server, TargetTable table,
            Map<JdbcColumn, Object> values, boolean deleting) {
        String text = (ex.getMessage() != null) ? ex.getMessage() : "";
        if (server != null && server.getColumn() != null) {
            return server.getColumn();
        }
        String constraint = (server != null) ? server.getConstraint() : group(CONSTRAINT.matcher(text));
        String column = deleting ? table.referringColumn(constraint) : table.constraintColumn(constraint);
        if (column != null) {
            return column;
        }
        Matcher key = KEY_DETAIL.matcher((server != null && server.getDetail() != null) ? server.getDetail() : text);
        if (!deleting && key.find() && table.column(key.group(1)).isPresent()) {
            return key.group(1);
        }
        Matcher named = COLUMN.matcher(text);
        if (!deleting && named.find() && table.column(named.group(1)).isPresent()) {
            return named.group(1);
        }
        if (TOO_LONG.contains(ex.getSQLState()) || ex.getErrorCode() == 1406) {
            return overLong(table, values, text);
        }
        Matcher type = TYPE.matcher(text);
        String typeName = (server != null && server.getDatatype() != null) ? server.getDatatype()
                : type.find() ? type.group(1).replace("\"", "") : null;
        if (typeName != null) {
            List<JdbcColumn> typed = values.keySet()
                .stream()
                .filter((c) -> typeName.endsWith(c.typeName()) && values.get(c) != null)
                .toList();
            return (typed.size() == 1) ? typed.get(0).name() : null;
        }
        return null;
    }

    /**
     * @param table the table
     * @param values the row's values
     * @param message the database's message, which may give the length ({@code (80)})
     * @return the column whose text is longer than its declared length, or longer than
     * the length the message gives when only one is; otherwise null
     */
    private static String overLong(TargetTable table, Map<JdbcColumn, Object> values, String message) {
        Matcher limit = LIMIT.matcher(message);
        int given = limit.find() ? Integer.parseInt(limit.group(1)) : Integer.MAX_VALUE;
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<JdbcColumn, Object> value : values.entrySet()) {
            if (value.getValue() instanceof String text) {
                int length = text.codePointCount(0, text.length());
                Integer declared = value.getKey().length();
                if (declared != null && length > declared) {
                    return value.getKey().name();
                }
                if (declared == null && length > given && !"text".equals(table.castType(value.getKey()))) {
                    candidates.add(value.getKey().name());
                }
            }
        }
        return (candidates.size() == 1) ? candidates.get(0) : null;
    }

    private static String group(Matcher matcher) {
        if (!matcher.find()) {
            return null;
        }
        for (int i = 1; i <= matcher.groupCount(); i++) {
            if (matcher.group(i) != null) {
                return matcher.group(i);
            }
        }
        return null;
    }

    private static List<SQLException> chain(SQLException ex) {
        List<SQLException> chain = new ArrayList<>();
        SQLException current = ex;
        while (current != null && chain.size() < 10 && !chain.contains(current)) {
            chain.add(current);
            current = (current.getNextException() != null) ? current.getNextException()
                    : (current.getCause() instanceof SQLException cause) ? cause : null;
        }
        return chain;
    }

    /**
     * Why the database refused a row.
     *
     * @param column the column concerned, or null when it cannot be told
     * @param message the database's message
     */
    record Rejection(String column, String message) {

    }

}
