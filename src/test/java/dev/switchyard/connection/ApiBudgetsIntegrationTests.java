package dev.switchyard.connection;

import java.time.Instant;
import java.util.Map;

import dev.switchyard.admin.AppUser;
import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.BudgetExhaustedException;
import dev.switchyard.connector.CallMeter;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.project.Project;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The API budget of a CRM connection: calls are counted by kind in the database, the
 * provider's usage is kept, and a call beyond the project's share is refused before it is
 * made, while a probe of the usage is never refused.
 */
@IntegrationTest
class ApiBudgetsIntegrationTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiBudgets budgets;

    @Autowired
    DataConnectionRepository connections;

    @Test
    void callsAreCountedAndTheProjectsShareIsKept() {
        AppUser analyst = this.fixtures.user("budget");
        Project project = this.fixtures.project(analyst.getUsername());
        DataConnection connection = new DataConnection(project.getId(), ConnectionRole.SOURCE, null,
                ConnectorType.SALESFORCE, "Salesforce at acme", Instant.now(), analyst.getUsername());
        connection.setOptions(Map.of("loginUrl", "https://acme.my.salesforce.com", "apiBudgetPercent", "10"));
        connection = this.connections.saveAndFlush(connection);

        CallMeter meter = this.budgets.meter(connection);
        // before the provider reported its limit, nothing is refused
        meter.beforeCall("describe");
        meter.afterCall("describe", new ApiUsage(10, 40));
        for (int i = 0; i < 3; i++) {
            meter.beforeCall("query");
            meter.afterCall("query", new ApiUsage(11 + i, 40));
        }
        // the project may make 10% of 40 = 4 calls a day: the fifth is refused before it
        // is made
        CallMeter again = this.budgets.meter(connection);
        assertThatExceptionOfType(BudgetExhaustedException.class).isThrownBy(() -> again.beforeCall("query"))
            .withMessageContaining("4 calls today of the 4 it may make (10% of the daily limit of 40)")
            .satisfies((ex) -> {
                assertThat(ex.providerLimit()).isFalse();
                assertThat(ex.retryAt()).isAfter(Instant.now());
            });
        // the probe that finds out whether the budget is back is never refused
        assertThatNoException().isThrownBy(() -> again.beforeCall("limits"));
        again.afterCall("limits", new ApiUsage(40, 40));

        ApiBudgets.Budget budget = this.budgets.budget(connection);
        assertThat(budget.callsByKind()).containsEntry("describe", 1L)
            .containsEntry("query", 3L)
            .containsEntry("limits", 1L);
        assertThat(budget.callsToday()).isEqualTo(5);
        assertThat(budget.share()).isEqualTo(4);
        assertThat(budget.left()).isZero();
        assertThat(budget.provider().usage()).isEqualTo(new ApiUsage(40, 40));
    }

    @Test
    void theProvidersOwnLimitRefusesAsTheProviders() {
        AppUser analyst = this.fixtures.user("budget");
        Project project = this.fixtures.project(analyst.getUsername());
        DataConnection connection = new DataConnection(project.getId(), ConnectionRole.SOURCE, null,
                ConnectorType.HUBSPOT, "HubSpot at api.hubapi.com", Instant.now(), analyst.getUsername());
        connection.setOptions(Map.of("baseUrl", "https://api.hubapi.com", "apiBudgetPercent", "100"));
        connection = this.connections.saveAndFlush(connection);
        CallMeter meter = this.budgets.meter(connection);
        meter.beforeCall("list");
        meter.afterCall("list", new ApiUsage(250_000, 250_000));
        assertThatExceptionOfType(BudgetExhaustedException.class).isThrownBy(() -> meter.beforeCall("list"))
            .withMessageContaining("daily API limit is used up (250000 of 250000 calls)")
            .satisfies((ex) -> assertThat(ex.providerLimit()).isTrue());
    }

}
