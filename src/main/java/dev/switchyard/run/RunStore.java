package dev.switchyard.run;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores runs, their objects and counters, the ledger and the cross-reference, with
 * batched statements (never one ORM save per record).
 */
@Component
public class RunStore {

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    private final TransactionTemplate separate;

    RunStore(JdbcTemplate jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    long insert(long projectId, long environmentId, String mode, long snapshotId, Integer scopeVersion,
            dev.switchyard.scope.ScopeStatus scopeStatus, int mappingVersion, BigDecimal threshold,
            Integer recordsPerSecond, String requestedBy, RunPlan plan, List<Long> totals, DeletePolicy deletes,
            Long rerunOf) {
        Long id = this.jdbc.queryForObject("""
                insert into migration_run (project_id, environment_id, mode, status, snapshot_id, scope_version,
                    mapping_version, error_threshold, records_per_second, requested_by, plan, delete_policy,
                    deactivate, rerun_of, scope_status)
                values (?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?) returning id""", Long.class,
                projectId, environmentId, mode, snapshotId, scopeVersion, mappingVersion, threshold, recordsPerSecond,
                requestedBy, this.json.writeValueAsString(plan), deletes.policy().name(),
                this.json.writeValueAsString(deletes.deactivate()), rerunOf,
                (scopeStatus != null) ? scopeStatus.name() : null);
        for (int i = 0; i < plan.steps().size(); i++) {
            RunPlan.Step step = plan.steps().get(i);
            this.jdbc.update(
                    "insert into run_object (run_id, position, source_object, target_object, total) values (?, ?, ?, ?, ?)",
                    id, i, step.source(), step.target(), totals.get(i));
        }
        return id;
    }

    Optional<Run> find(long id) {
        List<Run> runs = this.jdbc.query("""
                select r.*, e.name as environment from migration_run r join environment e on e.id = r.environment_id
                where r.id = ?""", this::run, id);
        return runs.stream().findFirst();
    }

    List<Run> list(long projectId, int limit) {
        return this.jdbc.query("""
                select r.*, e.name as environment from migration_run r join environment e on e.id = r.environment_id
                where r.project_id = ? order by r.id desc limit ?""", this::run, projectId, limit);
    }

    Optional<Run> active(long environmentId) {
        return this.jdbc
            .query("""
                    select r.*, e.name as environment from migration_run r join environment e on e.id = r.environment_id
                    where r.environment_id = ? and r.status = any (?)
                    order by r.id desc limit 1""", this::run, environmentId,
                    RunStatus.ACTIVE.stream().map(Enum::name).toArray(String[]::new))
            .stream()
            .findFirst();
    }

    /**
     * @return the latest completed run of the environment before the given one
     */
    Optional<Long> previousCompleted(long environmentId, long beforeRunId) {
        return this.jdbc
            .queryForList("select id from migration_run where environment_id = ? and id < ? and status = 'COMPLETED'"
                    + " order by id desc limit 1", Long.class, environmentId, beforeRunId)
            .stream()
            .findFirst();
    }

    /**
     * @return a run's status with its counters summed over its objects, in one query
     * (read before every chunk)
     */
    Progress progress(long id) {
        return this.jdbc.queryForObject("""
                select r.status, coalesce(sum(o.processed), 0), coalesce(sum(o.quarantined), 0)
                from migration_run r left join run_object o on o.run_id = r.id where r.id = ? group by r.status""",
                (rs, i) -> new Progress(RunStatus.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3)), id);
    }

    /**
     * A run's status and counters, as read before a chunk.
     *
     * @param status its status
     * @param processed the records its objects have read
     * @param quarantined the records its objects have quarantined
     */
    record Progress(RunStatus status, long processed, long quarantined) {
    }

    RunStatus status(long id) {
        return RunStatus
            .valueOf(this.jdbc.queryForObject("select status from migration_run where id = ?", String.class, id));
    }

    void status(long id, RunStatus status, String message) {
        this.separate.executeWithoutResult((tx) -> this.jdbc.update(
                "update migration_run set status = ?, message = coalesce(?, message) where id = ?", status.name(),
                message, id));
    }

    /**
     * Moves a run from one of the given statuses to another, atomically.
     * @return whether it was in one of them
     */
    boolean transition(long id, Collection<RunStatus> from, RunStatus to, String message) {
        Boolean changed = this.separate.execute((tx) -> this.jdbc.update(
                "update migration_run set status = ?, message = ? where id = ? and status = any (?)", to.name(),
                message, id, from.stream().map(Enum::name).toArray(String[]::new)) == 1);
        return Boolean.TRUE.equals(changed);
    }

