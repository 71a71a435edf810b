package dev.switchyard.connector.hubspot;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.BudgetExhaustedException;
import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.TargetUnavailableException;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;
import dev.switchyard.support.hubspot.HubSpotStubPortal;
import dev.switchyard.support.hubspot.PortalProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSpotClientTests {

    private final HubSpotStubPortal portal = new HubSpotStubPortal();

    @AfterEach
    void stopPortal() {
        this.portal.close();
    }

    @Test
    void keepsWithinTheRollingWindowSoThatNoAvoidable429Happens() {
        this.portal.window(5, 1000);
        for (int i = 0; i < 30; i++) {
            this.portal.seed("companies", Map.of("name", "Company " + i));
        }
        try (HubSpotSourceConnector source = Portals.source(this.portal,
                Portals.properties(Map.of("companies", List.of()), 200, 10_000, 4), new Portals.CountingMeter())) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 11; i++) {
                source.listIds("companies", ids::add);
            }
            assertThat(ids).hasSize(11 * 30);
        }
        assertThat(this.portal.windowRefusals()).isZero();
    }

    @Test
    void retriesA429ForTheRollingWindowAfterTheWindow() {
        this.portal.window(100, 300);
        this.portal.seed("companies", Map.of("name", "Acme"));
        this.portal.injectBurst429(2);
        Portals.CountingMeter meter = new Portals.CountingMeter();
        try (HubSpotSourceConnector source = Portals.source(this.portal, HubSpotProperties.defaults(), meter)) {
            long started = System.nanoTime();
            List<String> ids = new java.util.ArrayList<>();
            source.listIds("companies", ids::add);

            assertThat(ids).hasSize(1);
            assertThat(this.portal.windowRefusals()).isEqualTo(2);
            assertThat(meter.calls()).isEqualTo(3);
            assertThat(meter.answers).isEqualTo(3);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(2 * 300);
        }
    }

    @Test
    void givesUpOnTheWindowAfterTheBoundedRetriesAsUnavailable() {
        this.portal.window(100, 50);
        this.portal.injectBurst429(10);
        try (HubSpotSourceConnector source = Portals.source(this.portal, HubSpotProperties.defaults(),
                new Portals.CountingMeter())) {
            assertThatThrownBy(() -> source.listIds("companies", (id) -> {
            })).isInstanceOf(TargetUnavailableException.class)
                .isNotInstanceOf(BudgetExhaustedException.class)
                .hasMessageContaining("after 5 attempts")
                .hasMessageContaining("TEN_SECONDLY_ROLLING");
        }
        assertThat(this.portal.windowRefusals()).isEqualTo(5);
    }

    @Test
    void turnsADaily429IntoAnExhaustedBudgetAndProbesItBack() {
        this.portal.daily(1_000, 990);
        this.portal.exhaustDaily();
        Portals.CountingMeter meter = new Portals.CountingMeter();
        try (HubSpotTargetConnector target = Portals.target(this.portal, meter)) {
            assertThatThrownBy(() -> target.write("companies", "legacy_id",
                    List.of(new TargetRecord("001", Map.of("legacy_id", "001", "name", "Acme"))), WriteMode.UPSERT))
                .isInstanceOfSatisfying(BudgetExhaustedException.class, (ex) -> assertThat(ex.providerLimit()).isTrue())
                .hasMessageContaining("daily");
            assertThat(meter.calls()).isEqualTo(1);
            assertThat(meter.last).isEqualTo(new ApiUsage(1_000, 1_000));
            assertThatThrownBy(target::probeUsage).isInstanceOf(BudgetExhaustedException.class);

            this.portal.resetDaily();
            assertThat(target.probeUsage()).isEqualTo(new ApiUsage(1, 1_000));
            assertThat(target
                .write("companies", "legacy_id", List.of(new TargetRecord("001", Map.of("legacy_id", "001"))),
                        WriteMode.UPSERT)
                .get(0)
                .outcome()).isEqualTo(WriteResult.Outcome.CREATED);
        }
    }

    @Test
    void retriesServerErrorsAndRespectsTheSearchLimit() {
        this.portal.searchLimit(2);
        for (int i = 0; i < 5; i++) {
            this.portal.seed("deals", Map.of("dealname", "Deal " + i, "dealstage", "closedwon"));
        }
        this.portal.injectServerErrors(2);
        try (HubSpotTargetConnector target = new HubSpotConnectorProvider(Portals.properties(Map.of(), 200, 10_000, 2))
            .openTarget(Portals.settings(this.portal, new Portals.CountingMeter()))) {
            for (int i = 0; i < 3; i++) {
                assertThat(target.count("deals")).isEqualTo(5);
            }
        }
        assertThat(this.portal.windowRefusals()).isZero();
    }

    @Test
    void isolatesTheRecordsOfABatchRefusedAsAWholeByHalving() {
        this.portal.addProperty("companies",
                new PortalProperty("region", "enumeration", "select", List.of("EMEA"), false, false, false));
        List<TargetRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            records.add(new TargetRecord("s" + i, Map.of("legacy_id", "s" + i, "name", "Company " + i)));
        }
        records.set(5, new TargetRecord("s5", Map.of("legacy_id", "s5", "name", "Company 5", "nickname", "x")));
        try (HubSpotTargetConnector target = Portals.target(this.portal, new Portals.CountingMeter())) {
            List<WriteResult> results = target.write("companies", "legacy_id", records, WriteMode.UPSERT);

            assertThat(results).extracting(WriteResult::outcome)
                .containsExactly(WriteResult.Outcome.CREATED, WriteResult.Outcome.CREATED, WriteResult.Outcome.CREATED,
                        WriteResult.Outcome.CREATED, WriteResult.Outcome.CREATED, WriteResult.Outcome.REJECTED,
                        WriteResult.Outcome.CREATED, WriteResult.Outcome.CREATED);
            assertThat(results.get(5).message()).contains("Property \"nickname\" does not exist");
        }
    }

    @Test
    void namesARefusedTokenAndAnUnreachablePortal() throws Exception {
        ConnectionSettings wrongToken = new ConnectionSettings(ConnectorType.HUBSPOT, null,
                Map.of("baseUrl", this.portal.baseUrl()), "pat-wrong", Map.of());
        try (HubSpotSourceConnector source = new HubSpotConnectorProvider(HubSpotProperties.defaults())
            .open(wrongToken)) {
            assertThatThrownBy(source::describe).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("refused the access token")
                .hasMessageContaining("INVALID_AUTHENTICATION");
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionSettings nowhere = new ConnectionSettings(ConnectorType.HUBSPOT, null,
                Map.of("baseUrl", "http://127.0.0.1:" + closedPort), HubSpotStubPortal.TOKEN, Map.of());
        try (HubSpotSourceConnector source = new HubSpotConnectorProvider(Portals.properties(null, 200, 10_000, 4))
            .open(nowhere)) {
            assertThatThrownBy(() -> Portals.extract(source, "contacts", ExtractWindow.full()))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageContaining("cannot be reached");
        }
    }

    @Test
    void refusesAPlainHttpAddressThatIsNotLoopback() {
        ConnectionSettings settings = new ConnectionSettings(ConnectorType.HUBSPOT, null,
                Map.of("baseUrl", "http://api.hubapi.com"), "pat", Map.of());
        assertThatThrownBy(() -> HubSpotSettings.of(settings)).isInstanceOf(ConnectorException.class)
            .hasMessageContaining("must use https");
        assertThat(HubSpotSettings.of(new ConnectionSettings(ConnectorType.HUBSPOT, null, Map.of(), "pat", Map.of()))
            .baseUrl()).isEqualTo("https://api.hubapi.com");
        assertThatThrownBy(
                () -> HubSpotSettings.of(new ConnectionSettings(ConnectorType.HUBSPOT, null, Map.of(), " ", Map.of())))
            .hasMessageContaining("access token");
    }

}
