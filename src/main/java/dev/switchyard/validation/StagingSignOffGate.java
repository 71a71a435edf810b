package dev.switchyard.validation;

import java.util.List;
import java.util.Optional;

import dev.switchyard.project.Environment;
import dev.switchyard.project.EnvironmentKind;
import dev.switchyard.project.ProjectService;
import dev.switchyard.run.ProductionGate;
import dev.switchyard.run.Run;
import dev.switchyard.run.RunService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The production gate of validation: a production run needs a staging run of the same
 * mapping and scope versions whose latest validation a tester signed off — on by default,
 * {@code switchyard.runs.production-gate.staging-sign-off=false} turns it off.
 */
@Component
class StagingSignOffGate implements ProductionGate {

    private final boolean enabled;

    private final ValidationStore store;

    private final ProjectService projects;

    private final RunService runs;

    StagingSignOffGate(@Value("${switchyard.runs.production-gate.staging-sign-off:true}") boolean enabled,
            ValidationStore store, ProjectService projects, @Lazy RunService runs) {
        this.enabled = enabled;
        this.store = store;
        this.projects = projects;
        this.runs = runs;
    }

    @Override
    public Optional<String> refusal(long projectId, int mappingVersion, int scopeVersion) {
        if (!this.enabled) {
            return Optional.empty();
        }
        Optional<Environment> staging = this.projects.environments(projectId)
            .stream()
            .filter((e) -> e.getKind() == EnvironmentKind.STAGING)
            .findFirst();
        if (staging.isEmpty()) {
            return Optional.of("A production run needs a signed-off validation of a staging run, and the project "
                    + "has no staging environment");
        }
        // only a run's latest validation counts: a sign-off a newer validation of the
        // same
        // run superseded (one that failed, say) proves nothing any more
        List<Validation> current = this.store.currentSignOffs(projectId, staging.get().getId());
        if (current.isEmpty()) {
            Optional<Validation> superseded = this.store.latestSignedOff(projectId, staging.get().getId());
            if (superseded.isPresent()) {
                Validation newer = this.store.latestOfRun(superseded.get().runId()).orElseThrow();
                return Optional.of("A production run needs a staging run whose latest validation a tester signed off: "
                        + "validation " + superseded.get().id() + " of run " + superseded.get().runId()
                        + " was signed off, but validation " + newer.id() + " of the same run is newer ("
                        + ValidationService.describe(newer) + "). Have a tester decide it, or validate again");
            }
            return Optional.of("A production run needs a staging run whose validation a tester signed off: run into "
                    + staging.get().getName() + ", validate the run and have a tester sign it off");
        }
        Run latest = null;
        for (Validation signed : current) {
            Run run = this.runs.get(signed.runId());
            if (run.mappingVersion() == mappingVersion && run.scopeVersion() != null
                    && run.scopeVersion() == scopeVersion) {
                return Optional.empty();
            }
            latest = (latest != null) ? latest : run;
        }
        Validation signed = current.get(0);
        return Optional.of("The signed-off staging validation " + signed.id() + " is of run " + latest.id()
                + " with mapping v" + latest.mappingVersion() + " and scope "
                + ((latest.scopeVersion() != null) ? "v" + latest.scopeVersion() : "none")
                + "; production would apply mapping v" + mappingVersion + " and scope v" + scopeVersion
                + ": run, validate and sign off staging with these versions first");
    }

}
