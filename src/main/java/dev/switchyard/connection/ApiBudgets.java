package dev.switchyard.connection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.BudgetExhaustedException;
import dev.switchyard.connector.CallMeter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The API budget of each CRM connection: every call the workbench makes is counted per
 * connection, UTC day and kind (in its own transaction, so that a rolled-back chunk still
 * counts its calls), the provider's own usage is kept as its last answer reported it, and
 * a call is refused before it is made when the project has used its share of the daily
 * limit ({@code apiBudgetPercent}) or the provider reported no calls left. The calls that
 * only ask for the usage ({@link #PROBES}) are never refused, so that a paused run can
 * find out when the budget is back.
 */
@Component
public class ApiBudgets {

    /** Kinds of call that only ask for the usage: counted, never refused. */
    public static final Set<String> PROBES = Set.of("limits", "probe");

    private final JdbcTemplate jdbc;

    private final TransactionTemplate separate;

    private final Clock clock;

    ApiBudgets(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * @param connection a connection
     * @return the meter its connector reports its calls to; {@link CallMeter#NONE} for
     * files and databases
     */
    public CallMeter meter(DataConnection connection) {
        if (!connection.getType().isCrm() || connection.getId() == null) {
            return CallMeter.NONE;
        }
        return new Meter(connection.getId(), budgetPercent(connection));
    }

    /**
     * @param connection a CRM connection
     * @return the share of the daily limit the project may use, in percent
     */
    static int budgetPercent(DataConnection connection) {
        String value = connection.getOptions().get(CrmSettings.BUDGET_PERCENT);
        try {
            return (value != null) ? Integer.parseInt(value) : CrmSettings.DEFAULT_BUDGET_PERCENT;
        }
        catch (NumberFormatException ex) {
            return CrmSettings.DEFAULT_BUDGET_PERCENT;
        }
    }

    /**
     * What a connection has used today.
     * @param connection a connection
     * @return its budget, or null for files and databases
     */
    public Budget budget(DataConnection connection) {
        if (!connection.getType().isCrm()) {
            return null;
        }
        LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
        Map<String, Long> byKind = new LinkedHashMap<>();
        this.jdbc.query("select kind, calls from connection_api_call where connection_id = ? and day = ? order by kind",
                (rs) -> {
                    byKind.put(rs.getString(1), rs.getLong(2));
                }, connection.getId(), today);
        List<ProviderUsage> usage = this.jdbc
            .query("select used, max, read_at from connection_api_usage where connection_id = ?", (rs,
                    n) -> new ProviderUsage(new ApiUsage(rs.getLong(1), rs.getLong(2)), rs.getTimestamp(3).toInstant()),
                    connection.getId());
        return new Budget(budgetPercent(connection), byKind, usage.isEmpty() ? null : usage.get(0));
    }

    private void count(long connectionId, String kind) {
        LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
        this.separate.executeWithoutResult((status) -> this.jdbc.update("""
                insert into connection_api_call (connection_id, day, kind, calls) values (?, ?, ?, 1)
                on conflict (connection_id, day, kind) do update set calls = connection_api_call.calls + 1""",
                connectionId, today, kind));
    }

    private void usage(long connectionId, ApiUsage usage) {
        this.separate.executeWithoutResult((status) -> this.jdbc.update("""
                insert into connection_api_usage (connection_id, used, max, read_at) values (?, ?, ?, ?)
                on conflict (connection_id) do update set used = excluded.used, max = excluded.max,
                    read_at = excluded.read_at""", connectionId, usage.used(), usage.max(),
                Timestamp.from(this.clock.instant())));
    }

    private long callsToday(long connectionId) {
        Long calls = this.jdbc.queryForObject(
                "select coalesce(sum(calls), 0) from connection_api_call where connection_id = ? and day = ?",
                Long.class, connectionId, LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
        return (calls != null) ? calls : 0;
    }

    private ApiUsage lastUsage(long connectionId) {
        List<ApiUsage> usage = this.jdbc.query("select used, max from connection_api_usage where connection_id = ?",
                (rs, n) -> new ApiUsage(rs.getLong(1), rs.getLong(2)), connectionId);
        return usage.isEmpty() ? null : usage.get(0);
    }

    private Instant nextDay() {
        return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC)
            .plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    }

    /**
     * A connection's calls today and the provider's usage.
     *
     * @param percent the share of the daily limit the project may use
     * @param callsByKind the workbench's calls today (UTC) by kind
     * @param provider the provider's usage as last reported, or null before the first
     * call
     */
    public record Budget(int percent, Map<String, Long> callsByKind, ProviderUsage provider) {

        /**
         * @return the workbench's calls today
         */
        public long callsToday() {
            return this.callsByKind.values().stream().mapToLong(Long::longValue).sum();
        }

        /**
         * @return the calls the project may make today, or null while the daily limit is
         * unknown
         */
        public Long share() {
            return (this.provider != null) ? this.provider.usage().max() * this.percent / 100 : null;
        }

        /**
         * @return the calls the project may still make today: the smaller of what is left
         * of its share and what the provider has left; null while unknown
         */
        public Long left() {
            if (this.provider == null) {
                return null;
            }
            return Math.max(0, Math.min(share() - callsToday(), this.provider.usage().remaining()));
        }

    }

    /**
     * The provider's usage as reported.
     *
     * @param usage calls used and allowed in the provider's period
     * @param readAt when it was reported
     */
    public record ProviderUsage(ApiUsage usage, Instant readAt) {
    }

    /**
     * Whether a connection may make calls now, from what is known without a call.
     * @param connection a CRM connection
     * @return why not, or null when it may
     */
    public BudgetExhaustedException refusal(DataConnection connection) {
        if (!connection.getType().isCrm()) {
            return null;
        }
        return refusal(connection.getId(), budgetPercent(connection));
    }

    private BudgetExhaustedException refusal(long connectionId, int percent) {
        ApiUsage usage = lastUsage(connectionId);
        if (usage == null || usage.max() <= 0) {
            return null;
        }
        long share = usage.max() * percent / 100;
        long calls = callsToday(connectionId);
        if (calls >= share) {
            return new BudgetExhaustedException("This project used its share of the API budget: " + calls
                    + " calls today of the " + share + " it may make (" + percent + "% of the daily limit of "
                    + usage.max() + "); it goes on when the day's budget renews or the share is raised", false,
                    nextDay());
        }
        if (usage.remaining() == 0) {
            return new BudgetExhaustedException("The provider's daily API limit is used up (" + usage.used() + " of "
                    + usage.max() + " calls); work goes on when it renews or is raised", true, null);
        }
        return null;
    }

    private final class Meter implements CallMeter {

        private final long connectionId;

        private final int percent;

        Meter(long connectionId, int percent) {
            this.connectionId = connectionId;
            this.percent = percent;
        }

        @Override
        public void beforeCall(String kind) {
            if (PROBES.contains(kind)) {
                return;
            }
            BudgetExhaustedException refused = refusal(this.connectionId, this.percent);
            if (refused != null) {
                throw refused;
            }
        }

        @Override
        public void afterCall(String kind, ApiUsage usage) {
            count(this.connectionId, kind);
            if (usage != null) {
                usage(this.connectionId, usage);
            }
        }

    }

}
