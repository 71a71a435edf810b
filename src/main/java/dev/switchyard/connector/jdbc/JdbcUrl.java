package dev.switchyard.connector.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchyard.connector.ConnectorException;

/**
 * A JDBC URL understood well enough to name, in messages, where a connection goes,
 * without ever repeating credentials written into the URL.
 *
 * @param dialect the database kind its scheme names
 * @param url the URL as configured (never shown: it may hold a password)
 * @param host the first host it names ({@code localhost} when it names none)
 * @param port the port, or the dialect's default
 * @param database the database it opens, or null when it names none
 */
public record JdbcUrl(SqlDialect dialect, String url, String host, int port, String database) {

    private static final Pattern SQLSERVER_DATABASE = Pattern.compile("(?i);\\s*(?:databaseName|database)\\s*=([^;]*)");

    /**
     * @param url a JDBC URL
     * @return it, understood
     * @throws ConnectorException for an unsupported scheme, or a parameter that is not on
     * the dialect's allow-list ({@link UrlParameters})
     */
    public static JdbcUrl parse(String url) {
        SqlDialect dialect = SqlDialect.forUrl(url);
        String trimmed = url.trim();
        UrlParameters.check(dialect, trimmed);
        int slashes = trimmed.indexOf("//");
        if (slashes < 0) {
            String rest = trimmed.substring(trimmed.indexOf(':', 5) + 1);
            return new JdbcUrl(dialect, trimmed, "localhost", dialect.defaultPort(), emptyToNull(until(rest, "?;")));
        }
        String afterSlashes = trimmed.substring(slashes + 2);
        String rawAuthority = until(afterSlashes, "/?;");
        String rest = afterSlashes.substring(rawAuthority.length());
        String authority = rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1);
        String first = until(authority, ",");
        String host = first;
        int port = dialect.defaultPort();
        if (first.startsWith("[") && first.contains("]")) {
            host = first.substring(0, first.indexOf(']') + 1);
            port = port(first.substring(host.length()), port);
        }
        else if (first.lastIndexOf(':') >= 0) {
            host = first.substring(0, first.lastIndexOf(':'));
            port = port(first.substring(first.lastIndexOf(':')), port);
        }
        return new JdbcUrl(dialect, trimmed, host.isEmpty() ? "localhost" : host, port, database(dialect, rest));
    }

    /**
     * @return {@code host:port}, for messages
     */
    public String address() {
        return this.host + ":" + this.port;
    }

    @Override
    public String toString() {
        return this.dialect.productName() + " at " + address() + ((this.database != null) ? "/" + this.database : "");
    }

    private static String database(SqlDialect dialect, String rest) {
        if (dialect == SqlDialect.SQLSERVER) {
            Matcher matcher = SQLSERVER_DATABASE.matcher(rest);
            return matcher.find() ? emptyToNull(matcher.group(1).trim()) : null;
        }
        if (!rest.startsWith("/")) {
            return null;
        }
        return emptyToNull(until(rest.substring(1), "?;"));
    }

    private static int port(String colonAndPort, int fallback) {
        String digits = colonAndPort.startsWith(":") ? colonAndPort.substring(1) : "";
        try {
            return digits.isEmpty() ? fallback : Integer.parseInt(digits);
        }
        catch (NumberFormatException ex) {
            throw new ConnectorException("The port in the URL is not a number");
        }
    }

    private static String until(String text, String stops) {
        for (int i = 0; i < text.length(); i++) {
            if (stops.indexOf(text.charAt(i)) >= 0) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    private static String emptyToNull(String text) {
        return (text == null || text.isEmpty()) ? null : text;
    }

}
