package dev.switchyard.connector;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a connector needs to open a connection.
 *
 * @param type the system type
 * @param files for file-based types: the folder holding the (already unpacked) files;
 * null for JDBC
 * @param options type-specific settings, e.g. {@code url}, {@code username},
 * {@code schema} for JDBC, or {@code encoding}, {@code delimiter} for CSV; never null
 * @param secret the decrypted password or key, or null
 * @param idFields the id field chosen per object (object name → field name); objects not
 * listed use the connector's default ({@code Id}, {@code id}, or the primary key); never
 * null
 */
public record ConnectionSettings(ConnectorType type, Path files, Map<String, String> options, String secret,
        Map<String, String> idFields) {

    public ConnectionSettings {
        options = (options != null) ? Map.copyOf(options) : Map.of();
        idFields = (idFields != null) ? Map.copyOf(idFields) : Map.of();
    }

    /**
     * @param name an option name
     * @return its value, or null
     */
    public String option(String name) {
        return this.options.get(name);
    }

}