    void started(long id, String owner) {
        this.separate.executeWithoutResult((tx) -> this.jdbc.update(
                """
                        update migration_run set status = 'RUNNING', started_at = coalesce(started_at, now()), finished_at = null,
                            heartbeat_at = now(), owner = ?, message = null where id = ?""",
                owner, id));
    }

    /**
     * A run's API budget is used up: it waits, keeping its environment.
     * @param id the run
     * @param reason what was refused
     * @param nextCheck when it asks next
     */
    void waitForBudget(long id, String reason, Instant nextCheck) {
        this.separate.executeWithoutResult((tx) -> this.jdbc.update("""
                update migration_run set status = 'WAITING_FOR_BUDGET', message = ?, budget_reason = ?,
                    budget_since = now(), budget_next_check = ?, budget_checks = 0 where id = ?""",
                "Waiting for the API budget: " + reason, reason, Timestamp.from(nextCheck), id));
    }

    /**
     * @return the runs waiting for their API budget whose next check is due
     */
    List<Long> budgetChecksDue() {
        return this.jdbc.queryForList("""
                select id from migration_run where status = 'WAITING_FOR_BUDGET' and budget_next_check <= now()
                order by id""", Long.class);
    }

    /**
     * Records a check that found the budget still used up.
     * @param id the run
     * @param reason why, as the check found it
     * @param nextCheck when it asks next
     */
    void budgetChecked(long id, String reason, Instant nextCheck) {
        this.separate.executeWithoutResult((tx) -> this.jdbc.update("""
                update migration_run set budget_reason = ?, message = ?, budget_next_check = ?,
                    budget_checks = budget_checks + 1 where id = ? and status = 'WAITING_FOR_BUDGET'""", reason,
                "Waiting for the API budget: " + reason, Timestamp.from(nextCheck), id));
    }

    void finished(long id, RunStatus status, String message) {
        this.separate.executeWithoutResult((tx) -> this.jdbc.update(
                "update migration_run set status = ?, finished_at = now(), message = ? where id = ?", status.name(),
                message, id));
    }

    void heartbeat(String owner) {
        this.jdbc.update("update migration_run set heartbeat_at = now() where owner = ? and status in "
                + "('RUNNING', 'PAUSING', 'CANCELLING')", owner);
    }

    /**
     * Marks the runs of a stopped instance INTERRUPTED: those this instance owned before
     * it restarted, and those whose owner has not been heard of for the given seconds.
     * @return the runs marked
     */
    List<Long> interruptOrphans(String owner, int staleSeconds) {
        return this.jdbc.queryForList("""
                update migration_run set status = 'INTERRUPTED', message = 'The instance running it stopped ('
                    || coalesce(owner, 'unknown') || '); resume it to continue from its last committed chunk'
                where status in ('RUNNING', 'PAUSING', 'CANCELLING', 'QUEUED')
                  and (owner = ? or owner is null or heartbeat_at is null
                       or heartbeat_at < now() - make_interval(secs => ?))
                returning id""", Long.class, owner, staleSeconds);
    }

    /**
     * Marks running runs whose instance has not been heard of for the given seconds
     * INTERRUPTED (another instance stopped while running them).
     * @return the runs marked
     */
    List<Long> interruptStale(int staleSeconds) {
        return this.jdbc.queryForList(
                """
                        update migration_run set status = 'INTERRUPTED', message = 'The instance running it ('
                            || coalesce(owner, 'unknown') || ') stopped answering; resume it to continue from its last committed chunk'
                        where status in ('RUNNING', 'PAUSING', 'CANCELLING')
                          and heartbeat_at < now() - make_interval(secs => ?)
                        returning id""",
                Long.class, staleSeconds);
    }

    void objectStarted(long runId, int position) {
        this.jdbc.update("update run_object set status = 'RUNNING', started_at = coalesce(started_at, now()),"
                + " finished_at = null where run_id = ? and position = ?", runId, position);
    }

    void objectFinished(long runId, int position, String status) {
        this.jdbc.update("update run_object set status = ?, finished_at = now() where run_id = ? and position = ?",
                status, runId, position);
    }

