package dev.switchyard.connection;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.switchyard.connector.ConnectorType;
import dev.switchyard.system.InvalidInputException;

/**
 * The settings of a connection to a CRM's API, checked before anything is stored: a
 * Salesforce org ({@code loginUrl}, {@code authFlow}, {@code clientId},
 * {@code clientSecret} or {@code username} with {@code privateKey}, {@code apiVersion})
 * or a HubSpot portal ({@code baseUrl}, {@code accessToken}), both with
 * {@code apiBudgetPercent}. The one secret a flow needs (the client secret, the private
 * key or the access token) is split from the options, so that it is stored encrypted and
 * never shown, logged or exported; every other setting is kept as an option.
 */
final class CrmSettings {

    /** The share of the provider's daily limit a project uses when none is given. */
    static final int DEFAULT_BUDGET_PERCENT = 50;

    /** The Salesforce REST API version used when none is given. */
    static final String DEFAULT_API_VERSION = "62.0";

    /** HubSpot's API host. */
    static final String HUBSPOT_BASE_URL = "https://api.hubapi.com";

    /** Option: the share of the daily API limit the project may use, in percent. */
    static final String BUDGET_PERCENT = "apiBudgetPercent";

    private static final Pattern API_VERSION = Pattern.compile("\\d{2,3}\\.0");

    private static final Set<String> SECRETS = Set.of("clientSecret", "privateKey", "accessToken");

    private CrmSettings() {
    }

    /**
     * Checks a CRM connection's settings.
     * @param type {@link ConnectorType#SALESFORCE} or {@link ConnectorType#HUBSPOT}
     * @param given the settings as sent (unknown keys are refused, so that a misspelt
     * setting is not silently ignored)
     * @return the options to keep and the secret to encrypt
     * @throws InvalidInputException naming the setting that is missing or wrong
     */
    static Parsed parse(ConnectorType type, Map<String, String> given) {
        Map<String, String> settings = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                settings.put(key, (SECRETS.contains(key) ? value : value.trim()));
            }
        });
        return switch (type) {
            case SALESFORCE -> salesforce(settings);
            case HUBSPOT -> hubspot(settings);
            default -> throw new IllegalArgumentException(type + " is not a CRM");
        };
    }

    private static Parsed salesforce(Map<String, String> settings) {
        refuseUnknown(settings, Set.of("loginUrl", "authFlow", "clientId", "clientSecret", "username", "privateKey",
                "apiVersion", BUDGET_PERCENT), "Salesforce");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("loginUrl", url("loginUrl", required(settings, "loginUrl",
                "Give the org's login URL: its My Domain URL, https://login.salesforce.com or https://test.salesforce.com")));
        String flow = settings.getOrDefault("authFlow", "client-credentials").toLowerCase(Locale.ROOT);
        if (!flow.equals("client-credentials") && !flow.equals("jwt-bearer")) {
            throw new InvalidInputException("authFlow", "'" + settings.get("authFlow")
                    + "' is not an authentication flow: use client-credentials or jwt-bearer");
        }
        options.put("authFlow", flow);
        options.put("clientId", required(settings, "clientId", "Give the connected app's consumer key (client id)"));
        String secret;
        if (flow.equals("client-credentials")) {
            secret = required(settings, "clientSecret", "Give the connected app's consumer secret (client secret)");
        }
        else {
            options.put("username",
                    required(settings, "username", "Give the integration user's user name for the JWT bearer flow"));
            secret = required(settings, "privateKey",
                    "Give the private key (PEM) whose certificate is uploaded to the connected app");
            if (!secret.contains("PRIVATE KEY")) {
                throw new InvalidInputException("privateKey",
                        "The private key must be PEM text beginning with -----BEGIN PRIVATE KEY-----");
            }
        }
        String version = settings.getOrDefault("apiVersion", DEFAULT_API_VERSION);
        if (version.startsWith("v")) {
            version = version.substring(1);
        }
        if (!API_VERSION.matcher(version).matches()) {
            throw new InvalidInputException("apiVersion",
                    "'" + settings.get("apiVersion") + "' is not an API version: give it as 62.0");
        }
        options.put("apiVersion", version);
        options.put(BUDGET_PERCENT, String.valueOf(budget(settings)));
        return new Parsed(options, secret);
    }

    private static Parsed hubspot(Map<String, String> settings) {
        refuseUnknown(settings, Set.of("baseUrl", "accessToken", BUDGET_PERCENT), "HubSpot");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("baseUrl", url("baseUrl", settings.getOrDefault("baseUrl", HUBSPOT_BASE_URL)));
        String token = required(settings, "accessToken", "Give the private app's access token");
        options.put(BUDGET_PERCENT, String.valueOf(budget(settings)));
        return new Parsed(options, token);
    }

    private static void refuseUnknown(Map<String, String> settings, Set<String> known, String system) {
        for (String key : settings.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidInputException(key, "'" + key + "' is not a " + system + " setting: use "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static String required(Map<String, String> settings, String key, String message) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(key, message);
        }
        if (value.length() > 8000) {
            throw new InvalidInputException(key, key + " is too long (at most 8,000 characters)");
        }
        return value;
    }

    /**
     * @param value a share of the daily limit as given, such as {@code 40} or {@code 40%}
     * @return the share in percent
     * @throws InvalidInputException when it is not from 1 to 100
     */
    static int budgetPercent(String value) {
        return budget(Map.of(BUDGET_PERCENT, (value != null) ? value : ""));
    }

    private static int budget(Map<String, String> settings) {
        String value = settings.get(BUDGET_PERCENT);
        if (value == null) {
            return DEFAULT_BUDGET_PERCENT;
        }
        try {
            int percent = Integer.parseInt(value.replace("%", "").trim());
            if (percent >= 1 && percent <= 100) {
                return percent;
            }
        }
        catch (NumberFormatException ex) {
            // refused below
        }
        throw new InvalidInputException(BUDGET_PERCENT,
                "The API budget is a share of the daily limit from 1 to 100 (percent), not '" + value + "'");
    }

    /**
     * An API's address: https, or http on a loopback host (tests and local emulators).
     * @param key the setting
     * @param value its value
     * @return the address without a trailing slash
     */
    static String url(String key, String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        }
        catch (URISyntaxException ex) {
            throw new InvalidInputException(key, "'" + value + "' is not a URL");
        }
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInputException(key, "'" + value + "' is not an https URL");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new InvalidInputException(key, "Give " + key + " without user, query or fragment");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new InvalidInputException(key,
                    key + " must use https (plain http is accepted only for a loopback host such as localhost)");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }

    /**
     * Settings checked.
     *
     * @param options what is kept as the connection's options
     * @param secret the one secret, to be stored encrypted
     */
    record Parsed(Map<String, String> options, String secret) {
    }

}
