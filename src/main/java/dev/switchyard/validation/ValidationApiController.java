package dev.switchyard.validation;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.ProjectService;
import dev.switchyard.run.Run;
import dev.switchyard.run.RunService;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Validations of runs in the automation API.
 */
@RestController
@Tag(name = "Validations",
        description = "Validate a run against its target: reconciliation, field comparison, references, content "
                + "checks; findings; sign-off")
class ValidationApiController {

    private final ValidationService validations;

    private final RunService runs;

    private final ProjectAccess access;

    private final ProjectService projects;

    private final ValidationWorkbook workbook;

    ValidationApiController(ValidationService validations, RunService runs, ProjectAccess access,
            ProjectService projects, ValidationWorkbook workbook) {
        this.validations = validations;
        this.runs = runs;
        this.access = access;
        this.projects = projects;
        this.workbook = workbook;
    }

    /**
     * A validation as the API shows it.
     *
     * @param id the validation
     * @param runId the run validated
     * @param status QUEUED, RUNNING, COMPLETED, COULD_NOT_VERIFY or FAILED
     * @param verdict PASS, WARN, FAIL or UNVERIFIED once finished
     * @param mode FULL or SAMPLE
     * @param sampleSize records compared per object (sample mode)
     * @param seed the sample's seed
     * @param strata the field a stratified sample is drawn across
     * @param processed records read back so far
     * @param total records to read back
     * @param message a summary, or why it could not verify
     * @param requestedBy who started it
     * @param createdAt when
     * @param finishedAt when it ended
     * @param decision SIGNED_OFF, REJECTED or null
     * @param decidedBy the tester
     * @param decisionComment the tester's comment
     * @param reconciliation the results, once finished
     */
    record ValidationJson(long id, long runId, String status, String verdict, String mode, Integer sampleSize,
            Long seed, String strata, long processed, long total, String message, String requestedBy, Instant createdAt,
            Instant finishedAt, String decision, String decidedBy, String decisionComment,
            ReconciliationJson reconciliation) {

        static ValidationJson of(Validation v) {
            return new ValidationJson(v.id(), v.runId(), v.status().name(),
                    (v.verdict() != null) ? v.verdict().name() : null, v.mode(), v.sampleSize(), v.seed(), v.strata(),
                    v.processed(), v.total(), v.message(), v.requestedBy(), v.createdAt(), v.finishedAt(), v.decision(),
                    v.decidedBy(), v.decisionComment(), v.status().finished() ? ReconciliationJson.of(v) : null);
        }

    }

    /**
     * A finished validation's results.
     *
     * @param validationId the validation
     * @param status COMPLETED or COULD_NOT_VERIFY
     * @param objects count reconciliation per object mapping
     * @param fields field comparison per mapped target field
     * @param relationships the check of every reference against the cross-reference
     * @param content the content checks per object
     */
    record ReconciliationJson(long validationId, String status, List<ObjectJson> objects, List<FieldJson> fields,
            RelationshipsJson relationships, List<CheckJson> content) {

        static ReconciliationJson of(Validation v) {
            return new ReconciliationJson(v.id(), v.status().name(), v.objects().stream().map(ObjectJson::of).toList(),
                    v.fields().stream().map(FieldJson::of).toList(), new RelationshipsJson(v.relationshipsChecked(),
                            v.relationshipsBroken(), v.relationshipsUnresolved()),
                    v.checks().stream().map(CheckJson::of).toList());
        }

    }

    /**
     * One object mapping's reconciliation.
     *
     * @param name the source object
     * @param target the target object
     * @param extracted records of the run's snapshot
     * @param inScope extracted less excluded and archived
     * @param created created by the run
     * @param updated updated
     * @param unchanged unchanged
     * @param quarantined quarantined
     * @param excluded excluded
     * @param archived archived
     * @param withoutOutcome source records the ledger has no outcome for
     * @param inTarget rows the workbench loaded into the environment for this object
     * mapping that the target holds now, by the cross-reference (null: could not verify)
     * @param missing records the run loaded that the target does not hold
     * @param balanced the ledger sums to extracted and the target holds every record the
     * run loaded (null: could not verify)
     * @param reason why it could not be verified
     * @param outOfScope of inTarget, rows not marked inactive whose records the run's
     * scope or the mapping's filter leaves out (null: could not verify)
     * @param outOfScopeKept of those, the rows the run kept on purpose (delete policy
     * report), which warn; the others fail
     * @param verdict PASS, WARN, FAIL or UNVERIFIED
     * @param quarantinePercent the share of the in-scope records quarantined, in percent
     * @param quarantineAboveThreshold whether that share is above
     * {@code switchyard.validation.quarantine-warn-percent} (1 by default), which makes
     * the object warn
     */
    record ObjectJson(String name, String target, long extracted, long inScope, long created, long updated,
            long unchanged, long quarantined, long excluded, long archived, long withoutOutcome, Long inTarget,
            long missing, Boolean balanced, String reason, Long outOfScope, Long outOfScopeKept, String verdict,
            double quarantinePercent, boolean quarantineAboveThreshold) {

        static ObjectJson of(Validation.ObjectResult o) {
            return new ObjectJson(o.source(), o.target(), o.extracted(), o.inScope(), o.created(), o.updated(),
                    o.unchanged(), o.quarantined(), o.excluded(), o.archived(), o.withoutOutcome(), o.inTarget(),
                    o.missing(), o.balanced(), o.reason(), o.outOfScope(), o.outOfScopeKept(), o.verdict().name(),
                    Math.round(o.quarantinePercent() * 100) / 100.0, o.quarantineAboveThreshold());
        }

    }

