package dev.switchyard.connection;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.jdbc.JdbcUrl;
import dev.switchyard.system.InvalidInputException;

/**
 * A connection's display name: the one given, at most {@value #LIMIT} characters (the
 * column's size), or one made from what it connects to, shortened to fit: the upload's or
 * folder's name, or where a database URL goes, never its parameters or credentials
 * ({@code sandbox target: PostgreSQL at db:5432/crm}).
 */
final class ConnectionNames {

    /** The longest connection name. */
    static final int LIMIT = 120;

    private ConnectionNames() {
    }

    /**
     * @param role source or target
     * @param type the system type
     * @param environment the target's environment, or null
     * @param filename the upload's name, or null
     * @param request what was asked for
     * @param crm a CRM connection's checked settings, or null
     * @return the name to store
     * @throws InvalidInputException when the given name is too long
     */
    static String of(ConnectionRole role, ConnectorType type, String environment, String filename,
            ConnectionRequest request) {
        return of(role, type, environment, filename, request, null);
    }

    static String of(ConnectionRole role, ConnectorType type, String environment, String filename,
            ConnectionRequest request, CrmSettings.Parsed crm) {
        if (request.name() != null && !request.name().isBlank()) {
            String name = request.name().trim();
            if (name.length() > LIMIT) {
                throw new InvalidInputException("name", "A name has at most " + LIMIT + " characters");
            }
            return name;
        }
        String name;
        if (crm != null) {
            String url = crm.options().getOrDefault("loginUrl", crm.options().get("baseUrl"));
            name = ((role == ConnectionRole.TARGET) ? environment + " target: " : "")
                    + ((type == ConnectorType.SALESFORCE) ? "Salesforce at " : "HubSpot at ")
                    + java.net.URI.create(url).getAuthority();
        }
        else if (type == ConnectorType.JDBC) {
            name = ((role == ConnectionRole.TARGET) ? environment + " target: " : "") + database(request.url());
        }
        else {
            name = (filename != null) ? filename : folder(request.folder());
        }
        return (name.length() > LIMIT) ? name.substring(0, LIMIT - 1) + "…" : name;
    }

    private static String database(String url) {
        if (url == null || url.isBlank()) {
            return "database";
        }
        try {
            return JdbcUrl.parse(url).toString();
        }
        catch (ConnectorException | IllegalArgumentException ex) {
            return "database";
        }
    }

    private static String folder(String folder) {
        try {
            Path name = (folder != null && !folder.isBlank()) ? Path.of(folder.trim()).getFileName() : null;
            return (name != null) ? name.toString() : "files";
        }
        catch (InvalidPathException ex) {
            return "files";
        }
    }

}
