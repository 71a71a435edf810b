package dev.switchyard.connector.hubspot;

import dev.switchyard.connector.ConnectorException;

/**
 * HubSpot refused a call for a reason of the call itself (a bad request, a missing scope,
 * an unknown object): retrying it will not help. Callers that can go on without the
 * answer (describing one object, writing one record) catch it; the others let it end the
 * work with its message.
 */
public class HubSpotApiException extends ConnectorException {

    private final HubSpotError error;

    /**
     * @param what the call, for people, such as {@code reading the properties of deals}
     * @param error HubSpot's answer
     */
    public HubSpotApiException(String what, HubSpotError error) {
        super("HubSpot refused " + what + ": " + error.describe());
        this.error = error;
    }

    /**
     * @return HubSpot's answer
     */
    public HubSpotError error() {
        return this.error;
    }

    /**
     * @return the HTTP status
     */
    public int status() {
        return this.error.status();
    }

}
