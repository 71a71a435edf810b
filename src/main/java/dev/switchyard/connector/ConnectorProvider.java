package dev.switchyard.connector;

/**
 * Opens connectors of one type. Each connector sub-package contributes one as a Spring
 * bean.
 */
public interface ConnectorProvider {

    /**
     * @return the type this provider opens
     */
    ConnectorType type();

    /**
     * Opens a connection.
     * @param settings the settings
     * @return the open connector
     * @throws ConnectorException when it cannot be opened, with the reason
     */
    SourceConnector open(ConnectionSettings settings);

}
