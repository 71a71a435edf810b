package dev.switchyard.scope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One version of a project's scope document: its lines, its status, and who submitted and
 * decided it. An approved version records a hash of its content and never changes.
 */
@Entity
@Table(name = "scope_version")
public class ScopeVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private Long projectId;

    private int version;

    @Enumerated(EnumType.STRING)
    private ScopeStatus status = ScopeStatus.DRAFT;

    @Column(name = "snapshot_id")
    private Long snapshotId;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_comment")
    private String decisionComment;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    @OneToMany(mappedBy = "scopeVersion", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ScopeLine> lines = new ArrayList<>();

    protected ScopeVersion() {
    }

    ScopeVersion(Long projectId, int version, Long snapshotId, String createdBy, Instant createdAt) {
        this.projectId = projectId;
        this.version = version;
        this.snapshotId = snapshotId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return this.id;
    }

    public Long getProjectId() {
        return this.projectId;
    }

    public int getVersion() {
        return this.version;
    }

    public ScopeStatus getStatus() {
        return this.status;
    }

    public Long getSnapshotId() {
        return this.snapshotId;
    }

    void setSnapshotId(Long snapshotId) {
        this.snapshotId = snapshotId;
    }

    public String getContentHash() {
        return this.contentHash;
    }

    public String getCreatedBy() {
        return this.createdBy;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

    public String getSubmittedBy() {
        return this.submittedBy;
    }

    public Instant getSubmittedAt() {
        return this.submittedAt;
    }

    public String getDecidedBy() {
        return this.decidedBy;
    }

    public Instant getDecidedAt() {
        return this.decidedAt;
    }

    public String getDecisionComment() {
        return this.decisionComment;
    }

    public long getRowVersion() {
        return this.rowVersion;
    }

    public List<ScopeLine> getLines() {
        return this.lines;
    }

    void submit(String by, Instant at) {
        this.status = ScopeStatus.SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = at;
    }

    void decide(ScopeStatus decision, String by, Instant at, String comment, String hash) {
        this.status = decision;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionComment = comment;
        this.contentHash = hash;
    }

}
