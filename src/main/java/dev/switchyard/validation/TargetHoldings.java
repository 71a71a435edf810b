package dev.switchyard.validation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import dev.switchyard.connector.TargetConnector;
import dev.switchyard.run.Run;
import dev.switchyard.run.RunPlan;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the target holds of one object mapping beyond the records a run loaded: the rows
 * earlier runs loaded into the environment (its cross-reference) whose records this run
 * did not load — excluded or archived by its scope or the mapping's filter, quarantined,
 * deleted in the source — read back by target id, a chunk at a time. A row whose record
 * the run leaves out and that is not marked inactive is <em>out of scope</em>: a finding
 * naming it, kept on purpose when the run's ledger says it kept it (delete policy
 * report), which warns, and otherwise a failure.
 */
final class TargetHoldings {

    /** The run's scope-exit outcome of a record it left in the target on purpose. */
    static final String KEPT = "LEFT_SCOPE";

    private final JdbcTemplate jdbc;

    private final TargetConnector writer;

    private final Run run;

    private final RunPlan.Step step;

    private final int findingLimit;

    long present;

    long outOfScope;

    long kept;

    final List<Validation.Finding> findings = new ArrayList<>();

    TargetHoldings(JdbcTemplate jdbc, TargetConnector writer, Run run, RunPlan.Step step, int findingLimit) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.run = run;
        this.step = step;
        this.findingLimit = findingLimit;
    }

    /**
     * Reads the rows back, {@code chunk} rows per round trip to the target. The rows are
     * found by one query over the object mapping's cross-reference less the run's loaded
     * records (an anti-join the database runs in one pass, not a lookup per row), read
     * through a cursor in a read-only transaction, so memory stays bounded whatever their
     * number.
     * @param chunk rows per round trip
     * @return this, counted
     */
    TargetHoldings count(int chunk) {
        DataSource dataSource = this.jdbc.getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            boolean readOnly = connection.isReadOnly();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement settings = connection.createStatement()) {
                // plan for reading every row, not for the first ones of a cursor
                settings.execute("set local cursor_tuple_fraction = 1.0");
            }
            try (PreparedStatement statement = connection.prepareStatement(HELD, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(chunk);
                statement.setLong(1, this.run.id());
                statement.setLong(2, this.run.id());
                statement.setLong(3, this.run.environmentId());
                statement.setString(4, this.step.source());
                statement.setString(5, this.step.target());
                statement.setLong(6, this.run.environmentId());
                statement.setString(7, this.step.source());
                statement.setString(8, this.step.target());
                statement.setLong(9, this.run.id());
                statement.setString(10, this.step.source());
                statement.setString(11, this.step.target());
                Map<String, Held> held = new LinkedHashMap<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        held.put(rs.getString(1),
                                new Held(rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5)));
                        if (held.size() >= chunk) {
                            check(held);
                            held.clear();
                        }
                    }
                }
                check(held);
            }
            finally {
                connection.rollback();
                connection.setReadOnly(readOnly);
                connection.setAutoCommit(autoCommit);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Reading the cross-reference of " + this.step.source() + " → "
                    + this.step.target() + " failed: " + ex.getMessage(), ex);
        }
        return this;
    }

    /**
     * The cross-reference rows of an object mapping whose records the run did not load,
     * with the run's outcomes of them. Parameters: the run (twice), then the environment,
     * the source and target objects (twice), then the run, the source and target objects.
     */
    private static final String HELD = """
            select x.source_id, x.target_id, x.deactivated, l.outcome, e.outcome from xref x
            left join run_ledger l on l.run_id = ? and l.source_object = x.source_object
                and l.target_object = x.target_object and l.source_id = x.source_id and not l.scope_exit
            left join run_ledger e on e.run_id = ? and e.source_object = x.source_object
                and e.target_object = x.target_object and e.source_id = x.source_id and e.scope_exit
            where x.environment_id = ? and x.source_object = ? and x.target_object = ?
            and x.source_id in (
                select source_id from xref where environment_id = ? and source_object = ? and target_object = ?
                except
                select source_id from run_ledger where run_id = ? and source_object = ? and target_object = ?
                    and not scope_exit and outcome in ('CREATED', 'UPDATED', 'UNCHANGED'))""";

    private void check(Map<String, Held> held) {
        if (held.isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> rows = this.writer.read(this.step.target(), this.step.idColumn(),
                held.values().stream().map(Held::targetId).distinct().toList());
        held.forEach((sourceId, row) -> {
            if (!rows.containsKey(row.targetId())) {
                return;
            }
            this.present++;
            if (!row.deactivated() && ("EXCLUDED".equals(row.outcome()) || "ARCHIVED".equals(row.outcome()))) {
                this.outOfScope++;
                boolean kept = KEPT.equals(row.exit());
                if (kept) {
                    this.kept++;
                }
                if (this.findings.size() < this.findingLimit) {
                    this.findings.add(new Validation.Finding(0, FindingKind.OUT_OF_SCOPE_IN_TARGET, this.step.source(),
                            this.step.target(), sourceId, row.targetId(), null,
                            "not in the target (" + row.outcome().toLowerCase(Locale.ROOT) + " by run " + this.run.id()
                                    + ")",
                            "in the target" + ((row.exit() != null) ? " (run " + this.run.id() + ": " + row.exit()
                                    + (kept ? ", kept on purpose" : "") + ")" : ""),
                            null));
                }
            }
        });
    }

    /**
     * A cross-reference row with the run's outcomes of its record.
     *
     * @param targetId its target id
     * @param deactivated whether a run marked its target row inactive
     * @param outcome the run's outcome of its record, or null when the run did not read
     * it (deleted in the source, or not re-run)
     * @param exit what the run did about it as a record leaving the scope, or null
     */
    private record Held(String targetId, boolean deactivated, String outcome, String exit) {
    }

}
