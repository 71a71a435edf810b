package dev.switchyard.connector;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Finds the provider for a connection type and opens connectors with it.
 */
@Component
public class ConnectorRegistry {

    private final Map<ConnectorType, ConnectorProvider> providers = new EnumMap<>(ConnectorType.class);

    private final Map<ConnectorType, TargetConnectorProvider> targets = new EnumMap<>(ConnectorType.class);

    public ConnectorRegistry(List<ConnectorProvider> providers, List<TargetConnectorProvider> targets) {
        providers.forEach((provider) -> this.providers.put(provider.type(), provider));
        targets.forEach((provider) -> this.targets.put(provider.type(), provider));
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

    /**
     * Opens a destination.
     * @param settings the target connection's settings
     * @return the open target; close it when done
     * @throws ConnectorException when connections of the type cannot be written to, or it
     * cannot be opened
     * @throws TargetUnavailableException when the target cannot be reached for now
     */
    public TargetConnector openTarget(ConnectionSettings settings) {
        TargetConnectorProvider provider = this.targets.get(settings.type());
        if (provider == null) {
            throw new ConnectorException("Connections of type " + settings.type().key() + " cannot be written to");
        }
        return provider.openTarget(settings);
    }

    /**
     * @param type a type
     * @return whether connections of this type can be a run's destination
     */
    public boolean supportsTarget(ConnectorType type) {
        return this.targets.containsKey(type);
    }

    /**
     * @return the types that can be a run's destination
     */
    public Set<ConnectorType> targetTypes() {
        return Collections.unmodifiableSet(this.targets.keySet());
    }

}
