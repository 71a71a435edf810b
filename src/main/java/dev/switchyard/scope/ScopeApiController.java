package dev.switchyard.scope;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scope document in the automation API.
 */
@RestController
@Tag(name = "Scope", description = "What migrates, what is archived, what is excluded; submission and approval")
class ScopeApiController {

    private final ScopeService scope;

    private final ScopeViews views;

    private final ProjectAccess access;

    private final ScopeComments comments;

    ScopeApiController(ScopeService scope, ScopeViews views, ProjectAccess access, ScopeComments comments) {
        this.scope = scope;
        this.views = views;
        this.access = access;
        this.comments = comments;
    }

    /**
     * A comment.
     *
     * @param object the line's object, or null for the whole document
     * @param author who wrote it
     * @param at when
     * @param text what
     */
    record CommentJson(String object, String author, Instant at, String text) {

        static CommentJson of(ScopeComments.Entry entry) {
            return new CommentJson(entry.object(), entry.comment().getAuthor(), entry.comment().getCreatedAt(),
                    entry.comment().getText());
        }

    }

    /**
     * A new comment.
     *
     * @param object the line's object, or null for the whole document
     * @param text the comment
     */
    record NewComment(String object, String text) {
    }

    @PostMapping("/api/v1/projects/{projectId}/scope/versions/{version}/comments")
    @Operation(summary = "Comment on a scope version, on one line or overall (any member)",
            description = "201 with the comment; 422 for an empty comment or an unknown line.")
    org.springframework.http.ResponseEntity<CommentJson> comment(@PathVariable Long projectId,
            @PathVariable int version, @RequestBody NewComment request) {
        ScopeComments.Entry entry = this.comments.add(projectId, version, request.object(), request.text());
        return org.springframework.http.ResponseEntity
            .created(java.net.URI.create("/api/v1/projects/" + projectId + "/scope/versions/" + version))
            .body(CommentJson.of(entry));
    }

    /**
     * The scope as the API reads and writes it.
     *
     * @param version the version number
     * @param status DRAFT, SUBMITTED, APPROVED or REJECTED
     * @param snapshotId the snapshot its record counts come from
     * @param createdBy who created the version
     * @param submittedBy who submitted it
     * @param submittedAt when
     * @param decidedBy who approved or rejected it
     * @param decidedAt when
     * @param comment the stakeholder's comment
     * @param contentHash the SHA-256 of the approved content
     * @param lines its lines
     * @param comments its comments, oldest first
     */
    record ScopeJson(int version, String status, Long snapshotId, String createdBy, String submittedBy,
            Instant submittedAt, String decidedBy, Instant decidedAt, String comment, String contentHash,
            List<LineJson> lines, List<CommentJson> comments) {
    }

    /**
     * A line.
     *
     * @param object the source object
     * @param field a field, or null
     * @param decision MIGRATE, ARCHIVE or EXCLUDE
     * @param rationale why
     * @param rules the record rules
     * @param records records per decision in the latest snapshot, or null before any
     * @param problems what is wrong with the rules (a field that no longer exists …)
     */
    record LineJson(String object, String field, String decision, String rationale, List<Map<String, Object>> rules,
            Map<String, Long> records, List<String> problems) {
    }

    /**
     * A save: the lines, and the version they were read at.
     *
     * @param version the version read
     * @param lines the lines
     */
    record SaveScope(Integer version, List<ScopeLineInput> lines) {
    }

    /**
     * A stakeholder's decision.
     *
     * @param comment the comment (required to reject)
     */
    record DecisionComment(String comment) {
    }

    @GetMapping("/api/v1/projects/{projectId}/scope")
    @Operation(summary = "The latest scope version", description = "404 before the first completed extraction.")
    ScopeJson latest(@PathVariable Long projectId) {
        return json(this.scope.latest(projectId)
            .orElseThrow(() -> new NotFoundException(
                    "This project has no scope yet: it is created by the first completed extraction")));
    }

    @GetMapping("/api/v1/projects/{projectId}/scope/versions/{version}")
    @Operation(summary = "Any scope version")
    ScopeJson version(@PathVariable Long projectId, @PathVariable int version) {
        return json(this.scope.version(projectId, version));
    }

    @PutMapping("/api/v1/projects/{projectId}/scope")
    @Operation(summary = "Save the scope", description = "Body: the scope as read, with the version it was read at. A "
            + "draft is saved in place; an approved (or submitted, or rejected) latest version stays as it is and "
            + "the save becomes draft v+1. 409 only when the version read is no longer the latest; 422 for "
            + "invalid lines.")
    ScopeJson save(@PathVariable Long projectId, @RequestBody SaveScope request) {
        this.access.require(projectId, ProjectRole.ANALYST);
        if (request.version() == null) {
            throw new InvalidInputException("version", "Give the version the scope was read at");
        }
        return json(
                this.scope.save(projectId, request.version(), (request.lines() != null) ? request.lines() : List.of()));
    }

    @PostMapping("/api/v1/projects/{projectId}/scope/submit")
    @Operation(summary = "Submit the draft for approval", description = "Notifies the project's stakeholders. "
            + "200 with the scope; 409 when the latest version is not a draft.")
    ScopeJson submit(@PathVariable Long projectId) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return json(this.scope.submit(projectId));
    }

    @PostMapping("/api/v1/projects/{projectId}/scope/approve")
    @Operation(summary = "Approve the submitted scope (project STAKEHOLDERs only)",
            description = "Records who, when and the SHA-256 of the content. 200 with the scope; 403 for anyone "
                    + "who is not a stakeholder of the project; 409 when nothing is submitted.")
    ScopeJson approve(@PathVariable Long projectId, @RequestBody(required = false) DecisionComment request) {
        this.access.requireMemberRole(projectId, ProjectRole.STAKEHOLDER);
        return json(this.scope.decide(projectId, true, (request != null) ? request.comment() : null));
    }

    @PostMapping("/api/v1/projects/{projectId}/scope/reject")
    @Operation(summary = "Reject the submitted scope with a comment (project STAKEHOLDERs only)")
    ScopeJson reject(@PathVariable Long projectId, @RequestBody(required = false) DecisionComment request) {
        this.access.requireMemberRole(projectId, ProjectRole.STAKEHOLDER);
        return json(this.scope.decide(projectId, false, (request != null) ? request.comment() : null));
    }

    private ScopeJson json(ScopeVersion version) {
        List<ScopeViews.LineView> lines = this.views.lines(version);
        return new ScopeJson(version.getVersion(), version.getStatus().name(), version.getSnapshotId(),
                version.getCreatedBy(), version.getSubmittedBy(), version.getSubmittedAt(), version.getDecidedBy(),
                version.getDecidedAt(), version.getDecisionComment(), version.getContentHash(),
                lines.stream()
                    .map((l) -> new LineJson(l.line().getObject(), l.line().getField(), l.line().getDecision().name(),
                            l.line().getRationale(), l.line().getRules(), l.records(), l.problems()))
                    .toList(),
                this.comments.of(version).stream().map(CommentJson::of).toList());
    }

}
