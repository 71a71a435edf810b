package dev.switchyard.staging;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

import dev.switchyard.system.ConflictException;
import dev.switchyard.system.JobStatus;
import dev.switchyard.system.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates snapshots and reads them; the extraction feature drives them through their
 * states.
 */
@Service
public class SnapshotLifecycle {

    private static final EnumSet<JobStatus> ACTIVE = EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING,
            JobStatus.WAITING_FOR_BUDGET);

    private static final EnumSet<JobStatus> USABLE = EnumSet.of(JobStatus.COMPLETED, JobStatus.COMPLETED_WITH_ERRORS);

    private final SnapshotRepository snapshots;

    private final Clock clock;

    SnapshotLifecycle(SnapshotRepository snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /**
     * Queues a new snapshot.
     * @param projectId the project
     * @param connectionId the source connection
     * @param mode full or delta
     * @param requestedBy who asked
     * @param overlapSeconds the delta overlap window
     * @return the queued snapshot
     * @throws ConflictException when an extraction of the project is already queued or
     * running, or a delta has no completed snapshot to compare with
     */
    @Transactional
    public Snapshot queue(Long projectId, Long connectionId, ExtractionMode mode, String requestedBy,
            int overlapSeconds) {
        if (this.snapshots.existsByProjectIdAndStatusIn(projectId, ACTIVE)) {
            throw new ConflictException("An extraction of this project is already queued or running");
        }
        Long base = latestUsable(projectId).map(Snapshot::getId).orElse(null);
        if (mode == ExtractionMode.DELTA && base == null) {
            throw new ConflictException("mode",
                    "A delta needs a completed extraction to compare with: run a full extraction first");
        }
        return this.snapshots
            .save(new Snapshot(projectId, connectionId, mode, base, requestedBy, this.clock.instant(), overlapSeconds));
    }

    /**
     * @param projectId the project
     * @return its latest completed snapshot
     */
    @Transactional(readOnly = true)
    public Optional<Snapshot> latestUsable(Long projectId) {
        return this.snapshots.findFirstByProjectIdAndStatusInOrderByIdDesc(projectId, USABLE);
    }

    @Transactional(readOnly = true)
    public Snapshot get(Long id) {
        return this.snapshots.findById(id).orElseThrow(() -> NotFoundException.of("Extraction", id));
    }

    /**
     * @param projectId a project
     * @param id a snapshot
     * @return the snapshot, when it belongs to the project
     * @throws NotFoundException otherwise
     */
    @Transactional(readOnly = true)
    public Snapshot inProject(Long projectId, Long id) {
        Snapshot snapshot = get(id);
        if (!snapshot.getProjectId().equals(projectId)) {
            throw NotFoundException.of("Extraction", id);
        }
        return snapshot;
    }

    @Transactional(readOnly = true)
    public Page<Snapshot> list(Long projectId, Pageable pageable) {
        return this.snapshots.findByProjectIdOrderByIdDesc(projectId, pageable);
    }

    @Transactional(readOnly = true)
    public java.util.List<Snapshot> active() {
        return this.snapshots.findByStatusIn(ACTIVE);
    }

    @Transactional(readOnly = true)
    public boolean isActive(Long projectId) {
        return this.snapshots.existsByProjectIdAndStatusIn(projectId, ACTIVE);
    }

}
