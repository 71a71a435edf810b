package dev.switchyard.connector.jdbc;

import java.net.ServerSocket;
import java.util.Map;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Testing a JDBC connection: a summary when it works, the exact reason when it does not.
 */
class JdbcConnectionFailureTests {

    private static CrmDatabase crm;

    private final JdbcConnectorProvider provider = new JdbcConnectorProvider();

    @BeforeAll
    static void createDatabase() throws Exception {
        crm = new CrmDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        crm.close();
    }

    @Test
    void testingAWorkingConnectionSummarisesProductSchemaAndObjects() {
        JdbcConnectionReport report = this.provider.test(crm.settings());
        assertThat(report.product()).isEqualTo("PostgreSQL");
        assertThat(report.version()).startsWith("17");
        assertThat(report.tables()).isEqualTo(5);
        assertThat(report.views()).isEqualTo(1);
        assertThat(report.summary()).startsWith("PostgreSQL 17").endsWith("schema public: 5 tables and 1 view");
    }

    @Test
    void unreachablePortIsNamedWithItsHost() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + port + "/crm";
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> this.provider.open(settings(url, "postgres", "s3cret-pw")))
            .withMessageStartingWith("Cannot reach localhost:" + port)
            .withMessageNotContaining("s3cret-pw");
    }

    @Test
    void unknownHostIsNamed() {
        assertThatExceptionOfType(ConnectorException.class).isThrownBy(
                () -> this.provider.open(settings("jdbc:postgresql://no-such-host.invalid:5432/crm", "postgres", null)))
            .withMessageContaining("no-such-host.invalid:5432")
            .withMessageContaining("unknown");
    }

    @Test
    void missingDatabaseIsNamed() {
        String url = "jdbc:postgresql://localhost:" + crm.port() + "/no_such_crm";
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> this.provider.open(settings(url, "postgres", "s3cret-pw")))
            .withMessage("The database 'no_such_crm' does not exist on localhost:" + crm.port());
    }

    @Test
    void unknownUserIsAnAuthenticationFailureNamingTheUser() {
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> this.provider.open(settings(crm.url(), "mallory", "s3cret-pw")))
            .withMessageStartingWith("Authentication failed for user 'mallory' on localhost:" + crm.port())
            .withMessageNotContaining("s3cret-pw");
    }

    @Test
    void missingSchemaIsNamed() {
        ConnectionSettings settings = CrmDatabase
            .settings(Map.of("url", crm.url(), "username", "postgres", "schema", "sales"), Map.of());
        assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.provider.test(settings))
            .withMessage(
                    "The schema 'sales' was not found in PostgreSQL at localhost:" + crm.port() + "/" + crm.database());
    }

    @Test
    void h2UrlsAreRefusedBeforeAnythingIsOpened() {
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> this.provider.open(settings("jdbc:h2:file:/tmp/switchyard", "sa", null)))
            .withMessageContaining("'jdbc:h2' URLs are not supported");
    }

    @Test
    void otherConnectionTypesAreRefused() {
        assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.provider
            .open(new ConnectionSettings(ConnectorType.CSV, null, Map.of("url", crm.url()), null, null)));
    }

    private static ConnectionSettings settings(String url, String username, String password) {
        return new ConnectionSettings(ConnectorType.JDBC, null, Map.of("url", url, "username", username), password,
                Map.of());
    }

}
