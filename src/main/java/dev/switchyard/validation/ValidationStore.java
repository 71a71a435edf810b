package dev.switchyard.validation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.run.Run;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Validations, their results and findings in the workbench's database.
 */
@Component
class ValidationStore {

    /** Pass and warn rates when a project sets none. */
    static final Threshold DEFAULT_THRESHOLD = new Threshold(BigDecimal.valueOf(100), BigDecimal.valueOf(99));

    private static final String SELECT = """
            select v.*, e.name as environment_name from validation v join environment e on e.id = v.environment_id
            """;

    private final JdbcTemplate jdbc;

    private final ValidationProperties properties;

    ValidationStore(JdbcTemplate jdbc, ValidationProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    long insert(long runId, long projectId, long environmentId, String mode, Integer sampleSize, Long seed,
            String strata, String user) {
        Long id = this.jdbc.queryForObject("""
                insert into validation (run_id, project_id, environment_id, mode, sample_size, seed, strata, status,
                                        requested_by)
                values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?) returning id""", Long.class, runId, projectId, environmentId,
                mode, sampleSize, seed, strata, user);
        return id;
    }

    Optional<Validation> find(long id) {
        List<Validation> found = this.jdbc.query(SELECT + " where v.id = ?", (rs, i) -> shallow(rs), id);
        return found.stream().findFirst().map(this::complete);
    }

    /**
     * @return the run's latest validation that ended (completed or could not verify)
     */
    Optional<Validation> latestFinished(long runId) {
        List<Validation> found = this.jdbc
            .query(SELECT + " where v.run_id = ? and v.status in ('COMPLETED', 'COULD_NOT_VERIFY') order by v.id desc"
                    + " limit 1", (rs, i) -> shallow(rs), runId);
        return found.stream().findFirst().map(this::complete);
    }

    /**
     * @return the run's validations, newest first, without their results
     */
    List<Validation> ofRun(long runId) {
        return this.jdbc.query(SELECT + " where v.run_id = ? order by v.id desc", (rs, i) -> shallow(rs), runId);
    }

    /**
     * @return the latest validations of the project in an environment, newest first, with
     * their results
     */
    List<Validation> ofEnvironment(long projectId, long environmentId, int limit) {
        return this.jdbc
            .query(SELECT + " where v.project_id = ? and v.environment_id = ? order by v.id desc limit ?",
                    (rs, i) -> shallow(rs), projectId, environmentId, limit)
            .stream()
            .map(this::complete)
            .toList();
    }

    /**
     * @return the environment of the project's latest validation
     */
    Optional<Long> latestEnvironment(long projectId) {
        return this.jdbc
            .queryForList("select environment_id from validation where project_id = ? order by id desc limit 1",
                    Long.class, projectId)
            .stream()
            .findFirst();
    }

    /**
     * @return the latest signed-off validation of a run in the environment, if any, even
     * when a newer validation of its run superseded it
     */
    Optional<Validation> latestSignedOff(long projectId, long environmentId) {
        return this.jdbc
            .query(SELECT + " where v.project_id = ? and v.environment_id = ? and v.decision = 'SIGNED_OFF'"
                    + " order by v.decided_at desc limit 1", (rs, i) -> shallow(rs), projectId, environmentId)
            .stream()
            .findFirst();
    }

    /** A validation no newer validation of the same run superseded. */
    private static final String LATEST_OF_RUN = " not exists (select 1 from validation n where n.run_id = v.run_id"
            + " and n.id > v.id)";

    /**
     * @return the signed-off validations in the environment that are the latest of their
     * run, most recently decided first (at most 50)
     */
    List<Validation> currentSignOffs(long projectId, long environmentId) {
        return this.jdbc.query(
                SELECT + " where v.project_id = ? and v.environment_id = ? and v.decision = 'SIGNED_OFF'" + " and"
                        + LATEST_OF_RUN + " order by v.decided_at desc limit 50",
                (rs, i) -> shallow(rs), projectId, environmentId);
    }

    /**
     * @return the run's latest validation (the one that may be decided), with its results
     */
    Optional<Validation> latestOfRun(long runId) {
        return this.jdbc.query(SELECT + " where v.run_id = ? order by v.id desc limit 1", (rs, i) -> shallow(rs), runId)
            .stream()
            .findFirst()
            .map(this::complete);
    }

    /**
     * @param projectId a project
     * @return the latest validation of each of its runs, newest first, without results
     */
    List<Validation> latestPerRun(long projectId) {
        return this.jdbc.query(SELECT + " where v.project_id = ? and" + LATEST_OF_RUN + " order by v.id desc",
                (rs, i) -> shallow(rs), projectId);
    }

    /**
     * Refreshes the planner's statistics of the ledger and the cross-reference, which the
     * run just wrote: with statistics from before the run, PostgreSQL planned the
     * reconciliation and the reference lookups as scans of whole objects per record.
     */
    void analyzeRunTables() {
        this.jdbc.execute("analyze run_ledger, xref");
    }

    void started(long id, long total) {
        this.jdbc.update("update validation set status = 'RUNNING', started_at = now(), total = ? where id = ?", total,
                id);
    }

    void progress(long id, long processed) {
        this.jdbc.update("update validation set processed = ? where id = ?", processed, id);
    }

    void finished(long id, ValidationStatus status, String message, long checked, long broken, long unresolved) {
        this.jdbc.update("""
                update validation set status = ?, finished_at = now(), message = ?, relationships_checked = ?,
                relationships_broken = ?, relationships_unresolved = ?, verdict = ? where id = ?""", status.name(),
                cut(message), checked, broken, unresolved, null, id);
        find(id).map(Validation::verdict)
            .ifPresent((verdict) -> this.jdbc.update("update validation set verdict = ? where id = ?", verdict.name(),
                    id));
    }

    /**
     * Marks validations a stopped instance left unfinished as failed: they are cheap to
     * start again and a half-read result must not pass for a whole one.
     * @return how many
     */
    int failUnfinished() {
        return this.jdbc.update("""
                update validation set status = 'FAILED', finished_at = now(),
                message = 'Stopped by a restart of the application before it finished: start a new validation'
                where status in ('QUEUED', 'RUNNING')""");
    }

    void object(long id, Validation.ObjectResult o) {
        this.jdbc.update("""
                insert into validation_object (validation_id, position, source_object, target_object, extracted,
                    in_scope, created, updated, unchanged, quarantined, excluded, archived, without_outcome, in_target,
                    missing, compared, balanced, reason, out_of_scope, out_of_scope_kept)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, o.position(), o.source(),
                o.target(), o.extracted(), o.inScope(), o.created(), o.updated(), o.unchanged(), o.quarantined(),
                o.excluded(), o.archived(), o.withoutOutcome(), o.inTarget(), o.missing(), o.compared(), o.balanced(),
                cut(o.reason()), o.outOfScope(), o.outOfScopeKept());
    }

    void fields(long id, List<Validation.FieldResult> fields) {
        this.jdbc.batchUpdate("""
                insert into validation_field (validation_id, source_object, target_object, field, source_field,
                    reference, compared, matched, raw_matched, by_design, status, unresolved)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", fields, 500, (ps, f) -> {
            ps.setLong(1, id);
            ps.setString(2, f.source());
            ps.setString(3, f.target());
            ps.setString(4, f.field());
            ps.setString(5, f.sourceField());
            ps.setBoolean(6, f.reference());
            ps.setLong(7, f.compared());
            ps.setLong(8, f.matched());
            ps.setLong(9, f.rawMatched());
            ps.setLong(10, f.byDesign());
            ps.setString(11, f.status().name());
            ps.setLong(12, f.unresolved());
        });
    }

