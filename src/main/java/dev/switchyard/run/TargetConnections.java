package dev.switchyard.run;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.TargetConnector;
import dev.switchyard.connector.TargetUnavailableException;

/**
 * Opens a run's target. A target that cannot be connected to (down, refusing connections,
 * a password changed) is unavailable for the run, which pauses with the reason instead of
 * failing: nothing about its records is wrong.
 */
final class TargetConnections {

    private TargetConnections() {
    }

    static TargetConnector open(ConnectorRegistry targets, ConnectionSettings settings) {
        try {
            return targets.openTarget(settings);
        }
        catch (TargetUnavailableException ex) {
            throw ex;
        }
        catch (ConnectorException ex) {
            throw new TargetUnavailableException(ex.getMessage(), ex, false);
        }
    }

}