    /**
     * One field's comparison.
     *
     * @param object the target object
     * @param field the target field
     * @param source the source object
     * @param sourceField the source field
     * @param reference whether it is a reference
     * @param compared records compared
     * @param matched records as expected
     * @param rate the match rate in percent
     * @param rawMatched records equal to the raw source value
     * @param byDesign records the transform changed, as expected
     * @param status PASS, WARN or FAIL under the project's thresholds
     * @param unresolved references left empty because their parent was not loaded: not
     * compared (outside compared, matched and rate)
     */
    record FieldJson(String object, String field, String source, String sourceField, boolean reference, long compared,
            long matched, Double rate, long rawMatched, long byDesign, String status, long unresolved) {

        static FieldJson of(Validation.FieldResult f) {
            return new FieldJson(f.target(), f.field(), f.source(), f.sourceField(), f.reference(), f.compared(),
                    f.matched(), f.rate(), f.rawMatched(), f.byDesign(), f.status().name(), f.unresolved());
        }

    }

    /**
     * The reference check.
     *
     * @param checked references compared with the cross-reference
     * @param broken references that differ from it
     * @param unresolved references the run left empty because their parent was not loaded
     * (explained by the run's ledger)
     */
    record RelationshipsJson(long checked, long broken, long unresolved) {
    }

    /**
     * One content check of one object.
     *
     * @param object the target object
     * @param check LINE_BREAKS, TRUNCATION, NON_LATIN, NULL_STRING or DATE_ONLY
     * @param checked values it applied to
     * @param failed values that failed
     */
    record CheckJson(String object, String check, long checked, long failed) {

        static CheckJson of(Validation.CheckResult c) {
            return new CheckJson(c.target(), c.kind().name(), c.checked(), c.failed());
        }

    }

    /**
     * A page of findings.
     *
     * @param total findings matching
     * @param findings this page
     */
    record FindingsJson(long total, List<Validation.Finding> findings) {
    }

    /**
     * A tester's decision.
     *
     * @param decision sign-off or reject
     * @param comment the findings (required to reject, and to sign off what did not pass)
     */
    record Decision(String decision, String comment) {
    }

    @PostMapping("/api/v1/runs/{runId}/validations")
    @Operation(summary = "Start a fresh validation of a run against its target as it is now",
            description = "Body optional: {\"mode\": \"full\" (default) | \"sample\", \"sampleSize\": records per "
                    + "object, \"seed\": number, \"strata\": source field to stratify the sample by}. 201 "
                    + "{\"id\",\"status\"}, pollable at GET /api/v1/validations/{id}; 409 while the run is active "
                    + "or after it was undone; 422 for a bad mode or sample size.")
    ResponseEntity<ValidationJson> start(@PathVariable long runId,
            @RequestBody(required = false) ValidationService.Request request) {
        Run run = this.runs.get(runId);
        this.access.require(run.projectId(), ProjectRole.TESTER, ProjectRole.ANALYST);
        Validation validation = this.validations.start(runId,
                (request != null) ? request : ValidationService.Request.FULL);
        return ResponseEntity.created(URI.create("/api/v1/validations/" + validation.id()))
            .body(ValidationJson.of(validation));
    }

    @GetMapping("/api/v1/validations/{validationId}")
    @Operation(summary = "A validation: status and progress, then its results and verdict")
    ValidationJson get(@PathVariable long validationId) {
        return ValidationJson.of(visible(validationId));
    }

