package dev.switchyard.mapping;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mapping set in the automation API: one JSON document, the same as the JSON export.
 */
@RestController
@Tag(name = "Mapping", description = "Object, field and picklist mappings with their transforms; suggestions, "
        + "validation and preview")
class MappingApiController {

    private final MappingService mappings;

    private final ProjectAccess access;

    private final MappingWorkbench workbench;

    MappingApiController(MappingService mappings, ProjectAccess access, MappingWorkbench workbench) {
        this.mappings = mappings;
        this.access = access;
        this.workbench = workbench;
    }

    /**
     * A version in the history.
     *
     * @param version its number
     * @param savedBy who saved it
     * @param savedAt when
     * @param summary what changed
     */
    record VersionJson(int version, String savedBy, Instant savedAt, String summary) {
    }

    @GetMapping("/api/v1/projects/{projectId}/mapping")
    @Operation(summary = "The latest mapping document",
            description = "Version 0 with no object mappings before the first save. PUT it back, changed, to save.")
    MappingDocument current(@PathVariable Long projectId) {
        return this.mappings.current(projectId).document();
    }

    @PutMapping("/api/v1/projects/{projectId}/mapping")
    @Operation(summary = "Save the mapping document as the next version",
            description = "Body: the document as read, with the version it was read at. 200 with the saved document "
                    + "(its new version); 409 when someone saved a newer version since (the message says who and "
                    + "when; nothing is saved, read again and reapply); 422 for a malformed document (an unknown "
                    + "transform type, a target field mapped twice …). Meaning (fields that do not exist, types) is "
                    + "checked by POST …/mapping/validate, never by the save.")
    MappingDocument save(@PathVariable Long projectId, @RequestBody MappingDocument document) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return this.mappings.save(projectId, document, null).document();
    }

    @PostMapping("/api/v1/projects/{projectId}/mapping/suggest")
    @Operation(summary = "Suggest object, field, match-key and picklist mappings (changes nothing)",
            description = "Returns {\"mapping\": the saved mapping plus every suggestion, in the GET/PUT format, "
                    + "so a client accepts all by PUTting it; \"suggestions\": each with a key, kind, description "
                    + "and confidence}. Rejected suggestions (keys in the document's rejectedSuggestions) are not "
                    + "offered again.")
    MappingSuggester.Result suggest(@PathVariable Long projectId) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return this.workbench.suggest(projectId);
    }

    @PostMapping("/api/v1/projects/{projectId}/mapping/validate")
    @Operation(summary = "Validate the saved mapping",
            description = "{\"errors\":[…],\"warnings\":[…]}, each with code, source, target, field and message. "
                    + "Includes a run of the mapping over up to 2,000 staged records per object mapping.")
    MappingValidator.Report validate(@PathVariable Long projectId) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return this.workbench.validate(projectId);
    }

    /**
     * A preview request.
     *
     * @param object the source object's name (any case)
     * @param sourceIds the records to show; empty or absent for a random sample
     * @param sample the sample size when no ids are given (default 5, at most 50)
     */
    record PreviewRequest(String object, List<String> sourceIds, Integer sample) {
    }

    @PostMapping("/api/v1/projects/{projectId}/mapping/preview")
    @Operation(summary = "Preview the saved mapping on staged records",
            description = "Body {\"object\", \"sourceIds\": [...]} → [{\"sourceId\", \"targetObject\", "
                    + "\"source\": {...}, \"target\": {...} keyed by target field, \"errors\": [...], "
                    + "\"notes\", \"included\" (whether the source filter takes it)}], one per record and object "
                    + "mapping reading the object. Without ids, a random sample (sample, default 5). Nothing is "
                    + "written.")
    List<MappingPreview.Row> preview(@PathVariable Long projectId,
            @RequestBody(required = false) PreviewRequest request) {
        this.access.require(projectId, ProjectRole.ANALYST);
        PreviewRequest body = (request != null) ? request : new PreviewRequest(null, null, null);
        return this.workbench.preview(projectId, body.object(),
                (body.sourceIds() != null) ? body.sourceIds() : List.of(), (body.sample() != null) ? body.sample() : 5);
    }

    @GetMapping("/api/v1/projects/{projectId}/mapping/schema-check")
    @Operation(summary = "Check another environment's target against the authoring target",
            description = "Reads the environment's target schema now and lists what differs where it matters to the "
                    + "saved mapping: mapped objects or fields missing, other types, shorter lengths, other references, "
                    + "picklist values not allowed, required fields not mapped. {\"environment\", "
                    + "\"authoredAgainst\", \"readProblem\" (when the live schema could not be read), "
                    + "\"differences\": [...]}.")
    SchemaCheck.Result schemaCheck(@PathVariable Long projectId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String environment) {
        return this.workbench.schemaCheck(projectId, environment);
    }

    @GetMapping("/api/v1/projects/{projectId}/mapping/versions")
    @Operation(summary = "The mapping's version history, newest first (latest 200)")
    List<VersionJson> versions(@PathVariable Long projectId) {
        return this.mappings.history(projectId)
            .stream()
            .map((v) -> new VersionJson(v.version(), v.savedBy(), v.savedAt(), v.summary()))
            .toList();
    }

    @GetMapping("/api/v1/projects/{projectId}/mapping/versions/{version}")
    @Operation(summary = "Any saved version of the mapping document")
    MappingDocument version(@PathVariable Long projectId, @PathVariable int version) {
        return this.mappings.version(projectId, version).document();
    }

}
