package dev.switchyard.connector;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Finds the provider for a connection type and opens connectors with it.
 */
@Component
public class ConnectorRegistry {

    private final Map<ConnectorType, ConnectorProvider> providers = new EnumMap<>(ConnectorType.class);

    public ConnectorRegistry(List<ConnectorProvider> providers) {
        providers.forEach((provider) -> this.providers.put(provider.type(), provider));
    }

    /**
     * Opens a connector.
     * @param settings the connection's settings
     * @return the open connector; close it when done
     * @throws ConnectorException when there is no provider for the type, or it cannot be
     * opened
     */
    public SourceConnector open(ConnectionSettings settings) {
        ConnectorProvider provider = this.providers.get(settings.type());
        if (provider == null) {
            throw new ConnectorException("Connections of type " + settings.type().key() + " are not supported");
        }
        return provider.open(settings);
    }

    /**
     * @param type a type
     * @return whether connections of this type can be opened
     */
    public boolean supports(ConnectorType type) {
        return this.providers.containsKey(type);
    }

}
