package dev.switchyard.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every state change in the append-only audit log, and reads it back.
 */
@Service
public class AuditLog {

    /** The actor recorded for changes made by Switchyard itself. */
    public static final String SYSTEM = "system";

    private static final int SUMMARY_LIMIT = 4000;

    private final AuditEventRepository events;

    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a change made by the current user (or {@link #SYSTEM}), in the caller's
     * transaction so that the change and its record commit together.
     * @param projectId the project, or null for a global change
     * @param entityType the kind of thing changed, such as {@code Project}
     * @param entityId its id
     * @param action what happened, such as {@code created}
     * @param summary the before/after summary
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Long projectId, String entityType, Object entityId, String action, String summary) {
        recordAs(currentActor(), projectId, entityType, entityId, action, summary);
    }

    /**
     * Records a change on behalf of a named actor (used where no user is signed in yet,
     * such as a login).
     * @param actor the user name
     * @param projectId the project, or null
     * @param entityType the kind of thing changed
     * @param entityId its id
     * @param action what happened
     * @param summary the before/after summary
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String actor, Long projectId, String entityType, Object entityId, String action,
            String summary) {
        String text = summary;
        if (text != null && text.length() > SUMMARY_LIMIT) {
            text = text.substring(0, SUMMARY_LIMIT - 1) + "…";
        }
        this.events.save(new AuditEvent(this.clock.instant(), actor, projectId, entityType,
                (entityId != null) ? entityId.toString() : null, action, text));
    }

    /**
     * A page of events, newest first.
     * @param projectId a project, or null for all
     * @param filter the filters
     * @param pageable the page
     * @return the events
     */
    @Transactional(readOnly = true)
    public Page<AuditEvent> search(Long projectId, AuditFilter filter, Pageable pageable) {
        return this.events.search(projectId, filter.actorOrBlank(), filter.textOrBlank(), filter.fromInstant(),
                filter.toInstant(), pageable);
    }

    /**
     * The latest events of a project.
     * @param projectId the project
     * @return up to ten events, newest first
     */
    @Transactional(readOnly = true)
    public List<AuditEvent> recent(Long projectId) {
        return this.events.findTop10ByProjectIdOrderByOccurredAtDescIdDesc(projectId);
    }

    static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) ? authentication.getName() : SYSTEM;
    }

}
