package dev.switchyard.connector.hubspot;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorProvider;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.TargetConnectorProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Opens HubSpot portals as sources and destinations. Options: {@code baseUrl} (default
 * {@code https://api.hubapi.com}; https except for a loopback host), {@code portalId}
 * (for record addresses); the secret is the private app's access token; the settings'
 * meter counts the calls.
 */
@Component
public class HubSpotConnectorProvider implements ConnectorProvider, TargetConnectorProvider {

    private final HubSpotProperties properties;

    private final JsonMapper json;

    public HubSpotConnectorProvider(HubSpotProperties properties) {
        this.properties = properties;
        this.json = JsonMapper.shared();
    }

    @Override
    public ConnectorType type() {
        return ConnectorType.HUBSPOT;
    }

    @Override
    public HubSpotSourceConnector open(ConnectionSettings settings) {
        return new HubSpotSourceConnector(client(settings), this.properties);
    }

    @Override
    public HubSpotTargetConnector openTarget(ConnectionSettings settings) {
        return new HubSpotTargetConnector(client(settings), this.properties);
    }

    /**
     * @param settings a HubSpot connection's settings
     * @return a client for its portal
     * @throws dev.switchyard.connector.ConnectorException when the settings are wrong
     */
    public HubSpotClient client(ConnectionSettings settings) {
        return new HubSpotClient(HubSpotSettings.of(settings), this.properties, this.json);
    }

}
