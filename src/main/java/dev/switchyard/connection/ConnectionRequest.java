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
 */
public record ConnectionRequest(String role, String environment, String type, String name, String url, String username,
        String password, String schema, String folder, Map<String, String> options) {

    public ConnectionRequest {
        options = (options != null) ? options : Map.of();
    }

}
