package dev.switchyard.mapping;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    MappingApiController(MappingService mappings, ProjectAccess access) {
        this.mappings = mappings;
        this.access = access;
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
