package dev.switchyard.scope;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.notification.NotificationService;
import dev.switchyard.project.ProjectMember;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.ProjectService;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scope document's lifecycle: the first snapshot creates draft v1; a draft is saved
 * in place; saving any other latest version creates the next draft; a draft is submitted
 * and then approved or rejected by a stakeholder. An approved version records who, when
 * and the SHA-256 of its content, and never changes.
 */
@Service
public class ScopeService {

    private final ScopeVersionRepository versions;

    private final ProjectService projects;

    private final NotificationService notifications;

    private final AuditLog audit;

    private final Clock clock;

    private final ScopeViews views;

    private final jakarta.persistence.EntityManager entityManager;

    ScopeService(ScopeVersionRepository versions, ProjectService projects, NotificationService notifications,
            AuditLog audit, Clock clock, ScopeViews views, jakarta.persistence.EntityManager entityManager) {
        this.versions = versions;
        this.projects = projects;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.views = views;
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public Optional<ScopeVersion> latest(Long projectId) {
        return this.versions.findFirstByProjectIdOrderByVersionDesc(projectId).map(ScopeService::loaded);
    }

    /**
     * @param projectId the project
     * @return its latest approved version, which production runs use
     */
    @Transactional(readOnly = true)
    public Optional<ScopeVersion> latestApproved(Long projectId) {
        return this.versions.findFirstByProjectIdAndStatusOrderByVersionDesc(projectId, ScopeStatus.APPROVED)
            .map(ScopeService::loaded);
    }

    @Transactional(readOnly = true)
    public ScopeVersion version(Long projectId, int version) {
        return this.versions.findByProjectIdAndVersion(projectId, version)
            .map(ScopeService::loaded)
            .orElseThrow(() -> new NotFoundException("Scope version " + version + " does not exist"));
    }

    @Transactional(readOnly = true)
    public List<ScopeVersion> history(Long projectId) {
        return this.versions.findByProjectIdOrderByVersionDesc(projectId);
    }

    /**
     * Called when a snapshot completes: creates draft v1 with one MIGRATE line per source
     * object, or adds the new objects to the current draft. Approved, submitted and
     * rejected versions are left alone; their successor draft picks the new objects up
     * when it is created.
     * @param projectId the project
     * @param snapshotId the snapshot
     * @param objects the snapshot's objects
     */
    @Transactional
    public void snapshotCompleted(Long projectId, Long snapshotId, List<String> objects) {
        Optional<ScopeVersion> latest = this.versions.findFirstByProjectIdOrderByVersionDesc(projectId);
        if (latest.isEmpty()) {
            ScopeVersion draft = new ScopeVersion(projectId, 1, snapshotId, AuditLog.SYSTEM, this.clock.instant());
            int position = 0;
            for (String object : objects) {
                draft.getLines().add(new ScopeLine(draft, position++, object, null, Decision.MIGRATE, null, List.of()));
            }
            this.versions.save(draft);
            this.audit.recordAs(AuditLog.SYSTEM, projectId, "Scope", 1, "draft created",
                    "v1 with " + objects.size() + " objects, all MIGRATE");
            return;
        }
        ScopeVersion current = latest.get();
        if (current.getStatus() == ScopeStatus.DRAFT) {
            List<String> added = addMissing(current, objects);
            current.setSnapshotId(snapshotId);
            if (!added.isEmpty()) {
                this.audit.recordAs(AuditLog.SYSTEM, projectId, "Scope", current.getVersion(), "objects added",
                        "v" + current.getVersion() + ": " + String.join(", ", added) + " (MIGRATE)");
            }
        }
    }

    /**
     * Saves the scope as read at {@code readVersion}: a draft in place, any other latest
     * version as the next draft.
     * @param projectId the project
     * @param readVersion the version the client read
     * @param lines the lines
     * @return the saved draft
     * @throws ConflictException when a newer version exists than the one read
     */
    @Transactional
    public ScopeVersion save(Long projectId, int readVersion, List<ScopeLineInput> lines) {
        return save(projectId, readVersion, null, lines);
    }

    /**
     * Saves the scope as read at {@code readVersion}, refusing when the draft itself was
     * saved by someone else since it was read (its row version moved on).
     * @param projectId the project
     * @param readVersion the version the client read
     * @param readRowVersion the draft's row version when it was read, or null not to
     * check
     * @param lines the lines
     * @return the saved draft
     */
    @Transactional
    public ScopeVersion save(Long projectId, int readVersion, Long readRowVersion, List<ScopeLineInput> lines) {
        ScopeVersion latest = this.versions.findFirstByProjectIdOrderByVersionDesc(projectId)
            .orElseThrow(() -> new InvalidInputException("version",
                    "There is no scope yet: it is created by the first completed extraction"));
        if (readVersion != latest.getVersion()) {
            throw new ConflictException("version", "The scope was read at v" + readVersion + " but v"
                    + latest.getVersion() + " is now the latest: read it again and reapply your change");
        }
        if (readRowVersion != null && latest.getStatus() == ScopeStatus.DRAFT
                && readRowVersion != latest.getRowVersion()) {
            throw new ConflictException("version", "Someone else saved draft v" + latest.getVersion()
                    + " while you were editing it. Your changes are still in the form below: reload the page in another "
                    + "tab to see theirs, then save again");
        }
        List<ScopeLine> replacement = new ArrayList<>();
        ScopeVersion target = latest;
        if (latest.getStatus() != ScopeStatus.DRAFT) {
            target = new ScopeVersion(projectId, latest.getVersion() + 1, latest.getSnapshotId(),
                    CurrentUser.require().getUsername(), this.clock.instant());
        }
        Set<String> seen = new HashSet<>();
        int position = 0;
        for (ScopeLineInput input : lines) {
            String object = (input.object() != null) ? input.object().trim() : "";
            if (object.isEmpty()) {
                throw new InvalidInputException("lines", "Line " + (position + 1) + " names no object");
            }
            String field = (input.field() != null && !input.field().isBlank()) ? input.field().trim() : null;
            if (!seen
                .add(object.toLowerCase(Locale.ROOT) + "." + ((field != null) ? field.toLowerCase(Locale.ROOT) : ""))) {
                throw new InvalidInputException("lines", "Line " + (position + 1) + ": " + object
                        + ((field != null) ? "." + field : "") + " appears twice");
            }
            Decision decision;
            try {
                decision = Decision.parse(input.decision());
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidInputException("lines", "Line " + (position + 1) + ": " + ex.getMessage());
            }
            String rationale = (input.rationale() != null && !input.rationale().isBlank()) ? input.rationale().trim()
                    : null;
            if (rationale != null && rationale.length() > 4000) {
                throw new InvalidInputException("lines", "Line " + (position + 1) + ": the rationale is too long");
            }
            List<Map<String, Object>> rules = (input.rules() != null) ? input.rules() : List.of();
            this.views.rules(rules);
            replacement.add(new ScopeLine(target, position++, object, field, decision, rationale, rules));
        }
        target.getLines().clear();
        target.getLines().addAll(replacement);
        if (target.getId() != null) {
            // the lines are the content: changing them must move the draft's version on
            this.entityManager.lock(target, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        ScopeVersion saved = this.versions.saveAndFlush(target);
        this.audit
            .record(projectId, "Scope", saved.getVersion(), (saved == latest) ? "draft saved" : "draft created", "v"
                    + saved.getVersion() + ": " + replacement.size() + " lines"
                    + ((saved == latest) ? "" : " (from v" + latest.getVersion() + ", " + latest.getStatus() + ")"));
        return loaded(saved);
    }

    /**
     * Submits the draft for approval and tells the project's stakeholders.
     * @param projectId the project
     * @return the submitted version
     */
    @Transactional
    public ScopeVersion submit(Long projectId) {
        ScopeVersion latest = requireLatest(projectId, ScopeStatus.DRAFT, "submitted");
        for (ScopeViews.LineView line : this.views.lines(latest)) {
            if (!line.problems().isEmpty()) {
                throw new ConflictException("The line " + line.line().getObject() + " has a rule problem: "
                        + line.problems().get(0) + ". Fix it before submitting");
            }
        }
        String who = CurrentUser.require().getUsername();
        latest.submit(who, this.clock.instant());
        List<Long> stakeholders = this.projects.members(projectId)
            .stream()
            .filter((m) -> m.getRole() == ProjectRole.STAKEHOLDER)
            .map((ProjectMember m) -> m.getUser().getId())
            .distinct()
            .toList();
        this.notifications.notify(
                stakeholders, projectId, who + " submitted scope v" + latest.getVersion() + " of '"
                        + this.projects.get(projectId).getName() + "' for your approval",
                "/projects/" + projectId + "/scope");
        this.audit.record(projectId, "Scope", latest.getVersion(), "submitted",
                "v" + latest.getVersion() + " submitted; " + stakeholders.size() + " stakeholders notified");
        return loaded(latest);
    }

    /**
     * Approves or rejects the submitted version (the caller checked the STAKEHOLDER
     * role).
     * @param projectId the project
     * @param approve whether to approve
     * @param comment the stakeholder's comment
     * @return the decided version
     */
    @Transactional
    public ScopeVersion decide(Long projectId, boolean approve, String comment) {
        ScopeVersion latest = requireLatest(projectId, ScopeStatus.SUBMITTED, approve ? "approved" : "rejected");
        String text = (comment != null && !comment.isBlank()) ? comment.trim() : null;
        if (!approve && text == null) {
            throw new InvalidInputException("comment", "Say why the scope is rejected");
        }
        if (text != null && text.length() > 4000) {
            throw new InvalidInputException("comment", "The comment must have at most 4000 characters");
        }
        String hash = approve ? ScopeHash.of(latest.getLines()) : null;
        latest.decide(approve ? ScopeStatus.APPROVED : ScopeStatus.REJECTED, CurrentUser.require().getUsername(),
                this.clock.instant(), text, hash);
        this.audit.record(projectId, "Scope", latest.getVersion(), approve ? "approved" : "rejected",
                "v" + latest.getVersion() + ((hash != null) ? " (SHA-256 " + hash + ")" : "")
                        + ((text != null) ? ": " + text : ""));
        return loaded(latest);
    }

    private ScopeVersion requireLatest(Long projectId, ScopeStatus expected, String action) {
        ScopeVersion latest = this.versions.findFirstByProjectIdOrderByVersionDesc(projectId)
            .orElseThrow(() -> new NotFoundException("This project has no scope yet"));
        if (latest.getStatus() != expected) {
            throw new ConflictException("Scope v" + latest.getVersion() + " is " + latest.getStatus() + ": only a "
                    + expected + " version can be " + action);
        }
        return latest;
    }

    private static List<String> addMissing(ScopeVersion draft, List<String> objects) {
        Set<String> present = new HashSet<>();
        draft.getLines().forEach((line) -> present.add(line.getObject().toLowerCase(Locale.ROOT)));
        List<String> added = new ArrayList<>();
        int position = draft.getLines().size();
        for (String object : objects) {
            if (present.add(object.toLowerCase(Locale.ROOT))) {
                draft.getLines().add(new ScopeLine(draft, position++, object, null, Decision.MIGRATE, null, List.of()));
                added.add(object);
            }
        }
        return added;
    }

    private static ScopeVersion loaded(ScopeVersion version) {
        version.getLines().size();
        return version;
    }

}
