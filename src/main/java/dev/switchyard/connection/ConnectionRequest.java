package dev.switchyard.connection;

import java.util.Map;

/**
 * What a new connection is made of, from a form or the API. File-based connections come
 * with an upload (handled apart) or a {@code folder} on the server.
 *
 * @param role source or target
 * @param environment the environment's name (targets only)
 * @param type csv, xlsx, sobject-tree or jdbc
 * @param name an optional display name
 * @param url JDBC URL
 * @param username JDBC user
 * @param password JDBC password (stored encrypted)
 * @param schema JDBC schema
 * @param folder a folder on the server holding the files, under an allowed import root
 * @param options further connector options (encoding, delimiter, plan …)
 * @param settings a CRM connection's settings ({@code loginUrl}, {@code clientId},
 * {@code clientSecret} … for Salesforce; {@code baseUrl}, {@code accessToken} for
 * HubSpot; {@code apiBudgetPercent} for both), checked by {@link CrmSettings}
 */
public record ConnectionRequest(String role, String environment, String type, String name, String url, String username,
        String password, String schema, String folder, Map<String, String> options, Map<String, String> settings) {

    public ConnectionRequest {
        options = (options != null) ? options : Map.of();
        settings = (settings != null) ? settings : Map.of();
    }

    /**
     * A request without CRM settings: files and databases.
     * @param role source or target
     * @param environment the environment's name (targets only)
     * @param type csv, xlsx, sobject-tree or jdbc
     * @param name an optional display name
     * @param url JDBC URL
     * @param username JDBC user
     * @param password JDBC password
     * @param schema JDBC schema
     * @param folder a folder on the server
     * @param options further connector options
     */
    public ConnectionRequest(String role, String environment, String type, String name, String url, String username,
            String password, String schema, String folder, Map<String, String> options) {
        this(role, environment, type, name, url, username, password, schema, folder, options, Map.of());
    }

}
