package dev.switchyard.run;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.TargetUnavailableException;
import dev.switchyard.connector.jdbc.JdbcConnectorProvider;
import dev.switchyard.connector.jdbc.JdbcTargetWriter;

/**
 * Opens a run's target writer. A target that cannot be connected to (down, refusing
 * connections, a password changed) is unavailable for the run, which pauses with the
 * reason instead of failing: nothing about its records is wrong.
 */
final class TargetConnections {

    private TargetConnections() {
    }

    static JdbcTargetWriter open(JdbcConnectorProvider targets, ConnectionSettings settings) {
        try {
            return targets.openWriter(settings);
        }
        catch (ConnectorException ex) {
            throw new TargetUnavailableException(ex.getMessage(), ex, false);
        }
    }

}
