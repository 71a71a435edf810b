package dev.switchyard.connection;

import java.util.Map;

import dev.switchyard.connector.ConnectorType;
import dev.switchyard.system.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CrmSettingsTests {

    @Test
    void salesforceClientCredentialsKeepsTheSecretApartAndFillsDefaults() {
        CrmSettings.Parsed parsed = CrmSettings.parse(ConnectorType.SALESFORCE,
                Map.of("loginUrl", "https://acme.my.salesforce.com/", "clientId", "3MVG9", "clientSecret", " s3cret "));
        assertThat(parsed.options()).containsEntry("loginUrl", "https://acme.my.salesforce.com")
            .containsEntry("authFlow", "client-credentials")
            .containsEntry("clientId", "3MVG9")
            .containsEntry("apiVersion", "62.0")
            .containsEntry("apiBudgetPercent", "50")
            .doesNotContainKey("clientSecret");
        assertThat(parsed.options().values()).doesNotContain(" s3cret ", "s3cret");
        assertThat(parsed.secret()).isEqualTo(" s3cret ");
    }

    @Test
    void salesforceJwtBearerNeedsTheUserAndAPemKey() {
        Map<String, String> jwt = Map.of("loginUrl", "https://login.salesforce.com", "authFlow", "jwt-bearer",
                "clientId", "3MVG9", "username", "integration@acme.com", "privateKey", "not a key", "apiVersion",
                "v61.0", "apiBudgetPercent", "25");
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> CrmSettings.parse(ConnectorType.SALESFORCE, jwt))
            .satisfies((ex) -> assertThat(ex.getField()).isEqualTo("privateKey"))
            .withMessageContaining("PEM");
        Map<String, String> good = new java.util.HashMap<>(jwt);
        good.put("privateKey", "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----");
        CrmSettings.Parsed parsed = CrmSettings.parse(ConnectorType.SALESFORCE, good);
        assertThat(parsed.options()).containsEntry("username", "integration@acme.com")
            .containsEntry("apiVersion", "61.0")
            .containsEntry("apiBudgetPercent", "25");
        assertThat(parsed.secret()).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void refusalsNameTheSetting() {
        assertRefused(ConnectorType.SALESFORCE, Map.of("clientId", "x", "clientSecret", "y"), "loginUrl",
                "My Domain URL");
        assertRefused(ConnectorType.SALESFORCE,
                Map.of("loginUrl", "http://acme.my.salesforce.com", "clientId", "x", "clientSecret", "y"), "loginUrl",
                "must use https");
        assertRefused(ConnectorType.SALESFORCE, Map.of("loginUrl", "https://login.salesforce.com", "clientId", "x",
                "clientSecret", "y", "authFlow", "password"), "authFlow", "client-credentials or jwt-bearer");
        assertRefused(ConnectorType.SALESFORCE, Map.of("loginUrl", "https://login.salesforce.com", "clientId", "x",
                "clientSecret", "y", "apiBudgetPercent", "150"), "apiBudgetPercent", "from 1 to 100");
        assertRefused(ConnectorType.SALESFORCE, Map.of("loginUrl", "https://login.salesforce.com", "clientId", "x",
                "clientSecret", "y", "apiVersoin", "61.0"), "apiVersoin", "not a Salesforce setting");
        assertRefused(ConnectorType.HUBSPOT, Map.of("baseUrl", "https://api.hubapi.com"), "accessToken",
                "access token");
        assertRefused(ConnectorType.HUBSPOT, Map.of("baseUrl", "https://user:pw@api.hubapi.com", "accessToken", "t"),
                "baseUrl", "without user");
    }

    @Test
    void plainHttpOnlyOnLoopback() {
        assertThat(CrmSettings.url("baseUrl", "http://localhost:8089")).isEqualTo("http://localhost:8089");
        assertThat(CrmSettings.url("baseUrl", "http://127.0.0.1:8089/")).isEqualTo("http://127.0.0.1:8089");
        assertThat(CrmSettings.url("baseUrl", "http://[::1]:8089")).isEqualTo("http://[::1]:8089");
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> CrmSettings.url("baseUrl", "http://10.0.0.5:8089"));
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> CrmSettings.url("baseUrl", "http://localhost.evil.example"));
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> CrmSettings.url("baseUrl", "ftp://api.hubapi.com"));
    }

    @Test
    void hubspotDefaultsToItsApiHost() {
        CrmSettings.Parsed parsed = CrmSettings.parse(ConnectorType.HUBSPOT, Map.of("accessToken", "pat-na1-123"));
        assertThat(parsed.options()).containsEntry("baseUrl", "https://api.hubapi.com")
            .containsEntry("apiBudgetPercent", "50")
            .doesNotContainValue("pat-na1-123");
        assertThat(parsed.secret()).isEqualTo("pat-na1-123");
    }

    private static void assertRefused(ConnectorType type, Map<String, String> settings, String field, String text) {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> CrmSettings.parse(type, settings))
            .satisfies((ex) -> assertThat(ex.getField()).isEqualTo(field))
            .withMessageContaining(text);
    }

}
