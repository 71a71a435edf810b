package dev.switchyard.cutover;

import java.time.Instant;

import dev.switchyard.extraction.ExtractionService;
import dev.switchyard.run.Run;
import dev.switchyard.run.RunService;
import dev.switchyard.run.RunStatus;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.system.JobStatus;
import dev.switchyard.validation.Validation;
import dev.switchyard.validation.ValidationService;
import dev.switchyard.validation.ValidationStatus;

import org.springframework.stereotype.Component;

/**
 * Launches the workbench action of an automatic task (through the extraction, run and
 * validation services, with their own gates) and reads where it stands.
 */
@Component
class WorkbenchActions {

    private final ExtractionService extractions;

    private final SnapshotLifecycle snapshots;

    private final RunService runs;

    private final ValidationService validations;

    WorkbenchActions(ExtractionService extractions, SnapshotLifecycle snapshots, RunService runs,
            ValidationService validations) {
        this.extractions = extractions;
        this.snapshots = snapshots;
        this.runs = runs;
        this.validations = validations;
    }

    /**
     * @param projectId the project
     * @param action the action
     * @param environment the environment's name, for runs
     * @param runId for a validation, the run to validate
     * @return the id of the extraction, run or validation launched
     */
    long launch(long projectId, TaskAction action, String environment, Long runId) {
        return switch (action) {
            case DELTA_EXTRACTION -> this.extractions.start(projectId, "delta").getId();
            case FULL_RUN -> this.runs.start(projectId, environment, "full", null, null).id();
            case DELTA_RUN -> this.runs.start(projectId, environment, "delta", null, null).id();
            case VALIDATION -> this.validations.start(runId, ValidationService.Request.FULL).id();
            case MANUAL -> throw new IllegalArgumentException("A manual task launches no action");
        };
    }

    /**
     * @param action the action
     * @param ref the id launch returned
     * @return where it stands
     */
    State state(TaskAction action, long ref) {
        return switch (action) {
            case DELTA_EXTRACTION -> {
                Snapshot snapshot = this.snapshots.get(ref);
                JobStatus status = snapshot.getStatus();
                if (!status.isFinished()) {
                    yield State.running(snapshot.getPercent());
                }
                boolean done = status == JobStatus.COMPLETED || status == JobStatus.COMPLETED_WITH_ERRORS;
                yield new State(true, done, snapshot.getFinishedAt(), snapshot.getRecords(), 100,
                        done ? null : "Extraction " + ref + " ended " + status + ": " + snapshot.getMessage());
            }
            case FULL_RUN, DELTA_RUN -> {
                Run run = this.runs.get(ref);
                if (RunStatus.ACTIVE.contains(run.status()) || run.status() == RunStatus.PAUSED) {
                    yield State.running(run.percent());
                }
                boolean done = run.status() == RunStatus.COMPLETED;
                yield new State(true, done, run.finishedAt(), run.total(), 100,
                        done ? null : "Run " + ref + " ended " + run.status() + ": " + run.message());
            }
            case VALIDATION -> {
                Validation validation = this.validations.get(ref);
                if (!validation.status().finished()) {
                    yield State.running(validation.percent());
                }
                boolean done = validation.status() == ValidationStatus.COMPLETED;
                yield new State(true, done, validation.finishedAt(), validation.total(), 100, done ? null
                        : "Validation " + ref + " ended " + validation.status() + ": " + validation.message());
            }
            case MANUAL -> throw new IllegalArgumentException("A manual task launches no action");
        };
    }

    /**
     * Where an action stands.
     *
     * @param finished whether it ended
     * @param succeeded whether it ended well
     * @param finishedAt when it ended
     * @param records the records it handled
     * @param percent its progress, 0–100
     * @param failure why it did not succeed, or null
     */
    record State(boolean finished, boolean succeeded, Instant finishedAt, long records, int percent, String failure) {

        static State running(int percent) {
            return new State(false, false, null, 0, percent, null);
        }

    }

}
