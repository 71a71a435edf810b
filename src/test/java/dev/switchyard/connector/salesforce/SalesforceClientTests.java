package dev.switchyard.connector.salesforce;

import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.BudgetExhaustedException;
import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.RecordingSink;
import dev.switchyard.connector.TargetUnavailableException;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;
import dev.switchyard.support.salesforce.MashmatrixOrg;
import dev.switchyard.support.salesforce.SalesforceStubOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SalesforceClientTests {

    private SalesforceStubOrg org;

    @BeforeEach
    void seed() {
        this.org = SalesforceStubOrg.start();
        MashmatrixOrg.seed(this.org);
    }

    @AfterEach
    void stop() {
        this.org.close();
    }

    @Test
    void renewsAnExpiredSessionOnceAndRepeatsTheCallMidWork() {
        try (SalesforceTargetConnector target = SalesforceTesting.target(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            target.write("Account", "Legacy_Id__c", SalesforceTargetConnectorTests.accounts(0, 2), WriteMode.UPSERT);
            assertThat(this.org.logins()).isEqualTo(1);
            this.org.expireSessions();
            List<WriteResult> results = target.write("Account", "Legacy_Id__c",
                    SalesforceTargetConnectorTests.accounts(2, 2), WriteMode.UPSERT);
            assertThat(results).allMatch(WriteResult::written);
            assertThat(this.org.logins()).isEqualTo(2);
            assertThat(this.org.records("Account")).hasSize(83 + 4);
        }
    }

    @Test
    void retriesTooManyRequestsHonouringRetryAfterAndCountsTheRetries() {
        try (SalesforceSourceConnector source = SalesforceTesting.source(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            source.probeUsage();
            this.org.failNext(2, 429, 1);
            long start = System.nanoTime();
            RecordingSink sink = new RecordingSink();
            source.extract("Account", ExtractWindow.full(), sink);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(sink.records()).hasSize(83);
            assertThat(source.client().retries()).isEqualTo(2);
            assertThat(took).as("waited as Retry-After asked, not the 10 ms backoff")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void givesUpAfterTheBoundedRetriesAsTargetUnavailableOrAsASourceFailure() {
        try (SalesforceTargetConnector target = SalesforceTesting.target(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            target.probeUsage();
            this.org.failNext(4, 503, -1);
            assertThatExceptionOfType(TargetUnavailableException.class).isThrownBy(() -> target.count("Account"))
                .withMessageContaining("after 3 retries")
                .withMessageContaining("503");
            assertThat(target.client().retries()).isEqualTo(3);
        }
        try (SalesforceSourceConnector source = SalesforceTesting.source(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            source.probeUsage();
            this.org.failNext(4, 503, -1);
            assertThatExceptionOfType(ConnectorException.class)
                .isThrownBy(() -> source.extract("Account", ExtractWindow.full(), new RecordingSink()))
                .isNotInstanceOf(TargetUnavailableException.class);
        }
    }

    @Test
    void requestLimitExceededIsABudgetExhaustionWithTheOrgsUsage() {
        RecordingMeter meter = new RecordingMeter();
        try (SalesforceTargetConnector target = SalesforceTesting.target(this.org, SalesforceTesting.properties(),
                meter)) {
            this.org.budget(0, 5_000);
            assertThat(target.probeUsage()).isEqualTo(new ApiUsage(1, 5_000));
            this.org.exhaustBudget();
            assertThatExceptionOfType(BudgetExhaustedException.class)
                .isThrownBy(() -> target.write("Account", "Legacy_Id__c", SalesforceTargetConnectorTests.accounts(0, 1),
                        WriteMode.UPSERT))
                .satisfies((ex) -> assertThat(ex.providerLimit()).isTrue())
                .withMessageContaining("daily API limit")
                .withMessageContaining("5000 of 5000 calls");
            assertThat(meter.usage).isEqualTo(new ApiUsage(5_000, 5_000));
            this.org.resetBudget();
            assertThat(target.write("Account", "Legacy_Id__c", SalesforceTargetConnectorTests.accounts(0, 1),
                    WriteMode.UPSERT))
                .allMatch(WriteResult::written);
        }
    }

    @Test
    void tellsTheMeterOfEveryCallAndTheUsageEachAnswerReports() {
        RecordingMeter meter = new RecordingMeter();
        try (SalesforceSourceConnector source = SalesforceTesting.source(this.org, SalesforceTesting.properties(),
                meter)) {
            source.describe();
            source.extract("Contact", ExtractWindow.full(), new RecordingSink());
            assertThat(meter.before).hasSize(this.org.calls().size()).isEqualTo(meter.after);
            assertThat(meter.before).contains("describe", "tooling", "query");
            assertThat(meter.usage).isEqualTo(this.org.usage());
        }
    }

    @Test
    void logsInByJwtBearerWithThePrivateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        this.org.jwtUser("integration@example.org", keys.getPublic());
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> options = new HashMap<>(this.org.options());
        options.put("authFlow", "jwt-bearer");
        options.put("username", "integration@example.org");
        open(options, pem, (source) -> assertThat(source.describe().objects()).hasSize(3));
        KeyPair other = generator.generateKeyPair();
        String wrong = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(other.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> open(options, wrong, SalesforceSourceConnector::describe))
            .withMessageContaining("invalid_grant");
    }

    @Test
    void anUnreachableOrgIsTargetUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> options = new HashMap<>(this.org.options());
        options.put("loginUrl", "http://127.0.0.1:" + port);
        ConnectionSettings settings = new ConnectionSettings(ConnectorType.SALESFORCE, null, options, "s", Map.of());
        try (SalesforceTargetConnector target = new SalesforceConnectorProvider(SalesforceTesting.properties())
            .openTarget(settings)) {
            assertThatExceptionOfType(TargetUnavailableException.class).isThrownBy(() -> target.count("Account"))
                .withMessageContaining("cannot be reached");
        }
    }

    @Test
    void refusesPlainHttpOutsideLoopbackAndNamesMissingSettings() {
        Map<String, String> options = new HashMap<>(this.org.options());
        options.put("loginUrl", "http://login.salesforce.com");
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> SalesforceSettings
                .of(new ConnectionSettings(ConnectorType.SALESFORCE, null, options, "s", Map.of())))
            .withMessageContaining("must be an https URL");
        options.put("loginUrl", "https://acme.my.salesforce.com");
        options.put("authFlow", "jwt-bearer");
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> SalesforceSettings
                .of(new ConnectionSettings(ConnectorType.SALESFORCE, null, options, "s", Map.of())))
            .withMessageContaining("username");
    }

    private static void open(Map<String, String> options, String secret,
            java.util.function.Consumer<SalesforceSourceConnector> work) {
        try (SalesforceSourceConnector source = new SalesforceConnectorProvider(SalesforceTesting.properties())
            .open(new ConnectionSettings(ConnectorType.SALESFORCE, null, options, secret, Map.of()))) {
            work.accept(source);
        }
    }

}
