package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorProvider;
import dev.switchyard.connector.TargetConnectorProvider;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.SourceConnector;
import org.springframework.stereotype.Component;

/**
 * Opens JDBC connectors. Options: {@code url} (PostgreSQL, MySQL, MariaDB or SQL Server
 * only), {@code username}, {@code schema} (by default {@code public}, the URL's database,
 * or {@code dbo}); the password is the settings' secret.
 */
@Component
public class JdbcConnectorProvider implements ConnectorProvider, TargetConnectorProvider {

    @Override
    public ConnectorType type() {
        return ConnectorType.JDBC;
    }

    @Override
    public JdbcSourceConnector open(ConnectionSettings settings) {
        if (settings.type() != ConnectorType.JDBC) {
            throw new ConnectorException("A " + settings.type().key() + " connection cannot be opened through JDBC");
        }
        JdbcUrl url = JdbcUrl.parse(settings.option("url"));
        String username = settings.option("username");
        Connection connection = JdbcConnections.open(url, username, settings.secret());
        try {
            String schema = JdbcConnections.schema(connection, url, settings.option("schema"));
            connection.setReadOnly(true);
            return new JdbcSourceConnector(connection, url, schema, settings.idFields(), settings.secret());
        }
        catch (SQLException ex) {
            close(connection);
            throw JdbcFailures.reading("opening the schema", ex, url, settings.secret());
        }
        catch (RuntimeException ex) {
            close(connection);
            throw ex;
        }
    }

    /**
     * Opens a writer on the same settings as a source: {@code url}, {@code username},
     * {@code schema} and the secret.
     * @param settings the target connection's settings
     * @return a writer owning one connection; close it when done
     * @throws dev.switchyard.connector.TargetUnavailableException when the target cannot
     * be reached or takes no connections for now
     * @throws ConnectorException with the exact reason when the connection fails
     * otherwise
     */
    @Override
    public JdbcTargetWriter openTarget(ConnectionSettings settings) {
        return openWriter(settings);
    }

    /**
     * Opens a writer; see {@link #openTarget}.
     * @param settings the target connection's settings
     * @return a writer owning one connection
     */
    public JdbcTargetWriter openWriter(ConnectionSettings settings) {
        if (settings.type() != ConnectorType.JDBC) {
            throw new ConnectorException("A " + settings.type().key() + " connection cannot be opened through JDBC");
        }
        JdbcUrl url = JdbcUrl.parse(settings.option("url"));
        String username = settings.option("username");
        Connection connection = TargetTransactions.open(url, username, settings.secret());
        try {
            String schema = JdbcConnections.schema(connection, url, settings.option("schema"));
            return new JdbcTargetWriter(connection, url, username, settings.secret(), schema);
        }
        catch (SQLException ex) {
            close(connection);
            throw JdbcFailures.reading("opening the schema", ex, url, settings.secret());
        }
        catch (RuntimeException ex) {
            close(connection);
            throw ex;
        }
    }

    /**
     * Connects, looks, and disconnects.
     * @param settings the settings
     * @return what was found: product and version, schema, tables and views
     * @throws ConnectorException with the exact reason when the connection fails
     */
    public JdbcConnectionReport test(ConnectionSettings settings) {
        try (JdbcSourceConnector connector = open(settings)) {
            return connector.report();
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        }
        catch (SQLException ex) {
            // already failing
        }
    }

}
