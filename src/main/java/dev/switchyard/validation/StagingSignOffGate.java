package dev.switchyard.validation;

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
 * mapping and scope versions whose validation a tester signed off — on by default,
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
        Optional<Validation> signed = this.store.latestSignedOff(projectId, staging.get().getId());
        if (signed.isEmpty()) {
            return Optional.of("A production run needs a staging run whose validation a tester signed off: run into "
                    + staging.get().getName() + ", validate the run and have a tester sign it off");
        }
        Run run = this.runs.get(signed.get().runId());
        if (run.mappingVersion() != mappingVersion || run.scopeVersion() == null
                || run.scopeVersion() != scopeVersion) {
            return Optional.of("The signed-off staging validation " + signed.get().id() + " is of run " + run.id()
                    + " with mapping v" + run.mappingVersion() + " and scope "
                    + ((run.scopeVersion() != null) ? "v" + run.scopeVersion() : "none")
                    + "; production would apply mapping v" + mappingVersion + " and scope v" + scopeVersion
                    + ": run, validate and sign off staging with these versions first");
        }
        return Optional.empty();
    }

}
