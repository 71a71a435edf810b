package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.switchyard.connector.ConnectorException;

/**
 * Opens connections with the dialect's own driver (never whichever driver
 * {@code DriverManager} finds first), bounded login and read timeouts, and the schema
 * checked to exist.
 */
final class JdbcConnections {

    private JdbcConnections() {
    }

    /**
     * @param url where to connect
     * @param username the user, or null
     * @param secret the password, or null
     * @return an open connection in auto-commit mode
     * @throws ConnectorException saying what failed
     */
    static Connection open(JdbcUrl url, String username, String secret) {
        try {
            Connection connection = url.dialect()
                .driver()
                .connect(url.url(), connectionProperties(url.dialect(), username, secret));
            if (connection == null) {
                throw new ConnectorException("The " + url.dialect().productName() + " driver does not accept the URL");
            }
            return connection;
        }
        catch (SQLException ex) {
            throw JdbcFailures.connecting(ex, url, username, secret);
        }
    }

    /**
     * @param connection an open connection
     * @param url where it goes
     * @param requested the configured schema, or null for the dialect's default
     * @return the schema as the database spells it
     * @throws ConnectorException when it does not exist
     */
    static String schema(Connection connection, JdbcUrl url, String requested) throws SQLException {
        SqlDialect dialect = url.dialect();
        String wanted = (requested != null && !requested.isBlank()) ? requested.trim()
                : dialect.defaultSchema(connection.getCatalog());
        if (wanted == null) {
            throw new ConnectorException(
                    "No database is selected on " + url.address() + ": name one in the URL or set the schema option");
        }
        List<String> schemas = new ArrayList<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet rs = dialect.schemaIsCatalog() ? metaData.getCatalogs() : metaData.getSchemas()) {
            while (rs.next()) {
                schemas.add(rs.getString(dialect.schemaIsCatalog() ? "TABLE_CAT" : "TABLE_SCHEM"));
            }
        }
        return schemas.stream()
            .filter(wanted::equals)
            .findFirst()
            .or(() -> schemas.stream().filter(wanted::equalsIgnoreCase).findFirst())
            .orElseThrow(() -> new ConnectorException("The schema '" + wanted + "' was not found in " + url));
    }

    /**
     * @param dialect the database kind
     * @param username the user, or null
     * @param password the password, or null
     * @return the connection properties: credentials, timeouts, safe defaults
     */
    static Properties connectionProperties(SqlDialect dialect, String username, String password) {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        String connectMillis = Integer.toString(SqlDialect.CONNECT_TIMEOUT_SECONDS * 1000);
        String socketMillis = Integer.toString(SqlDialect.SOCKET_TIMEOUT_SECONDS * 1000);
        switch (dialect) {
            case POSTGRESQL -> {
                properties.setProperty("loginTimeout", Integer.toString(SqlDialect.CONNECT_TIMEOUT_SECONDS));
                properties.setProperty("connectTimeout", Integer.toString(SqlDialect.CONNECT_TIMEOUT_SECONDS));
                properties.setProperty("socketTimeout", Integer.toString(SqlDialect.SOCKET_TIMEOUT_SECONDS));
                properties.setProperty("ApplicationName", "Switchyard");
            }
            case MYSQL -> {
                properties.setProperty("connectTimeout", connectMillis);
                properties.setProperty("socketTimeout", socketMillis);
                properties.setProperty("useCursorFetch", "true");
                properties.setProperty("allowLoadLocalInfile", "false");
                properties.setProperty("autoDeserialize", "false");
            }
            case MARIADB -> {
                properties.setProperty("connectTimeout", connectMillis);
                properties.setProperty("socketTimeout", socketMillis);
                properties.setProperty("allowLocalInfile", "false");
            }
            case SQLSERVER -> {
                properties.setProperty("loginTimeout", Integer.toString(SqlDialect.CONNECT_TIMEOUT_SECONDS));
                properties.setProperty("socketTimeout", socketMillis);
                properties.setProperty("applicationName", "Switchyard");
            }
        }
        return properties;
    }

}
