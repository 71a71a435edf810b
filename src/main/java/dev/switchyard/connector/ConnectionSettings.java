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
 * @param meter counts the connection's API calls (CRMs); {@link CallMeter#NONE} for files
 * and databases; never null
 */
public record ConnectionSettings(ConnectorType type, Path files, Map<String, String> options, String secret,
        Map<String, String> idFields, CallMeter meter) {

    public ConnectionSettings {
        options = (options != null) ? Map.copyOf(options) : Map.of();
        idFields = (idFields != null) ? Map.copyOf(idFields) : Map.of();
        meter = (meter != null) ? meter : CallMeter.NONE;
    }

    /**
     * Settings without a call meter.
     * @param type the system type
     * @param files the folder of the files, or null
     * @param options type-specific settings
     * @param secret the decrypted secret, or null
     * @param idFields the id field chosen per object
     */
    public ConnectionSettings(ConnectorType type, Path files, Map<String, String> options, String secret,
            Map<String, String> idFields) {
        this(type, files, options, secret, idFields, CallMeter.NONE);
    }

    /**
     * @param name an option name
     * @return its value, or null
     */
    public String option(String name) {
        return this.options.get(name);
    }

}