    void count(long runId, int position, Map<Outcome, Long> counts) {
        this.jdbc.update("""
                update run_object set processed = processed + ?, created = created + ?, updated = updated + ?,
                    unchanged = unchanged + ?, quarantined = quarantined + ?, excluded = excluded + ?,
                    archived = archived + ? where run_id = ? and position = ?""",
                counts.values().stream().mapToLong(Long::longValue).sum(), counts.getOrDefault(Outcome.CREATED, 0L),
                counts.getOrDefault(Outcome.UPDATED, 0L), counts.getOrDefault(Outcome.UNCHANGED, 0L),
                counts.getOrDefault(Outcome.QUARANTINED, 0L), counts.getOrDefault(Outcome.EXCLUDED, 0L),
                counts.getOrDefault(Outcome.ARCHIVED, 0L), runId, position);
    }

    /**
     * Sets what a run found and did about the records of one object mapping deleted in
     * the source since earlier runs.
     */
    void deleted(long runId, int position, long deleted, long targetDeleted, long deactivated, long refused) {
        this.jdbc.update("""
                update run_object set deleted = ?, target_deleted = ?, deactivated = ?, delete_refused = ?
                where run_id = ? and position = ?""", deleted, targetDeleted, deactivated, refused, runId, position);
    }

    /**
     * Sets what a run found and did about the records of one object mapping leaving the
     * scope (loaded by earlier runs, excluded or archived by this one).
     */
    void leftScopeCounts(long runId, int position, long found, long targetDeleted, long deactivated, long refused) {
        this.jdbc.update("""
                update run_object set left_scope = ?, left_scope_deleted = ?, left_scope_deactivated = ?,
                    left_scope_refused = ? where run_id = ? and position = ?""", found, targetDeleted, deactivated,
                refused, runId, position);
    }

