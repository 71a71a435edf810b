package dev.switchyard.scope;

import java.time.Clock;
import java.util.List;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.system.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on scope versions, per line or overall, by any member of the project.
 */
@Service
public class ScopeComments {

    private final ScopeCommentRepository comments;

    private final ScopeService scope;

    private final AuditLog audit;

    private final Clock clock;

    ScopeComments(ScopeCommentRepository comments, ScopeService scope, AuditLog audit, Clock clock) {
        this.comments = comments;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A comment with the line it is about.
     *
     * @param object the line's object, or null for the whole document
     * @param comment the comment
     */
    public record Entry(String object, ScopeComment comment) {
    }

    /**
     * Adds a comment.
     * @param projectId the project
     * @param version the version commented on
     * @param object the line's object, or blank for the whole document
     * @param text the comment
     * @return the comment
     */
    @Transactional
    public Entry add(Long projectId, int version, String object, String text) {
        ScopeVersion scope = this.scope.version(projectId, version);
        String body = (text != null) ? text.trim() : "";
        if (body.isEmpty() || body.length() > 4000) {
            throw new InvalidInputException("text", "Write a comment of 1 to 4000 characters");
        }
        Long lineId = null;
        String about = null;
        if (object != null && !object.isBlank()) {
            ScopeLine line = scope.getLines()
                .stream()
                .filter((l) -> l.getObject().equalsIgnoreCase(object.trim()) && l.getField() == null)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("object",
                        "Scope v" + version + " has no line for " + object.trim()));
            lineId = line.getId();
            about = line.getObject();
        }
        ScopeComment saved = this.comments.save(new ScopeComment(scope.getId(), lineId,
                CurrentUser.require().getUsername(), this.clock.instant(), body));
        this.audit.record(projectId, "ScopeComment", saved.getId(), "commented",
                "v" + version + ((about != null) ? " " + about : "") + ": " + body);
        return new Entry(about, saved);
    }

    /**
     * @param scope a version
     * @return its comments, oldest first
     */
    @Transactional(readOnly = true)
    public List<Entry> of(ScopeVersion scope) {
        return this.comments.findByScopeVersionIdOrderByCreatedAtAscIdAsc(scope.getId())
            .stream()
            .map((c) -> new Entry(scope.getLines()
                .stream()
                .filter((l) -> l.getId().equals(c.getLineId()))
                .map(ScopeLine::getObject)
                .findFirst()
                .orElse(null), c))
            .toList();
    }

}
