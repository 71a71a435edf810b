package dev.switchyard.run;

import java.time.Instant;

import dev.switchyard.project.EnvironmentKind;
import dev.switchyard.scope.ScopeStatus;

/**
 * What a run started now in one environment would use: the extraction it reads, the scope
 * version deciding what migrates (with its status) and the mapping version it applies —
 * stated on the start form before the run starts, by the same rule
 * {@link RunService#start} applies. Sandbox environments use the latest scope version,
 * whatever its status; staging and production only the latest approved one.
 *
 * @param environment the environment's name
 * @param kind its kind
 * @param snapshotId the latest completed extraction, or null when there is none
 * @param snapshotAt when that extraction finished, or null
 * @param scopeVersion the scope version the run would apply, or null when there is none
 * it may use
 * @param scopeStatus that version's status now, or null
 * @param refusal why the environment's kind allows no scope version now (staging and
 * production without an approved one), or null
 * @param newerVersion in staging and production, a newer scope version than the one used
 * that is not approved (and so not used), or null
 * @param mappingVersion the mapping version it would apply (0 when nothing is mapped)
 */
public record RunUses(String environment, EnvironmentKind kind, Long snapshotId, Instant snapshotAt,
        Integer scopeVersion, ScopeStatus scopeStatus, String refusal, Integer newerVersion, int mappingVersion) {

    /**
     * @return whether the run would apply a scope version nobody approved (a sandbox run
     * of a draft, submitted or rejected version), which the browser asks to confirm
     */
    public boolean unapprovedScope() {
        return this.scopeStatus != null && this.scopeStatus != ScopeStatus.APPROVED;
    }

}
