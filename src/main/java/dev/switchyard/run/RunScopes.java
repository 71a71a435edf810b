package dev.switchyard.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.switchyard.mapping.MappingService;
import dev.switchyard.project.Environment;
import dev.switchyard.project.EnvironmentKind;
import dev.switchyard.project.ProjectService;
import dev.switchyard.scope.ScopeService;
import dev.switchyard.scope.ScopeVersion;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.system.ConflictException;

import org.springframework.stereotype.Component;

/**
 * Which scope version a run applies, by the kind of its environment: a sandbox the latest
 * version whatever its status, staging and production only the latest approved one; and,
 * for the start form, what a run started now would use in each environment.
 */
@Component
class RunScopes {

    private final ScopeService scopes;

    private final SnapshotLifecycle snapshots;

    private final MappingService mappings;

    private final ProjectService projects;

    RunScopes(ScopeService scopes, SnapshotLifecycle snapshots, MappingService mappings, ProjectService projects) {
        this.scopes = scopes;
        this.snapshots = snapshots;
        this.mappings = mappings;
        this.projects = projects;
    }

    /**
     * What a run started now would use in each of the project's environments, by the rule
     * {@link RunService#start} applies.
     * @param projectId the project
     * @return per environment, in the project's order
     */
    public List<RunUses> uses(Long projectId) {
        Snapshot snapshot = this.snapshots.latestUsable(projectId).orElse(null);
        int mapping = this.mappings.current(projectId).version();
        Optional<ScopeVersion> latest = this.scopes.latest(projectId);
        Optional<ScopeVersion> approved = this.scopes.latestApproved(projectId);
        List<RunUses> uses = new ArrayList<>();
        for (Environment environment : this.projects.environments(projectId)) {
            boolean sandbox = environment.getKind() == EnvironmentKind.SANDBOX;
            ScopeVersion scope = sandbox ? latest.orElse(null) : approved.orElse(null);
            String refusal = (!sandbox && scope == null) ? unapproved(environment, latest.orElse(null)) : null;
            Integer newer = (!sandbox && scope != null && latest.isPresent()
                    && latest.get().getVersion() > scope.getVersion()) ? latest.get().getVersion() : null;
            uses.add(new RunUses(environment.getName(), environment.getKind(),
                    (snapshot != null) ? snapshot.getId() : null, (snapshot != null) ? snapshot.getFinishedAt() : null,
                    (scope != null) ? scope.getVersion() : null, (scope != null) ? scope.getStatus() : null, refusal,
                    newer, mapping));
        }
        return uses;
    }

    /**
     * The scope version a run in the environment applies: in a sandbox the latest,
     * whatever its status; in staging and production the latest approved one.
     * @throws ConflictException naming the missing approval when staging or production
     * has none
     */
    ScopeVersion scope(Long projectId, Environment environment) {
        if (environment.getKind() == EnvironmentKind.SANDBOX) {
            return this.scopes.latest(projectId).orElse(null);
        }
        return this.scopes.latestApproved(projectId)
            .orElseThrow(() -> new ConflictException("environment",
                    unapproved(environment, this.scopes.latest(projectId).orElse(null))));
    }

    /**
     * @return why a staging or production run cannot start without an approved scope,
     * naming the version that waits for approval
     */
    private static String unapproved(Environment environment, ScopeVersion latest) {
        String kind = environment.getKind().name().toLowerCase(Locale.ROOT);
        String prefix = "A " + kind + " run"
                + (environment.getName().equalsIgnoreCase(kind) ? "" : " (" + environment.getName() + ")")
                + " needs an approved scope, and no scope version is approved; ";
        if (latest == null) {
            return prefix + "the project has no scope yet (the first completed extraction creates it)";
        }
        String version = "scope v" + latest.getVersion();
        return prefix + switch (latest.getStatus()) {
            case SUBMITTED -> version + " is submitted and waits for a stakeholder's approval";
            case REJECTED -> version + " was rejected: revise it, submit it and have a stakeholder approve it";
            default -> version + " is a draft: submit it and have a stakeholder approve it";
        };
    }

}