    void checks(long id, List<Validation.CheckResult> checks) {
        this.jdbc.batchUpdate("""
                insert into validation_check (validation_id, source_object, target_object, kind, checked, failed)
                values (?, ?, ?, ?, ?, ?)""", checks, 500, (ps, c) -> {
            ps.setLong(1, id);
            ps.setString(2, c.source());
            ps.setString(3, c.target());
            ps.setString(4, c.kind().name());
            ps.setLong(5, c.checked());
            ps.setLong(6, c.failed());
        });
    }

    void findings(long id, List<Validation.Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        this.jdbc.batchUpdate("""
                insert into validation_finding (validation_id, kind, source_object, target_object, source_id,
                    target_id, field, expected, actual, source_value)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", findings, 1000, (ps, f) -> {
            ps.setLong(1, id);
            ps.setString(2, f.kind().name());
            ps.setString(3, f.source());
            ps.setString(4, f.target());
            ps.setString(5, f.sourceId());
            ps.setString(6, f.targetId());
            ps.setString(7, f.field());
            ps.setString(8, f.expected());
            ps.setString(9, f.actual());
            ps.setString(10, f.sourceValue());
        });
    }

    /**
     * Records, as findings, the source records of an object that the run's ledger has no
     * outcome for (at most {@code limit}). The records a run must account for are the
     * snapshot's; for a re-run of quarantined records, those its original run quarantined
     * that no other run has loaded since. Set differences are {@code except}s: a hash or
     * sort set operation whatever the statistics say, where a {@code not exists} was
     * planned as a nested loop over both (quadratic) when the ledger's statistics
     * predated the run.
     * @return how many there are
     */
    long withoutOutcome(long id, Run run, String source, String target, int limit) {
        String candidates;
        List<Object> params = new ArrayList<>();
        if (run.rerunOf() != null) {
            candidates = """
                    select source_id from run_ledger where run_id = ? and source_object = ? and target_object = ?
                    and outcome = 'QUARANTINED'
                    except
                    select source_id from xref where environment_id = ? and source_object = ? and target_object = ?
                    and run_id <> ?
                    """;
            params.addAll(List.of(run.rerunOf(), source, target, run.environmentId(), source, target, run.id()));
        }
        else {
            candidates = """
                    select source_id from staged_record where snapshot_id = ? and object = ? and not deleted
                    """;
            params.addAll(List.of(run.snapshotId(), source));
        }
        String missing = candidates + """
                except
                select source_id from run_ledger where run_id = ? and source_object = ? and target_object = ?""";
        params.addAll(List.of(run.id(), source, target));
        Long count = this.jdbc.queryForObject("select count(*) from (" + missing + ") m", Long.class, params.toArray());
        if (count != null && count > 0) {
            List<Object> insert = new ArrayList<>(List.of(id, source, target));
            insert.addAll(params);
            insert.add(limit);
            this.jdbc.update("insert into validation_finding (validation_id, kind, source_object, target_object, "
                    + "source_id) select ?, 'NO_OUTCOME', ?, ?, m.source_id from (" + missing
                    + ") m order by m.source_id limit ?", insert.toArray());
        }
        return (count != null) ? count : 0;
    }

    /**
     * @return the findings of a kind (any when null), of a target object and field (any
     * when null), a page at a time
     */
    List<Validation.Finding> findings(long id, FindingKind kind, String target, String field, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = findingFilter(id, kind, target, field, params);
        params.add(limit);
        params.add(offset);
        return this.jdbc.query("select * from validation_finding where " + where + " order by id limit ? offset ?",
                (rs, i) -> finding(rs), params.toArray());
    }

    /**
     * @return the findings changed by design (or, when false, every other finding) after
     * a finding id, in id order, at most {@code limit}: a page of a report that walks
     * them all
     */
    List<Validation.Finding> findingsAfter(long id, boolean byDesign, long afterId, int limit) {
        return this.jdbc.query(
                "select * from validation_finding where validation_id = ? and "
                        + (byDesign ? "kind = 'BY_DESIGN'" : "kind <> 'BY_DESIGN'") + " and id > ? order by id limit ?",
                (rs, i) -> finding(rs), id, afterId, limit);
    }

    long findingCount(long id, FindingKind kind, String target, String field) {
        List<Object> params = new ArrayList<>();
        String where = findingFilter(id, kind, target, field, params);
        Long count = this.jdbc.queryForObject("select count(*) from validation_finding where " + where, Long.class,
                params.toArray());
        return (count != null) ? count : 0;
    }

    /**
     * @return the number of findings of each kind
     */
    Map<FindingKind, Long> findingCounts(long id) {
        Map<FindingKind, Long> counts = new HashMap<>();
        this.jdbc.query("select kind, count(*) from validation_finding where validation_id = ? group by kind", (rs) -> {
            counts.put(FindingKind.valueOf(rs.getString(1)), rs.getLong(2));
        }, id);
        return counts;
    }

    private static String findingFilter(long id, FindingKind kind, String target, String field, List<Object> params) {
        StringBuilder where = new StringBuilder("validation_id = ?");
        params.add(id);
        if (kind != null) {
            where.append(" and kind = ?");
            params.add(kind.name());
        }
        if (target != null && !target.isBlank()) {
            where.append(" and target_object = ?");
            params.add(target);
        }
        if (field != null && !field.isBlank()) {
            where.append(" and field = ?");
            params.add(field);
        }
        return where.toString();
    }

    /**
     * Records a tester's decision, once.
     * @return whether it was recorded (false when another decision came first)
     */
    /**
     * Records a decision once, and only on the latest validation of its run.
     * @return whether it was recorded
     */
    boolean decide(long id, String decision, String user, String comment) {
        return this.jdbc.update("""
                update validation v set decision = ?, decided_by = ?, decided_at = now(), decision_comment = ?
                where v.id = ? and v.decision is null and""" + LATEST_OF_RUN, decision, user, cut(comment), id) == 1;
    }

    /**
     * @return the project's thresholds by target object and field ({@code *} for the
     * object's default)
     */
    Map<String, Threshold> thresholds(long projectId) {
        Map<String, Threshold> thresholds = new HashMap<>();
        this.jdbc.query(
                "select target_object, field, pass_rate, warn_rate from validation_threshold" + " where project_id = ?",
                (rs) -> {
                    thresholds.put(key(rs.getString(1), rs.getString(2)),
                            new Threshold(rs.getBigDecimal(3), rs.getBigDecimal(4)));
                }, projectId);
        return thresholds;
    }

    void threshold(long projectId, String target, String field, Threshold threshold) {
        this.jdbc.update("""
                insert into validation_threshold (project_id, target_object, field, pass_rate, warn_rate)
                values (?, ?, ?, ?, ?)
                on conflict (project_id, target_object, field) do update set pass_rate = excluded.pass_rate,
                warn_rate = excluded.warn_rate""", projectId, target, field, threshold.pass(), threshold.warn());
    }

    void removeThreshold(long projectId, String target, String field) {
        this.jdbc.update("delete from validation_threshold where project_id = ? and target_object = ? and field = ?",
                projectId, target, field);
    }

    static String key(String target, String field) {
        return target.toLowerCase(java.util.Locale.ROOT) + "\u0000" + field.toLowerCase(java.util.Locale.ROOT);
    }

    private Validation complete(Validation shallow) {
        long id = shallow.id();
        List<Validation.ObjectResult> objects = this.jdbc.query(
                "select * from validation_object where validation_id = ? order by position",
                (rs, i) -> new Validation.ObjectResult(rs.getInt("position"), rs.getString("source_object"),
                        rs.getString("target_object"), rs.getLong("extracted"), rs.getLong("in_scope"),
                        rs.getLong("created"), rs.getLong("updated"), rs.getLong("unchanged"),
                        rs.getLong("quarantined"), rs.getLong("excluded"), rs.getLong("archived"),
                        rs.getLong("without_outcome"), (Long) rs.getObject("in_target", Long.class),
                        rs.getLong("missing"), rs.getLong("compared"),
                        (Boolean) rs.getObject("balanced", Boolean.class), rs.getString("reason"),
                        (Long) rs.getObject("out_of_scope", Long.class),
                        (Long) rs.getObject("out_of_scope_kept", Long.class), this.properties.quarantineWarnPercent()),
                id);
        List<Validation.FieldResult> fields = this.jdbc.query("""
                select f.* from validation_field f
                left join validation_object o on o.validation_id = f.validation_id and o.source_object = f.source_object
                     and o.target_object = f.target_object
                where f.validation_id = ? order by o.position, f.reference, f.field""",
                (rs, i) -> new Validation.FieldResult(rs.getString("source_object"), rs.getString("target_object"),
                        rs.getString("field"), rs.getString("source_field"), rs.getBoolean("reference"),
                        rs.getLong("compared"), rs.getLong("matched"), rs.getLong("raw_matched"),
                        rs.getLong("by_design"), Verdict.valueOf(rs.getString("status")), rs.getLong("unresolved")),
                id);
        List<Validation.CheckResult> checks = this.jdbc
            .query("""
                    select c.* from validation_check c
                    left join validation_object o on o.validation_id = c.validation_id and o.source_object = c.source_object
                         and o.target_object = c.target_object
                    where c.validation_id = ? order by o.position, c.kind""",
                    (rs, i) -> new Validation.CheckResult(rs.getString("source_object"), rs.getString("target_object"),
                            Values.Check.valueOf(rs.getString("kind")), rs.getLong("checked"), rs.getLong("failed")),
                    id);
        return new Validation(shallow.id(), shallow.runId(), shallow.projectId(), shallow.environmentId(),
                shallow.environment(), shallow.mode(), shallow.sampleSize(), shallow.seed(), shallow.strata(),
                shallow.status(), shallow.total(), shallow.processed(), shallow.relationshipsChecked(),
                shallow.relationshipsBroken(), shallow.relationshipsUnresolved(), shallow.requestedBy(),
                shallow.createdAt(), shallow.startedAt(), shallow.finishedAt(), shallow.message(), shallow.decision(),
                shallow.decidedBy(), shallow.decidedAt(), shallow.decisionComment(), objects, fields, checks);
    }

    private static Validation shallow(ResultSet rs) throws SQLException {
        return new Validation(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("project_id"),
                rs.getLong("environment_id"), rs.getString("environment_name"), rs.getString("mode"),
                (Integer) rs.getObject("sample_size", Integer.class), (Long) rs.getObject("seed", Long.class),
                rs.getString("strata"), ValidationStatus.valueOf(rs.getString("status")), rs.getLong("total"),
                rs.getLong("processed"), rs.getLong("relationships_checked"), rs.getLong("relationships_broken"),
                rs.getLong("relationships_unresolved"), rs.getString("requested_by"), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("message"),
                rs.getString("decision"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("decision_comment"), List.of(), List.of(), List.of());
    }

    private static Validation.Finding finding(ResultSet rs) throws SQLException {
        return new Validation.Finding(rs.getLong("id"), FindingKind.valueOf(rs.getString("kind")),
                rs.getString("source_object"), rs.getString("target_object"), rs.getString("source_id"),
                rs.getString("target_id"), rs.getString("field"), rs.getString("expected"), rs.getString("actual"),
                rs.getString("source_value"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

    private static String cut(String text) {
        return (text != null && text.length() > 4000) ? text.substring(0, 3999) + "…" : text;
    }

    /**
     * Match-rate thresholds of a field, in percent.
     *
     * @param pass at or above: PASS
     * @param warn at or above (and below pass): WARN; below: FAIL
     */
    record Threshold(BigDecimal pass, BigDecimal warn) {

        Verdict verdict(Double rate) {
            if (rate == null) {
                return Verdict.PASS;
            }
            BigDecimal value = BigDecimal.valueOf(rate);
            if (value.compareTo(this.pass) >= 0) {
                return Verdict.PASS;
            }
            return (value.compareTo(this.warn) >= 0) ? Verdict.WARN : Verdict.FAIL;
        }

    }

}