    /**
     * @return source id → target id of the records of a mapping that the run excluded or
     * archived (by its scope or the mapping's filter) and that earlier runs loaded into
     * the environment: records leaving the scope; leaving out those already marked
     * inactive when asked
     */
    Map<String, String> leftScope(long runId, long environmentId, String source, String target,
            boolean skipDeactivated) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        this.jdbc.query("""
                select l.source_id, x.target_id from run_ledger l
                join xref x on x.environment_id = ? and x.source_object = l.source_object
                    and x.target_object = l.target_object and x.source_id = l.source_id
                where l.run_id = ? and l.source_object = ? and l.target_object = ? and not l.scope_exit
                and l.outcome in ('EXCLUDED', 'ARCHIVED') and (not ? or not x.deactivated)
                order by l.source_id""", (rs) -> {
            ids.put(rs.getString(1), rs.getString(2));
        }, environmentId, runId, source, target, skipDeactivated);
        return ids;
    }

    /**
     * @return the delete policy a run applies, as it was when the run started
     */
    DeletePolicy deletePolicy(long runId) {
        return this.jdbc.queryForObject("select delete_policy, deactivate::text from migration_run where id = ?",
                (rs, i) -> new DeletePolicy(DeletePolicy.Policy.valueOf(rs.getString(1)),
                        List.of(this.json.readValue(rs.getString(2), DeletePolicy.Deactivation[].class))),
                runId);
    }

    /**
     * @return source id → target id of the records of a mapping loaded into the
     * environment that the snapshot no longer holds (deleted in the source), leaving out
     * those already marked inactive when asked
     */
    Map<String, String> deletedInSource(long environmentId, String source, String target, long snapshotId,
            boolean skipDeactivated) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        this.jdbc.query("""
                select x.source_id, x.target_id from xref x where x.environment_id = ? and x.source_object = ?
                and x.target_object = ? and (not ? or not x.deactivated)
                and not exists (select 1 from staged_record s where s.snapshot_id = ? and s.object = x.source_object
                                and s.source_id = x.source_id and not s.deleted)
                order by x.source_id""", (rs) -> {
            ids.put(rs.getString(1), rs.getString(2));
        }, environmentId, source, target, skipDeactivated, snapshotId);
        return ids;
    }

    /**
     * Removes records whose target rows were deleted from the cross-reference.
     */
    void forget(long environmentId, String source, String target, Collection<String> sourceIds) {
        this.jdbc.update("""
                delete from xref where environment_id = ? and source_object = ? and target_object = ?
                and source_id = any (?)""", environmentId, source, target, sourceIds.toArray(String[]::new));
    }

    /**
     * Marks records whose target rows were made inactive, so that later runs leave them
     * be; their content hash is cleared, so that a record back in the source is written
     * again.
     */
    void deactivated(long environmentId, String source, String target, Collection<String> sourceIds) {
        this.jdbc.update("""
                update xref set deactivated = true, content_hash = null where environment_id = ? and source_object = ?
                and target_object = ? and source_id = any (?)""", environmentId, source, target,
                sourceIds.toArray(String[]::new));
    }

    /**
     * Records a chunk's outcomes, in one statement (the chunk's columns as arrays).
     */
    void ledger(long runId, String source, String target, List<LedgerEntry> entries) {
        ledger(runId, source, target, entries, false);
    }

    /**
     * Records outcomes, in one statement (the chunk's columns as arrays).
     * @param scopeExit whether they are what the run did about records leaving the scope
     * (entries beside the records' own outcomes, outside the balance)
     */
    void ledger(long runId, String source, String target, List<LedgerEntry> entries, boolean scopeExit) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[] ids = new String[n];
        String[] outcomes = new String[n];
        String[] targetIds = new String[n];
        String[] reasons = new String[n];
        String[] fields = new String[n];
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            LedgerEntry e = entries.get(i);
            ids[i] = e.sourceId();
            outcomes[i] = e.outcome().name();
            targetIds[i] = e.targetId();
            reasons[i] = clip(e.reason(), 4000);
            fields[i] = clip(e.field(), 200);
            values[i] = e.value();
        }
        this.jdbc.update("""
                insert into run_ledger (run_id, source_object, target_object, scope_exit, source_id, outcome, target_id,
                    reason, field, value)
                select ?, ?, ?, ?, u.* from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                    ?::varchar[], ?::text[]) as u
                on conflict (run_id, source_object, target_object, source_id, scope_exit) do update set
                    outcome = excluded.outcome, target_id = excluded.target_id, reason = excluded.reason,
                    field = excluded.field, value = excluded.value""", runId, source, target, scopeExit, ids, outcomes,
                targetIds, reasons, fields, values);
    }

    void note(long runId, String source, String target, String sourceId, String note) {
        this.jdbc.update("""
                update run_ledger set reason = left(coalesce(reason || '; ', '') || ?, 4000)
                where run_id = ? and source_object = ? and target_object = ? and source_id = ? and not scope_exit""",
                note, runId, source, target, sourceId);
    }

    /**
     * Records a chunk's loaded records in the cross-reference, in one statement (the
     * chunk's columns as arrays).
     */
    void xref(long environmentId, long runId, String source, String target, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] ids = new String[n];
        String[] targetIds = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = rows.get(i)[0];
            targetIds[i] = rows.get(i)[1];
            hashes[i] = rows.get(i)[2];
        }
        this.jdbc.update("""
                insert into xref (environment_id, source_object, target_object, source_id, target_id, content_hash,
                    run_id)
                select ?, ?, ?, u.id, u.target_id, u.hash, ?
                from unnest(?::varchar[], ?::varchar[], ?::text[]) as u (id, target_id, hash)
                on conflict (environment_id, source_object, target_object, source_id) do update set
                    target_id = excluded.target_id, content_hash = excluded.content_hash, run_id = excluded.run_id,
                    deactivated = false""", environmentId, source, target, runId, ids, targetIds, hashes);
    }

    /**
     * @return the cross-reference's (source object, target object) pairs of an
     * environment whose source object is the given one, ignoring case: looked up once, so
     * that each lookup of target ids is by the cross-reference's primary key
     */
    List<String[]> xrefObjects(long environmentId, String source) {
        return this.jdbc.query("""
                select distinct source_object, target_object from xref where environment_id = ?
                and lower(source_object) = lower(?)""", (rs, i) -> new String[] { rs.getString(1), rs.getString(2) },
                environmentId, source);
    }

    /**
     * @return source id → target id of the given source records loaded into the
     * environment under the given (source object, target object) pairs (see
     * {@link #xrefObjects})
     */
    Map<String, String> targetIds(long environmentId, List<String[]> objects, Collection<String> sourceIds) {
        Map<String, String> ids = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return ids;
        }
        String[] array = sourceIds.toArray(String[]::new);
        for (String[] pair : objects) {
            // a primary-key lookup per source id: the limit keeps the planner from
            // reading all of the object's rows
            this.jdbc.query("""
                    select p.id, x.target_id from unnest(?::varchar[]) as p (id)
                    cross join lateral (select target_id from xref where environment_id = ? and source_object = ?
                        and target_object = ? and source_id = p.id limit 1) x""", (rs) -> {
                ids.put(rs.getString(1), rs.getString(2));
            }, array, environmentId, pair[0], pair[1]);
        }
        return ids;
    }

    /**
     * Refreshes the planner's statistics of the ledger and the cross-reference, which a
     * run grows from nothing: a lookup planned from statistics taken before the run can
     * scan where it should look up a key.
     */
    void analyze() {
        this.jdbc.execute("analyze run_ledger, xref");
    }

    /**
     * @return source id → what the environment's cross-reference holds for the records of
     * a mapping already loaded
     */
    Map<String, Loaded> loaded(long environmentId, String source, String target, Collection<String> ids) {
        Map<String, Loaded> loaded = new HashMap<>();
        if (ids.isEmpty()) {
            return loaded;
        }
        this.jdbc.query("""
                select source_id, target_id, content_hash from xref where environment_id = ? and source_object = ?
                and target_object = ? and source_id = any (?)""", (rs) -> {
            loaded.put(rs.getString(1), new Loaded(rs.getString(2), rs.getString(3)));
        }, environmentId, source, target, ids.toArray(String[]::new));
        return loaded;
    }

    /**
     * A record loaded before, as the cross-reference holds it.
     *
     * @param targetId its target id
     * @param hash its content hash when it was loaded
     */
    record Loaded(String targetId, String hash) {
    }

    boolean intent(long runId, int position, String afterId) {
        Boolean existed = this.separate.execute((tx) -> this.jdbc.update("""
                insert into run_chunk_intent (run_id, position, after_id) values (?, ?, ?)
                on conflict do nothing""", runId, position, afterId) == 0);
        return Boolean.TRUE.equals(existed);
    }

    /**
     * @return the cross-reference of an environment as rows (source object, source id,
     * target object, target id), streamed: close it
     */
    java.util.stream.Stream<List<?>> xrefRows(long environmentId, String object) {
        List<Object> params = new ArrayList<>(List.of(environmentId));
        String where = "";
        if (object != null && !object.isBlank()) {
            where = " and (lower(source_object) = lower(?) or lower(target_object) = lower(?))";
            params.add(object.trim());
            params.add(object.trim());
        }
        return this.jdbc.queryForStream(
                "select source_object, source_id, target_object, target_id from xref" + " where environment_id = ?"
                        + where + " order by source_object, target_object, source_id",
                (rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                params.toArray());
    }

    /**
     * @return a run's ledger as rows for export, streamed: close it
     */
    java.util.stream.Stream<List<?>> ledgerRows(long runId, Outcome outcome, String object) {
        List<Object> params = new ArrayList<>(List.of(runId));
        String where = ledgerFilter(outcome, object, params);
        return this.jdbc.queryForStream(
                "select * from run_ledger where run_id = ?" + where
                        + " order by source_object, target_object, source_id, scope_exit",
                (rs, i) -> java.util.Arrays.asList(rs.getString("source_object"), rs.getString("target_object"),
                        rs.getString("source_id"), rs.getString("outcome"), rs.getString("target_id"),
                        rs.getString("reason"), rs.getString("field"), rs.getString("value")),
                params.toArray());
    }

    private static String ledgerFilter(Outcome outcome, String object, List<Object> params) {
        String where = "";
        if (outcome != null) {
            where += " and outcome = ?";
            params.add(outcome.name());
        }
        if (object != null && !object.isBlank()) {
            where += " and (lower(source_object) = lower(?) or lower(target_object) = lower(?))";
            params.add(object.trim());
            params.add(object.trim());
        }
        return where;
    }

    Map<Outcome, Long> outcomes(long runId) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        this.jdbc.query("select outcome, count(*) from run_ledger where run_id = ? group by 1",
                (org.springframework.jdbc.core.RowCallbackHandler) (rs) -> counts.put(Outcome.valueOf(rs.getString(1)),
                        rs.getLong(2)),
                runId);
        return counts;
    }

    /**
     * @return how many of a run's quarantined records are still not in the environment's
     * cross-reference
     */
    long quarantinedWaiting(long runId, long environmentId) {
        Long count = this.jdbc.queryForObject("""
                select count(*) from run_ledger l where l.run_id = ? and l.outcome = 'QUARANTINED'
                and not exists (select 1 from xref x where x.environment_id = ? and x.source_object = l.source_object
                                and x.target_object = l.target_object and x.source_id = l.source_id)""", Long.class,
                runId, environmentId);
        return (count != null) ? count : 0;
    }

    /**
     * @return a run's quarantined records grouped by object mapping, field and reason,
     * the most frequent first
     */
    List<ReasonCount> quarantineReasons(long runId, int limit) {
        return this.jdbc.query("""
                select source_object, target_object, field, reason, count(*) from run_ledger
                where run_id = ? and outcome = 'QUARANTINED' group by 1, 2, 3, 4 order by 5 desc, 1, 2, 3, 4
                limit ?""", (rs, i) -> new ReasonCount(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getLong(5)), runId, limit);
    }

    /**
     * How many records of a run were quarantined for one reason.
     *
     * @param source the source object
     * @param target the target object
     * @param field the field at fault, or null
     * @param reason the reason
     * @param count how many
     */
    record ReasonCount(String source, String target, String field, String reason, long count) {
    }

    List<LedgerRow> ledgerPage(long runId, Outcome outcome, String object, int offset, int limit) {
        List<Object> params = new ArrayList<>(List.of(runId));
        String where = ledgerFilter(outcome, object, params);
        params.add(limit);
        params.add(offset);
        return this.jdbc.query(
                "select * from run_ledger where run_id = ?" + where
                        + " order by source_object, target_object, source_id, scope_exit limit ? offset ?",
                (rs, i) -> new LedgerRow(rs.getString("source_object"), rs.getString("target_object"),
                        rs.getString("source_id"), Outcome.valueOf(rs.getString("outcome")), rs.getString("target_id"),
                        rs.getString("reason"), rs.getString("field"), rs.getString("value")),
                params.toArray());
    }

    long ledgerCount(long runId, Outcome outcome, String object) {
        List<Object> params = new ArrayList<>(List.of(runId));
        String where = ledgerFilter(outcome, object, params);
        Long count = this.jdbc.queryForObject("select count(*) from run_ledger where run_id = ?" + where, Long.class,
                params.toArray());
        return (count != null) ? count : 0;
    }

    private Run run(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Run.RunObject> objects = this.jdbc.query("select * from run_object where run_id = ? order by position",
                (o, i) -> new Run.RunObject(o.getInt("position"), o.getString("source_object"),
                        o.getString("target_object"), o.getString("status"), o.getLong("total"), o.getLong("processed"),
                        o.getLong("created"), o.getLong("updated"), o.getLong("unchanged"), o.getLong("quarantined"),
                        o.getLong("excluded"), o.getLong("archived"), o.getLong("deleted"), o.getLong("target_deleted"),
                        o.getLong("deactivated"), o.getLong("delete_refused"), instant(o, "started_at"),
                        instant(o, "finished_at"), o.getLong("left_scope"), o.getLong("left_scope_deleted"),
                        o.getLong("left_scope_deactivated"), o.getLong("left_scope_refused")),
                id);
        return new Run(id, rs.getLong("project_id"), rs.getLong("environment_id"), rs.getString("environment"),
                rs.getString("mode"), RunStatus.valueOf(rs.getString("status")), rs.getLong("snapshot_id"),
                (Integer) rs.getObject("scope_version"), rs.getInt("mapping_version"),
                rs.getBigDecimal("error_threshold"), (Integer) rs.getObject("records_per_second"),
                rs.getString("requested_by"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getString("message"),
                this.json.readValue(rs.getString("plan"), RunPlan.class), objects, rs.getString("delete_policy"),
                (Long) rs.getObject("rerun_of"),
                (rs.getString("scope_status") != null)
                        ? dev.switchyard.scope.ScopeStatus.valueOf(rs.getString("scope_status")) : null,
                RunStatus.WAITING_FOR_BUDGET.name().equals(rs.getString("status"))
                        ? new Run.BudgetWait(rs.getString("budget_reason"), instant(rs, "budget_since"),
                                instant(rs, "budget_next_check"), rs.getInt("budget_checks"))
                        : null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

    private static String clip(String text, int length) {
        return (text != null && text.length() > length) ? text.substring(0, length) : text;
    }

    /**
     * One outcome to record.
     *
     * @param sourceId the source record
     * @param outcome what became of it
     * @param targetId its target id, when loaded
     * @param reason why, for quarantined, excluded and archived records
     * @param field the field at fault, or null
     * @param value the value at fault, or null
     */
    record LedgerEntry(String sourceId, Outcome outcome, String targetId, String reason, String field, String value) {
    }

    /**
     * A ledger row as shown.
     *
     * @param source the source object
     * @param target the target object
     * @param sourceId the source record
     * @param outcome what became of it
     * @param targetId its target id
     * @param reason why
     * @param field the field at fault
     * @param value the value at fault
     */
    public record LedgerRow(String source, String target, String sourceId, Outcome outcome, String targetId,
            String reason, String field, String value) {
    }

}
