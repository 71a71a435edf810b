package dev.switchyard.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Something a user should look at, shown on their home page until they open it.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "project_id")
    private Long projectId;

    private String message;

    private String link;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(Long userId, Long projectId, String message, String link, Instant createdAt) {
        this.userId = userId;
        this.projectId = projectId;
        this.message = message;
        this.link = link;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return this.id;
    }

    public Long getUserId() {
        return this.userId;
    }

    public Long getProjectId() {
        return this.projectId;
    }

    public String getMessage() {
        return this.message;
    }

    public String getLink() {
        return this.link;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

    public Instant getReadAt() {
        return this.readAt;
    }

    void markRead(Instant at) {
        this.readAt = at;
    }

}
