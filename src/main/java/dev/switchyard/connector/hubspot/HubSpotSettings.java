package dev.switchyard.connector.hubspot;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import dev.switchyard.connector.CallMeter;
import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorType;

/**
 * A HubSpot connection's settings, checked: the API base address (https, except for a
 * loopback host), the private app's access token, the portal id when known, and the call
 * meter.
 *
 * @param baseUrl the API base address without a trailing slash
 * @param token the private app access token
 * @param portalId the portal (hub) id, for record addresses, or null
 * @param appUrl the address of HubSpot's web app, for record addresses
 * @param meter counts the calls
 */
public record HubSpotSettings(String baseUrl, String token, String portalId, String appUrl, CallMeter meter) {

    /** The public API's address. */
    public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

    /**
     * Reads and checks the settings: options {@code baseUrl} (default
     * {@value #DEFAULT_BASE_URL}), {@code portalId} and {@code appUrl} (default
     * {@code https://app.hubspot.com}); the secret is the access token.
     * @param settings the connection's settings
     * @return the checked settings
     * @throws ConnectorException naming what is wrong
     */
    public static HubSpotSettings of(ConnectionSettings settings) {
        if (settings.type() != ConnectorType.HUBSPOT) {
            throw new ConnectorException("A " + settings.type().key() + " connection cannot be opened as HubSpot");
        }
        String base = blankToNull(settings.option("baseUrl"));
        base = (base != null) ? base : DEFAULT_BASE_URL;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        checkAddress(base);
        String token = blankToNull(settings.secret());
        if (token == null) {
            throw new ConnectorException("A HubSpot connection needs the private app's access token");
        }
        String app = blankToNull(settings.option("appUrl"));
        return new HubSpotSettings(base, token.strip(), blankToNull(settings.option("portalId")),
                (app != null) ? app : "https://app.hubspot.com", settings.meter());
    }

    private static void checkAddress(String base) {
        URI uri;
        try {
            uri = URI.create(base);
        }
        catch (IllegalArgumentException ex) {
            throw new ConnectorException("The HubSpot address '" + base + "' is not a valid URL");
        }
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ConnectorException("The HubSpot address '" + base + "' must be an https URL");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new ConnectorException("The HubSpot address '" + base
                    + "' must use https: the access token is only sent in clear to a loopback host");
        }
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return (value == null || value.isBlank()) ? null : value.strip();
    }

    @Override
    public String toString() {
        return "HubSpotSettings[baseUrl=" + this.baseUrl + ", portalId=" + this.portalId + "]";
    }

}
