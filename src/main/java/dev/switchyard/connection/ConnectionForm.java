package dev.switchyard.connection;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchyard.connector.ConnectorType;

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

    private String loginUrl;

    private String authFlow;

    private String clientId;

    private String clientSecret;

    private String sfUsername;

    private String privateKey;

    private String apiVersion;

    private String baseUrl;

    private String accessToken;

    private String apiBudgetPercent;

    ConnectionRequest toRequest() {
        Map<String, String> options = new LinkedHashMap<>();
        if (this.encoding != null && !this.encoding.isBlank()) {
            options.put("encoding", this.encoding.trim());
        }
        if (this.delimiter != null && !this.delimiter.isBlank()) {
            options.put("delimiter", this.delimiter.trim());
        }
        return new ConnectionRequest(this.role, this.environment, this.type, this.name, this.url, this.username,
                this.password, this.schema, this.folder, options, crmSettings());
    }

    /**
     * @return the settings of a Salesforce or HubSpot connection, named as in the API;
     * empty for other types
     */
    private Map<String, String> crmSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        ConnectorType crm = crmType();
        if (crm == ConnectorType.SALESFORCE) {
            settings.put("loginUrl", this.loginUrl);
            settings.put("authFlow", this.authFlow);
            settings.put("clientId", this.clientId);
            settings.put("apiVersion", this.apiVersion);
            if ("jwt-bearer".equalsIgnoreCase(this.authFlow)) {
                settings.put("username", this.sfUsername);
                settings.put("privateKey", this.privateKey);
            }
            else {
                settings.put("clientSecret", this.clientSecret);
            }
        }
        else if (crm == ConnectorType.HUBSPOT) {
            settings.put("baseUrl", this.baseUrl);
            settings.put("accessToken", this.accessToken);
        }
        else {
            return Map.of();
        }
        settings.put(CrmSettings.BUDGET_PERCENT, this.apiBudgetPercent);
        settings.values().removeIf((v) -> v == null || v.isBlank());
        return settings;
    }

    /**
     * @param field a setting named in a refusal
     * @return the form field showing it
     */
    String formField(String field) {
        return (crmType() == ConnectorType.SALESFORCE && "username".equals(field)) ? "sfUsername" : field;
    }

    private ConnectorType crmType() {
        try {
            ConnectorType parsed = ConnectorType.parse(this.type);
            return parsed.isCrm() ? parsed : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
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

    public String getLoginUrl() {
        return this.loginUrl;
    }

    public void setLoginUrl(String loginUrl) {
        this.loginUrl = loginUrl;
    }

    public String getAuthFlow() {
        return this.authFlow;
    }

    public void setAuthFlow(String authFlow) {
        this.authFlow = authFlow;
    }

    public String getClientId() {
        return this.clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return this.clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getSfUsername() {
        return this.sfUsername;
    }

    public void setSfUsername(String sfUsername) {
        this.sfUsername = sfUsername;
    }

    public String getPrivateKey() {
        return this.privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getApiVersion() {
        return this.apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getBaseUrl() {
        return this.baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAccessToken() {
        return this.accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getApiBudgetPercent() {
        return this.apiBudgetPercent;
    }

    public void setApiBudgetPercent(String apiBudgetPercent) {
        this.apiBudgetPercent = apiBudgetPercent;
    }

}
