package dev.switchyard.scope;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A comment on a scope version, about one of its lines or about the whole document.
 */
@Entity
@Table(name = "scope_comment")
public class ScopeComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "scope_version_id")
    private Long scopeVersionId;

    @Column(name = "line_id")
    private Long lineId;

    private String author;

    @Column(name = "created_at")
    private Instant createdAt;

    private String text;

    protected ScopeComment() {
    }

    ScopeComment(Long scopeVersionId, Long lineId, String author, Instant createdAt, String text) {
        this.scopeVersionId = scopeVersionId;
        this.lineId = lineId;
        this.author = author;
        this.createdAt = createdAt;
        this.text = text;
    }

    public Long getId() {
        return this.id;
    }

    public Long getLineId() {
        return this.lineId;
    }

    public String getAuthor() {
        return this.author;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

    public String getText() {
        return this.text;
    }

}