    @GetMapping("/api/v1/runs/{runId}/validations")
    @Operation(summary = "A run's validations, newest first (without results)")
    List<ValidationJson> ofRun(@PathVariable long runId) {
        Run run = this.runs.get(runId);
        this.access.requireView(run.projectId());
        return this.validations.ofRun(runId).stream().map(ValidationJson::of).toList();
    }

    @GetMapping("/api/v1/runs/{runId}/reconciliation")
    @Operation(summary = "The results of the run's latest finished validation",
            description = "{\"objects\":[{\"name\",\"extracted\",\"inScope\",\"created\",\"updated\",\"unchanged\","
                    + "\"quarantined\",\"excluded\",\"archived\",\"inTarget\",\"balanced\"}],\"fields\":[{\"object\","
                    + "\"field\",\"compared\",\"matched\",\"rate\",\"status\"}],\"relationships\":{\"checked\","
                    + "\"broken\"}}; 404 when the run has no finished validation.")
    ReconciliationJson reconciliation(@PathVariable long runId) {
        Run run = this.runs.get(runId);
        this.access.requireView(run.projectId());
        Validation validation = this.validations.latestFinished(runId)
            .orElseThrow(() -> new NotFoundException("Run " + runId + " has no finished validation: start one"));
        return ReconciliationJson.of(validation);
    }

    @GetMapping("/api/v1/validations/{validationId}/findings")
    @Operation(summary = "A validation's findings, a page at a time",
            description = "kind: NO_OUTCOME, MISSING_IN_TARGET, MISMATCH, BROKEN_REFERENCE, UNRESOLVED_PARENT, BY_DESIGN, LINE_BREAKS, "
                    + "TRUNCATION, NON_LATIN, NULL_STRING, DATE_ONLY; object (target) and field narrow it; page from "
                    + "0, size up to 1000.")
    FindingsJson findings(@PathVariable long validationId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String object, @RequestParam(required = false) String field,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        visible(validationId);
        FindingKind wanted = kind(kind);
        int limit = Math.max(1, Math.min(size, 1000));
        return new FindingsJson(this.validations.findingCount(validationId, wanted, object, field),
                this.validations.findings(validationId, wanted, object, field, Math.max(0, page) * limit, limit));
    }

    @GetMapping("/api/v1/validations/{validationId}/export.xlsx")
    @Operation(summary = "A finished validation's report as an XLSX workbook",
            description = "Sheets Summary (run, environment, mode, status, verdict and its four tiles, the tester's "
                    + "decision), Objects (count reconciliation), Fields (field comparison), Content checks, Mismatch "
                    + "samples (every finding but the changes by design, at most 50,000) and Changed by design. "
                    + "Downloaded as validation-{id}.xlsx; 409 while the validation is queued or running.")
    void export(@PathVariable long validationId, HttpServletResponse response) throws IOException {
        Validation validation = visible(validationId);
        if (!validation.status().finished()) {
            throw new ConflictException("validation", "Validation " + validationId + " is "
                    + validation.status().name().toLowerCase(Locale.ROOT) + ": its report is ready once it finishes");
        }
        String project = this.projects.get(validation.projectId()).getName();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(ValidationWorkbook.filename(validationId)).build().toString());
        this.workbook.write(validation, project, response.getOutputStream());
    }

    @PostMapping("/api/v1/validations/{validationId}/decision")
    @Operation(summary = "A tester signs a validation off or rejects it with findings",
            description = "Body {\"decision\": \"sign-off\"|\"reject\", \"comment\"}. Only a TESTER member of the "
                    + "project (403 otherwise); a rejection needs a comment, and so does signing off a validation "
                    + "that did not pass; one that could not verify cannot be signed off; 409 once decided.")
    ValidationJson decide(@PathVariable long validationId, @RequestBody Decision decision) {
        Validation validation = this.validations.get(validationId);
        this.access.requireMemberRole(validation.projectId(), ProjectRole.TESTER);
        return ValidationJson
            .of(this.validations.decide(validationId, signOff(decision.decision()), decision.comment()));
    }

    static boolean signOff(String decision) {
        String value = (decision != null) ? decision.trim().toLowerCase(Locale.ROOT).replace('_', '-') : "";
        return switch (value) {
            case "sign-off", "signoff", "signed-off", "approve" -> true;
            case "reject" -> false;
            default -> throw new InvalidInputException("decision",
                    "The decision is sign-off or reject, not '" + decision + "'");
        };
    }

    static FindingKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return FindingKind.valueOf(kind.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("kind", "Unknown finding kind '" + kind + "'");
        }
    }

    private Validation visible(long validationId) {
        Validation validation = this.validations.get(validationId);
        this.access.requireView(validation.projectId());
        return validation;
    }

}
