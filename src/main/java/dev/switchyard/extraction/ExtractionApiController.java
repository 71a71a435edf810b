package dev.switchyard.extraction;

import java.net.URI;
import java.util.List;

import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.staging.StagingStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Extractions in the automation API.
 */
@RestController
@Tag(name = "Extractions", description = "Snapshots of the source in staging")
class ExtractionApiController {

    private final ExtractionService extractions;

    private final SnapshotLifecycle snapshots;

    private final StagingStore store;

    private final ProjectAccess access;

    private final ExtractionBudget budget;

    ExtractionApiController(ExtractionService extractions, SnapshotLifecycle snapshots, StagingStore store,
            ProjectAccess access, ExtractionBudget budget) {
        this.budget = budget;
        this.extractions = extractions;
        this.snapshots = snapshots;
        this.store = store;
        this.access = access;
    }

    /**
     * What to extract.
     *
     * @param mode full (default) or delta
     */
    record StartExtraction(String mode) {
    }

    @PostMapping("/api/v1/projects/{projectId}/extractions")
    @Operation(summary = "Start an extraction of the project's source",
            description = "Body {\"mode\":\"full\"|\"delta\"} (optional; full by default). 201 {\"id\",\"status\"}; poll "
                    + "GET /api/v1/extractions/{id}. 409 when one is already running, or for a delta without a completed "
                    + "full extraction; 422 without a source connection.")
    ResponseEntity<ExtractionJson> start(@PathVariable Long projectId,
            @RequestBody(required = false) StartExtraction request) {
        this.access.require(projectId, ProjectRole.ANALYST);
        Snapshot snapshot = this.extractions.start(projectId, (request != null) ? request.mode() : null);
        return ResponseEntity.created(URI.create("/api/v1/extractions/" + snapshot.getId()))
            .body(ExtractionJson.of(snapshot, List.of()));
    }

    @GetMapping("/api/v1/projects/{projectId}/extractions/budget-estimate")
    @Operation(summary = "Before an extraction from a CRM: the API calls it needs against the budget left today",
            description = "{\"type\",\"basedOn\",\"calls\",\"unknownObjects\",\"objects\":[{\"object\",\"records\","
                    + "\"calls\"}],\"percent\",\"share\",\"callsToday\",\"left\",\"used\",\"max\",\"exceeds\","
                    + "\"problem\"}; 404 when the source is not a CRM. exceeds=true is a warning: the extraction waits "
                    + "for the budget on the way.")
    ResponseEntity<ExtractionBudget.Estimate> budgetEstimate(@PathVariable Long projectId) {
        this.access.requireView(projectId);
        return ResponseEntity.of(this.budget.estimate(projectId));
    }

    @GetMapping("/api/v1/projects/{projectId}/extractions")
    @Operation(summary = "The project's extractions, newest first")
    List<ExtractionJson> list(@PathVariable Long projectId, @RequestParam(defaultValue = "0") int page) {
        return this.snapshots.list(projectId, PageRequest.of(Math.max(page, 0), 50))
            .map((s) -> ExtractionJson.of(s, List.of()))
            .getContent();
    }

    @GetMapping("/api/v1/extractions/{snapshotId}")
    @Operation(summary = "An extraction with its counts per object")
    ExtractionJson get(@PathVariable Long snapshotId) {
        Snapshot snapshot = visible(snapshotId);
        return ExtractionJson.of(snapshot, this.store.objects(snapshotId));
    }

    @PostMapping("/api/v1/extractions/{snapshotId}/cancel")
    @Operation(summary = "Cancel an extraction",
            description = "200 with the extraction; 409 when it has already ended.")
    ExtractionJson cancel(@PathVariable Long snapshotId) {
        Snapshot snapshot = visible(snapshotId);
        this.access.require(snapshot.getProjectId(), ProjectRole.ANALYST);
        this.extractions.cancel(snapshotId);
        return ExtractionJson.of(this.snapshots.get(snapshotId), this.store.objects(snapshotId));
    }

    @GetMapping("/api/v1/extractions/{snapshotId}/problems")
    @Operation(summary = "What an extraction could not read",
            description = "Each with object, location (file and line, "
                    + "sheet and row, table), field, message and the raw value; paged with offset and limit (at most 1000).")
    List<ExtractionProblem> problems(@PathVariable Long snapshotId, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        visible(snapshotId);
        return this.store.problems(snapshotId, Math.max(offset, 0), Math.min(Math.max(limit, 1), 1000));
    }

    private Snapshot visible(Long snapshotId) {
        Snapshot snapshot = this.snapshots.get(snapshotId);
        this.access.requireView(snapshot.getProjectId());
        return snapshot;
    }

}
