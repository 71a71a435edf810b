package dev.switchyard.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.switchyard.connection.ConnectionService;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.mapping.MappingDocument;
import dev.switchyard.mapping.MappingInputs;
import dev.switchyard.mapping.MappingService;
import dev.switchyard.mapping.ObjectMapping;
import dev.switchyard.project.Environment;
import dev.switchyard.project.EnvironmentKind;
import dev.switchyard.project.ProjectService;
import dev.switchyard.scope.ScopeService;
import dev.switchyard.scope.ScopeStatus;
import dev.switchyard.scope.ScopeVersion;
import dev.switchyard.scope.rule.CompiledRule;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Before a run starts: per environment with a target, how many records earlier runs
 * loaded there would leave the scope in the next full or delta run — records the scope
 * version that run would apply (in a sandbox the latest, in staging and production the
 * latest approved) excludes or archives, or the current mapping's source filter leaves
 * out, in the latest extraction — and what the delete policy would do about them. Records
 * already marked inactive are not counted under deactivate, as a run would not mark them
 * again.
 */
@Component
class ScopeExitPreview {

    private final ProjectService projects;

    private final ConnectionService connections;

    private final SnapshotLifecycle snapshots;

    private final ScopeService scopes;

    private final MappingService mappings;

    private final MappingInputs inputs;

    private final DictionaryStore dictionaries;

    private final RecordDecisions decisions;

    private final DeletePolicies policies;

    private final JdbcTemplate jdbc;

    ScopeExitPreview(ProjectService projects, ConnectionService connections, SnapshotLifecycle snapshots,
            ScopeService scopes, MappingService mappings, MappingInputs inputs, DictionaryStore dictionaries,
            RecordDecisions decisions, DeletePolicies policies, JdbcTemplate jdbc) {
        this.projects = projects;
        this.connections = connections;
        this.snapshots = snapshots;
        this.scopes = scopes;
        this.mappings = mappings;
        this.inputs = inputs;
        this.dictionaries = dictionaries;
        this.decisions = decisions;
        this.policies = policies;
        this.jdbc = jdbc;
    }

    /**
     * @param projectId a project
     * @return per environment with a target, what the next run would do about records
     * leaving the scope; empty before the first extraction or mapping
     */
    List<EnvironmentPreview> preview(long projectId) {
        Optional<Snapshot> snapshot = this.snapshots.latestUsable(projectId);
        MappingDocument document = this.mappings.current(projectId).document();
        if (snapshot.isEmpty() || document.objects().isEmpty()) {
            return List.of();
        }
        RunPlan plan = RunPlanner.plan(document, this.inputs.load(projectId));
        List<DictionaryObject> source = this.dictionaries.forSnapshot(snapshot.get().getId());
        DeletePolicy policy = this.policies.get(projectId);
        List<EnvironmentPreview> previews = new ArrayList<>();
        for (Environment environment : this.projects.environments(projectId)) {
            if (this.connections.target(environment.getId()).isEmpty()) {
                continue;
            }
            // the version a run there applies (RunScopes): in a sandbox the latest, in
            // staging
            // and production the latest approved
            boolean production = environment.getKind() == EnvironmentKind.PRODUCTION;
            boolean sandbox = environment.getKind() == EnvironmentKind.SANDBOX;
            Optional<ScopeVersion> scope = sandbox ? this.scopes.latest(projectId)
                    : this.scopes.latestApproved(projectId);
            if (!sandbox && scope.isEmpty()) {
                previews.add(new EnvironmentPreview(environment.getName(), null, null, policy.policy().name(),
                        Action.NONE, 0, List.of()));
                continue;
            }
            boolean hold = production && scope.get().getStatus() != ScopeStatus.APPROVED;
            Action action = hold ? Action.KEEP : switch (policy.policy()) {
                case REPORT -> Action.KEEP;
                case DELETE -> Action.DELETE;
                case DEACTIVATE -> Action.DEACTIVATE;
            };
            List<ObjectCount> counts = new ArrayList<>();
            long total = 0;
            for (RunPlan.Step step : plan.steps()) {
                Optional<ObjectMapping> mapping = document.object(step.source(), step.target());
                Optional<DictionaryObject> object = MappingInputs.Inputs.find(source, step.source());
                if (mapping.isEmpty() || object.isEmpty()) {
                    continue;
                }
                long count = count(environment.getId(), snapshot.get().getId(), step,
                        this.decisions.decision(scope.orElse(null), object.get()),
                        RecordDecisions.filter(mapping.get(), object.get()), action == Action.DEACTIVATE);
                counts.add(new ObjectCount(step.source(), step.target(), count));
                total += count;
            }
            previews.add(new EnvironmentPreview(environment.getName(), scope.map(ScopeVersion::getVersion).orElse(null),
                    scope.map((s) -> s.getStatus().name()).orElse(null), policy.policy().name(), action, total,
                    counts));
        }
        return previews;
    }

    private long count(long environmentId, long snapshotId, RunPlan.Step step, CompiledRule decision,
            CompiledRule filter, boolean skipDeactivated) {
        List<Object> params = new ArrayList<>(
                List.of(environmentId, step.source(), step.target(), skipDeactivated, snapshotId));
        String decisionSql = "'MIGRATE'";
        if (decision != null) {
            decisionSql = decision.sql();
            params.addAll(decision.params());
        }
        String filterSql = "true";
        if (filter != null) {
            filterSql = "coalesce(" + filter.sql() + ", false)";
            params.addAll(filter.params());
        }
        Long count = this.jdbc.queryForObject("""
                select count(*) from xref x join staged_record s on s.object = x.source_object
                    and s.source_id = x.source_id
                where x.environment_id = ? and x.source_object = ? and x.target_object = ?
                and (not ? or not x.deactivated) and s.snapshot_id = ? and not s.deleted
                and ((%s) in ('ARCHIVE', 'EXCLUDE') or not (%s))""".formatted(decisionSql, filterSql), Long.class,
                params.toArray());
        return (count != null) ? count : 0;
    }

    /**
     * What the next run would do about records leaving the scope.
     */
    enum Action {

        /**
         * Nothing to preview: a staging or production run needs an approved scope first.
         */
        NONE,
        /** Count them apart and keep them in the target. */
        KEEP,
        /** Delete their target rows. */
        DELETE,
        /** Mark their target rows inactive. */
        DEACTIVATE;

        /**
         * @return its name in lower case, for messages
         */
        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    /**
     * One environment's preview.
     *
     * @param environment its name
     * @param scopeVersion the scope version its next run would apply, or null
     * @param scopeStatus that version's status, or null
     * @param policy the project's delete policy
     * @param action what the next run would do about records leaving the scope
     * @param records how many records would leave the scope there
     * @param objects per object mapping, in load order
     */
    record EnvironmentPreview(String environment, Integer scopeVersion, String scopeStatus, String policy,
            Action action, long records, List<ObjectCount> objects) {

        EnvironmentPreview {
            objects = List.copyOf(objects);
        }

    }

    /**
     * How many records of one object mapping would leave the scope.
     *
     * @param source the source object
     * @param target the target object
     * @param records how many
     */
    record ObjectCount(String source, String target, long records) {
    }

}
