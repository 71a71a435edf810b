package dev.switchyard.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One state change: who did what to which entity, when, in which project, with a
 * before/after summary. The table is append-only (a database trigger refuses updates and
 * deletes).
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "entity_type")
    private String entityType;

    @Column(name = "entity_id")
    private String entityId;

    private String action;

    private String summary;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, Long projectId, String entityType, String entityId, String action,
            String summary) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.projectId = projectId;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.summary = summary;
    }

    public Long getId() {
        return this.id;
    }

    public Instant getOccurredAt() {
        return this.occurredAt;
    }

    public String getActor() {
        return this.actor;
    }

    public Long getProjectId() {
        return this.projectId;
    }

    public String getEntityType() {
        return this.entityType;
    }

    public String getEntityId() {
        return this.entityId;
    }

    public String getAction() {
        return this.action;
    }

    public String getSummary() {
        return this.summary;
    }

}
