package dev.switchyard.staging;

import java.time.Duration;
import java.time.Instant;

import dev.switchyard.system.JobStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One extraction of the source into staging: its status, progress and totals. The records
 * themselves are in the snapshot's partition of {@code staged_record}.
 */
@Entity
@Table(name = "snapshot")
public class Snapshot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "connection_id")
    private Long connectionId;

    @Enumerated(EnumType.STRING)
    private ExtractionMode mode;

    @Enumerated(EnumType.STRING)
    private JobStatus status;

    @Column(name = "base_snapshot_id")
    private Long baseSnapshotId;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "queued_at")
    private Instant queuedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "objects_total")
    private int objectsTotal;

    @Column(name = "objects_done")
    private int objectsDone;

    private long records;

    private int problems;

    @Column(name = "overlap_seconds")
    private int overlapSeconds;

    @Column(name = "cancel_requested")
    private boolean cancelRequested;

    private String message;

    @jakarta.persistence.Version
    private long version;

    protected Snapshot() {
    }

    Snapshot(Long projectId, Long connectionId, ExtractionMode mode, Long baseSnapshotId, String requestedBy,
            Instant queuedAt, int overlapSeconds) {
        this.projectId = projectId;
        this.connectionId = connectionId;
        this.mode = mode;
        this.baseSnapshotId = baseSnapshotId;
        this.requestedBy = requestedBy;
        this.queuedAt = queuedAt;
        this.overlapSeconds = overlapSeconds;
        this.status = JobStatus.QUEUED;
    }

    public Long getId() {
        return this.id;
    }

    public Long getProjectId() {
        return this.projectId;
    }

    public Long getConnectionId() {
        return this.connectionId;
    }

    public ExtractionMode getMode() {
        return this.mode;
    }

    public JobStatus getStatus() {
        return this.status;
    }

    public Long getBaseSnapshotId() {
        return this.baseSnapshotId;
    }

    public String getRequestedBy() {
        return this.requestedBy;
    }

    public Instant getQueuedAt() {
        return this.queuedAt;
    }

    public Instant getStartedAt() {
        return this.startedAt;
    }

    public Instant getFinishedAt() {
        return this.finishedAt;
    }

    public int getObjectsTotal() {
        return this.objectsTotal;
    }

    public int getObjectsDone() {
        return this.objectsDone;
    }

    public long getRecords() {
        return this.records;
    }

    public int getProblems() {
        return this.problems;
    }

    public int getOverlapSeconds() {
        return this.overlapSeconds;
    }

    public boolean isCancelRequested() {
        return this.cancelRequested;
    }

    public String getMessage() {
        return this.message;
    }

    /**
     * @return the time it took (or has taken so far), or null before it started
     */
    public Duration getDuration() {
        if (this.startedAt == null) {
            return null;
        }
        return Duration.between(this.startedAt, (this.finishedAt != null) ? this.finishedAt : Instant.now());
    }

    /**
     * @return progress in percent, by objects done
     */
    public int getPercent() {
        if (this.status.isFinished()) {
            return 100;
        }
        return (this.objectsTotal == 0) ? 0 : Math.min(99, 100 * this.objectsDone / this.objectsTotal);
    }

}
