package dev.switchyard.connection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form that creates a connection: an upload, a server folder, or database settings.
 */
public class ConnectionForm {

    private String role = "source";

    private String environment;

    private String type = "csv";

    private String name;

    private String folder;

    private String url;

    private String username;

    private String password;

    private String schema;

    private String encoding;

    private String delimiter;

    ConnectionRequest toRequest() {
        Map<String, String> options = new LinkedHashMap<>();
        if (this.encoding != null && !this.encoding.isBlank()) {
            options.put("encoding", this.encoding.trim());
        }
        if (this.delimiter != null && !this.delimiter.isBlank()) {
            options.put("delimiter", this.delimiter.trim());
        }
        return new ConnectionRequest(this.role, this.environment, this.type, this.name, this.url, this.username,
                this.password, this.schema, this.folder, options);
    }

    public String getRole() {
        return this.role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getEnvironment() {
        return this.environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getType() {
        return this.type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFolder() {
        return this.folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public String getUrl() {
        return this.url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUsername() {
        return this.username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return this.password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getSchema() {
        return this.schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getEncoding() {
        return this.encoding;
    }

    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    public String getDelimiter() {
        return this.delimiter;
    }

    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

}
