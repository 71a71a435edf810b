package dev.switchyard.connector.salesforce;

import java.util.Locale;

import dev.switchyard.connector.ConnectorException;

/**
 * How the connector obtains its access token from the org's connected app.
 */
public enum AuthFlow {

    /** OAuth 2.0 client credentials: consumer key and secret, run as the app's user. */
    CLIENT_CREDENTIALS("client-credentials"),

    /**
     * OAuth 2.0 JWT bearer: an assertion signed with the app's private key for a user.
     */
    JWT_BEARER("jwt-bearer");

    private final String key;

    AuthFlow(String key) {
        this.key = key;
    }

    /**
     * @return the name used in settings, such as {@code jwt-bearer}
     */
    public String key() {
        return this.key;
    }

    /**
     * @param value {@code client-credentials} or {@code jwt-bearer} (any case); null
     * means client credentials
     * @return the flow
     * @throws ConnectorException for anything else
     */
    public static AuthFlow parse(String value) {
        if (value == null || value.isBlank()) {
            return CLIENT_CREDENTIALS;
        }
        for (AuthFlow flow : values()) {
            if (flow.key.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return flow;
            }
        }
        throw new ConnectorException(
                "authFlow '" + value + "' is not a Salesforce login flow: use client-credentials or jwt-bearer");
    }

}
