package dev.switchyard.connector;

/**
 * Opens destinations of one type. A connector sub-package that can write offers one as a
 * Spring bean, beside its {@link ConnectorProvider}.
 */
public interface TargetConnectorProvider {

    /**
     * @return the type this provider opens
     */
    ConnectorType type();

    /**
     * Opens a destination.
     * @param settings the target connection's settings
     * @return the open target; close it when done
     * @throws TargetUnavailableException when the target cannot be reached for now
     * @throws ConnectorException with the exact reason when it cannot be opened otherwise
     */
    TargetConnector openTarget(ConnectionSettings settings);

}
