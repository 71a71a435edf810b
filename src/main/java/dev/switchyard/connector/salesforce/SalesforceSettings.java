package dev.switchyard.connector.salesforce;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;

/**
 * A Salesforce connection's settings, checked.
 *
 * @param loginUrl where tokens are asked for: the org's My Domain, or login / test
 * .salesforce.com; https, or http on a loopback host
 * @param authFlow the login flow
 * @param clientId the connected app's consumer key
 * @param username the user a JWT bearer token is issued for, or null
 * @param apiVersion the REST API version, such as {@code 62.0}
 * @param secret the consumer secret (client credentials) or the PEM private key (JWT
 * bearer)
 * @param objects the objects to read when only some are wanted, or empty for every
 * queryable object
 */
public record SalesforceSettings(URI loginUrl, AuthFlow authFlow, String clientId, String username, String apiVersion,
        String secret, List<String> objects) {

    /** The API version used when none is set. */
    public static final String DEFAULT_API_VERSION = "62.0";

    private static final Pattern VERSION = Pattern.compile("\\d{2,3}\\.0");

    @Override
    public String toString() {
        return "SalesforceSettings[" + this.loginUrl + ", " + this.authFlow.key() + ", " + this.clientId + "]";
    }

    /**
     * @param settings a connection's settings
     * @return the checked Salesforce settings
     * @throws ConnectorException naming the setting that is missing or wrong
     */
    public static SalesforceSettings of(ConnectionSettings settings) {
        URI loginUrl = loginUrl(settings.option("loginUrl"));
        AuthFlow flow = AuthFlow.parse(settings.option("authFlow"));
        String clientId = required(settings.option("clientId"), "clientId (the connected app's consumer key)");
        String username = settings.option("username");
        if (flow == AuthFlow.JWT_BEARER) {
            required(username, "username (the user the JWT bearer flow logs in as)");
        }
        String secret = required(settings.secret(), (flow == AuthFlow.JWT_BEARER)
                ? "the private key (PEM) of the connected app's certificate" : "the connected app's consumer secret");
        String version = settings.option("apiVersion");
        version = (version == null || version.isBlank()) ? DEFAULT_API_VERSION : version.trim();
        if (version.startsWith("v")) {
            version = version.substring(1);
        }
        if (!VERSION.matcher(version).matches()) {
            throw new ConnectorException("apiVersion '" + version + "' is not a Salesforce API version such as 62.0");
        }
        String objects = settings.option("objects");
        List<String> wanted = (objects == null || objects.isBlank()) ? List.of()
                : Arrays.stream(objects.split(",")).map(String::trim).filter((o) -> !o.isEmpty()).toList();
        return new SalesforceSettings(loginUrl, flow, clientId.trim(), (username != null) ? username.trim() : null,
                version, secret, wanted);
    }

    /**
     * @param path a path under the versioned REST base, starting with {@code /}
     * @return the path from the instance's root, such as
     * {@code /services/data/v62.0/limits}
     */
    public String data(String path) {
        return "/services/data/v" + this.apiVersion + path;
    }

    private static URI loginUrl(String value) {
        String text = required(value, "loginUrl (the org's My Domain URL or https://login.salesforce.com)");
        URI uri;
        try {
            uri = new URI(text.trim());
        }
        catch (URISyntaxException ex) {
            throw new ConnectorException("loginUrl '" + text + "' is not a URL");
        }
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && loopback(uri.getHost()))) {
            throw new ConnectorException("loginUrl '" + text
                    + "' must be an https URL (http is accepted only on a loopback host such as localhost)");
        }
        String trimmed = uri.toString().replaceAll("/+$", "");
        return URI.create(trimmed);
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ConnectorException("The Salesforce connection needs " + what);
        }
        return value;
    }

}
