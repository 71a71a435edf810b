package dev.switchyard.extraction;

import java.time.Clock;
import java.util.List;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.staging.ExtractionMode;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.staging.StagingStore;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts, cancels and recovers extractions. Each runs in the background on the bounded
 * extraction executor once the request's transaction has committed.
 */
@Service
public class ExtractionService {

    private static final Logger log = LoggerFactory.getLogger(ExtractionService.class);

    private final SnapshotLifecycle snapshots;

    private final ConnectionService connections;

    private final StagingStore store;

    private final ExtractionRunner runner;

    private final CancellationFlags flags;

    private final TaskExecutor executor;

    private final AuditLog audit;

    private final Clock clock;

    ExtractionService(SnapshotLifecycle snapshots, ConnectionService connections, StagingStore store,
            ExtractionRunner runner, CancellationFlags flags, @Qualifier("extractionExecutor") TaskExecutor executor,
            AuditLog audit, Clock clock) {
        this.snapshots = snapshots;
        this.connections = connections;
        this.store = store;
        this.runner = runner;
        this.flags = flags;
        this.executor = executor;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Queues an extraction of the project's source.
     * @param projectId the project
     * @param modeName full or delta
     * @return the queued snapshot
     */
    @Transactional
    public Snapshot start(Long projectId, String modeName) {
        ExtractionMode mode;
        try {
            mode = ExtractionMode.parse((modeName == null || modeName.isBlank()) ? "full" : modeName);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("mode", ex.getMessage());
        }
        DataConnection source = this.connections.source(projectId)
            .orElseThrow(() -> new InvalidInputException("source", "Connect a source first"));
        Snapshot snapshot = this.snapshots.queue(projectId, source.getId(), mode, CurrentUser.require().getUsername(),
                300);
        this.audit.record(projectId, "Extraction", snapshot.getId(), "started",
                mode.name().toLowerCase() + " extraction of '" + source.getName() + "'");
        long id = snapshot.getId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ExtractionService.this.executor.execute(() -> ExtractionService.this.runner.run(id));
            }
        });
        return snapshot;
    }

    /**
     * @param snapshotId a snapshot completed since this instance started
     * @return where its time went
     */
    public java.util.Optional<ExtractionTimings> timings(long snapshotId) {
        return this.runner.timings(snapshotId);
    }

    /**
     * Asks an extraction to stop; what it staged is discarded.
     * @param snapshotId the snapshot
     * @return the snapshot
     */
    @Transactional
    public Snapshot cancel(Long snapshotId) {
        Snapshot snapshot = this.snapshots.get(snapshotId);
        if (snapshot.getStatus().isFinished()) {
            throw new dev.switchyard.system.ConflictException(
                    "This extraction has already ended (" + snapshot.getStatus() + ")");
        }
        this.flags.cancel(snapshotId);
        this.store.requestCancel(snapshotId);
        this.audit.record(snapshot.getProjectId(), "Extraction", snapshotId, "cancel requested", null);
        return snapshot;
    }

    /**
     * Extractions that were queued or running when Switchyard stopped cannot resume
     * (their partial staging is not trustworthy): they are marked FAILED and their staged
     * rows removed, so that they can simply be started again.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void failInterrupted() {
        List<Snapshot> active = this.snapshots.active();
        for (Snapshot snapshot : active) {
            log.warn("Extraction {} was interrupted by a restart: marking it FAILED", snapshot.getId());
            this.store.dropPartition(snapshot.getId());
            this.store.status(snapshot.getId(), JobStatus.FAILED.name(), null, this.clock.instant(),
                    "Interrupted: Switchyard stopped while this extraction ran. Start it again.");
        }
    }

}
