package dev.switchyard.connector.salesforce;

import java.time.Clock;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorProvider;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.TargetConnectorProvider;

import org.springframework.stereotype.Component;

/**
 * Opens Salesforce connections as source and as destination. Options: {@code loginUrl},
 * {@code authFlow} ({@code client-credentials} or {@code jwt-bearer}), {@code clientId},
 * {@code username} (JWT bearer), {@code apiVersion} (default 62.0), optionally
 * {@code objects} (a comma-separated list to limit the objects read); the secret is the
 * consumer secret or the PEM private key; calls are counted by the settings' meter.
 * Opening makes no call: the first call logs in.
 */
@Component
public class SalesforceConnectorProvider implements ConnectorProvider, TargetConnectorProvider {

    private final SalesforceProperties properties;

    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public SalesforceConnectorProvider(SalesforceProperties properties) {
        this(properties, Clock.systemUTC());
    }

    SalesforceConnectorProvider(SalesforceProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public ConnectorType type() {
        return ConnectorType.SALESFORCE;
    }

    @Override
    public SalesforceSourceConnector open(ConnectionSettings settings) {
        return new SalesforceSourceConnector(client(settings, false), this.properties, settings.idFields());
    }

    @Override
    public SalesforceTargetConnector openTarget(ConnectionSettings settings) {
        return new SalesforceTargetConnector(client(settings, true), this.properties);
    }

    private SalesforceClient client(ConnectionSettings settings, boolean target) {
        if (settings.type() != ConnectorType.SALESFORCE) {
            throw new ConnectorException("A " + settings.type().key() + " connection cannot be opened as Salesforce");
        }
        return new SalesforceClient(SalesforceSettings.of(settings), this.properties, settings.meter(), target,
                this.clock);
    }

}
