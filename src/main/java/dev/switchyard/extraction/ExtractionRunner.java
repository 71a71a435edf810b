package dev.switchyard.extraction;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import dev.switchyard.audit.AuditLog;
import dev.switchyard.connection.ApiBudgetProperties;
import dev.switchyard.connection.ConnectionService;
import dev.switchyard.scope.ScopeService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.NulCharacters;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;
import dev.switchyard.staging.ExtractionMode;
import dev.switchyard.staging.ModifiedTimestamps;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.staging.StagingStore;
import dev.switchyard.staging.StagingWriter;
import dev.switchyard.system.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Runs one extraction: describes the source, streams every object into the snapshot's
 * staging partition, compares a delta with the previous snapshot, and has the dictionary,
 * profile and findings stored before the snapshot is marked COMPLETED. Problems with
 * single records or objects are recorded and the rest goes on.
 */
@Component
class ExtractionRunner {

    private static final Logger log = LoggerFactory.getLogger(ExtractionRunner.class);

    private final SnapshotLifecycle snapshots;

    private final StagingStore store;

    private final ConnectionService connections;

    private final ConnectorRegistry registry;

    private final SnapshotAnalysis analysis;

    private final CancellationFlags flags;

    private final DataSource dataSource;

    private final Clock clock;

    private final AuditLog audit;

    private final ScopeService scope;

    private final ApiBudgetProperties budgets;

    ExtractionRunner(SnapshotLifecycle snapshots, StagingStore store, ConnectionService connections,
            ConnectorRegistry registry, SnapshotAnalysis analysis, CancellationFlags flags, DataSource dataSource,
            Clock clock, AuditLog audit, ScopeService scope, ApiBudgetProperties budgets) {
        this.budgets = budgets;
        this.snapshots = snapshots;
        this.store = store;
        this.connections = connections;
        this.registry = registry;
        this.analysis = analysis;
        this.flags = flags;
        this.dataSource = dataSource;
        this.clock = clock;
        this.audit = audit;
        this.scope = scope;
    }

    private final Map<Long, ExtractionTimings> timings = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param snapshotId a snapshot extracted since this instance started
     * @return where its time went, if it completed
     */
    java.util.Optional<ExtractionTimings> timings(long snapshotId) {
        return java.util.Optional.ofNullable(this.timings.get(snapshotId));
    }

    void run(long snapshotId) {
        Snapshot snapshot = this.snapshots.get(snapshotId);
        Progress progress = new Progress(snapshotId);
        long start = System.nanoTime();
        long staged = start;
        long indexed = start;
        double profiling = 0;
        try {
            if (cancelled(snapshotId)) {
                throw new ExtractionCancelled();
            }
            this.store.status(snapshotId, JobStatus.RUNNING.name(), this.clock.instant(), null, null);
            DataConnection connection = this.connections.get(snapshot.getConnectionId());
            ConnectionSettings settings = this.connections.settings(connection);
            BudgetWaits meter = new BudgetWaits(settings.meter(), this.budgets.checkInterval(),
                    () -> cancelled(snapshotId),
                    (reason) -> this.store.status(snapshotId, JobStatus.WAITING_FOR_BUDGET.name(), null, null,
                            "Waiting for the API budget after " + progress.records + " records: " + reason),
                    () -> this.store.status(snapshotId, JobStatus.RUNNING.name(), null, null,
                            "The API budget is back: extracting on"));
            settings = new ConnectionSettings(settings.type(), settings.files(), settings.options(), settings.secret(),
                    settings.idFields(), meter);
            try (SourceConnector connector = this.registry.open(settings)) {
                meter.probeWith(connector);
                SchemaSnapshot schema = connector.describe();
                progress.problems(schema.problems());
                if (schema.objects().isEmpty()) {
                    throw new ConnectorException("The source holds no objects to extract"
                            + (schema.problems().isEmpty() ? "" : ": " + schema.problems().get(0)));
                }
                this.store.createPartition(snapshotId);
                List<ObjectSchema> extracted = new ArrayList<>();
                progress.total = schema.objects().size();
                java.util.Set<String> windowed = new java.util.HashSet<>();
                for (ObjectSchema object : schema.objects()) {
                    ExtractWindow window = window(snapshot, connector, connection, object);
                    if (!window.isFull()) {
                        windowed.add(object.name());
                    }
                    if (extractObject(connector, connection, snapshotId, object, window, progress)) {
                        extracted.add(object);
                    }
                    progress.done++;
                    progress.save();
                }
                staged = System.nanoTime();
                profiling = this.analysis.profilingSeconds(snapshotId);
                progress.problems(this.store.indexPartition(snapshotId));
                if (snapshot.getMode() == ExtractionMode.DELTA && snapshot.getBaseSnapshotId() != null) {
                    for (ObjectSchema object : extracted) {
                        compareWithBase(connector, snapshot, object.name(), windowed.contains(object.name()));
                    }
                    progress.records = this.store.currentRecords(snapshotId);
                }
                this.store.attachPartition(snapshotId);
                indexed = System.nanoTime();
                this.analysis.complete(snapshot, schema, extracted);
                this.scope.snapshotCompleted(snapshot.getProjectId(), snapshotId,
                        extracted.stream().map(ObjectSchema::name).toList());
                progress.save();
            }
            long end = System.nanoTime();
            ExtractionTimings timing = new ExtractionTimings(snapshotId, progress.records, (end - start) / 1e9,
                    (staged - start) / 1e9, profiling, (indexed - staged) / 1e9, (end - indexed) / 1e9);
            this.timings.put(snapshotId, timing);
            log.info(
                    "Extraction {}: {} records in {} s (staging {} s, of which profiling {} s; indexing {} s; "
                            + "dictionary and findings {} s)",
                    snapshotId, timing.records(), round(timing.totalSeconds()), round(timing.stagingSeconds()),
                    round(timing.profilingSeconds()), round(timing.indexSeconds()), round(timing.analysisSeconds()));
            JobStatus status = (progress.problems > 0) ? JobStatus.COMPLETED_WITH_ERRORS : JobStatus.COMPLETED;
            this.store.status(snapshotId, status.name(), null, this.clock.instant(),
                    progress.records + " records staged from " + progress.total + " objects"
                            + ((progress.problems > 0) ? "; " + progress.problems + " problems recorded" : ""));
        }
        catch (ExtractionCancelled ex) {
            this.store.dropPartition(snapshotId);
            this.store.status(snapshotId, JobStatus.CANCELLED.name(), null, this.clock.instant(),
                    "Cancelled after " + progress.records + " records; nothing of it is kept");
        }
        catch (ConnectorException ex) {
            this.store.dropPartition(snapshotId);
            this.store.status(snapshotId, JobStatus.FAILED.name(), null, this.clock.instant(),
                    NulCharacters.strip(ex.getMessage()));
        }
        catch (RuntimeException ex) {
            log.error("Extraction {} failed", snapshotId, ex);
            this.store.dropPartition(snapshotId);
            this.store.status(snapshotId, JobStatus.FAILED.name(), null, this.clock.instant(),
                    "Unexpected error (the server log has the details): " + reason(ex));
        }
        finally {
            Snapshot ended = this.snapshots.get(snapshotId);
            this.audit.recordAs(AuditLog.SYSTEM, ended.getProjectId(), "Extraction", snapshotId,
                    ended.getStatus().name().toLowerCase(Locale.ROOT).replace('_', ' '), ended.getMessage());
            this.flags.clear(snapshotId);
            this.cancelCheckedAt.remove(snapshotId);
            this.analysis.forget(snapshotId);
        }
    }

    /**
     * The window to read: a delta from a source that filters by its last-modified field
     * reads from the previous snapshot's watermark minus the overlap; everything else
     * reads every record.
     */
    private ExtractWindow window(Snapshot snapshot, SourceConnector connector, DataConnection connection,
            ObjectSchema object) {
        String modifiedField = modifiedField(connection, object);
        if (snapshot.getMode() != ExtractionMode.DELTA || snapshot.getBaseSnapshotId() == null
                || !connector.filtersByWindow() || modifiedField == null) {
            return ExtractWindow.full();
        }
        Instant watermark = this.store.watermark(snapshot.getBaseSnapshotId(), object.name());
        return (watermark != null)
                ? new ExtractWindow(modifiedField, watermark.minusSeconds(snapshot.getOverlapSeconds()))
                : ExtractWindow.full();
    }

    /**
     * Classifies a delta's records against the previous snapshot by id and content hash.
     * A windowed read saw only the changed records: the others are carried over from the
     * previous snapshot, and those whose ids the source no longer lists are marked
     * deleted. A full read saw everything: the previous snapshot's records it did not see
     * are the deleted ones.
     */
    private void compareWithBase(SourceConnector connector, Snapshot snapshot, String object, boolean windowed) {
        long snapshotId = snapshot.getId();
        long baseId = snapshot.getBaseSnapshotId();
        Map<String, Object> counts = this.store.compare(snapshotId, baseId, object);
        long added = ((Number) counts.get("new_records")).longValue();
        long changed = ((Number) counts.get("changed_records")).longValue();
        long unchanged = ((Number) counts.get("unchanged")).longValue();
        long deleted;
        if (windowed) {
            long carried = this.store.carryUnread(snapshotId, baseId, object);
            deleted = this.store.markDeletedExcept(snapshotId, object, (ids) -> connector.listIds(object, ids));
            unchanged += carried - deleted;
        }
        else {
            deleted = this.store.carryDeleted(snapshotId, baseId, object);
        }
        this.store.recordDelta(snapshotId, object, added, changed, unchanged, deleted);
    }

    private boolean extractObject(SourceConnector connector, DataConnection connection, long snapshotId,
            ObjectSchema object, ExtractWindow window, Progress progress) {
        String modifiedField = modifiedField(connection, object);
        this.store.insertObject(snapshotId, object.name(), object.origin(), object.idField(), modifiedField,
                JobStatus.RUNNING.name());
        if (object.idField() == null) {
            boolean reported = progress.reported(object.name());
            if (!reported) {
                progress.problems(List.of(new ExtractionProblem(object.name(), object.origin(), null,
                        "No id column: choose one for this object; the object was skipped", null)));
            }
            this.store.finishObject(snapshotId, object.name(), "SKIPPED", 0, 1, null, 0);
            return false;
        }
        Instant started = this.clock.instant();
        long before = progress.records;
        try (Connection jdbc = this.dataSource.getConnection();
                StagingWriter writer = new StagingWriter(jdbc, StagingStore.partition(snapshotId), snapshotId)) {
            ObjectSink sink = new ObjectSink(object.name(), object.idField(), writer, modifiedField,
                    this.analysis.listener(snapshotId, object,
                            ConnectionService.categoryField(connection, object.name())),
                    () -> cancelled(snapshotId), (n) -> progress.records(before + n));
            try {
                connector.extract(object.name(), window, sink);
                writer.finish();
            }
            catch (ConnectorException ex) {
                sink.problem(new ExtractionProblem(object.name(), object.origin(), null, ex.getMessage(), null));
                writer.finish();
                finish(snapshotId, object, progress, sink, before, started, "FAILED");
                return sink.records() > 0;
            }
            if (sink.cancelled()) {
                throw new ExtractionCancelled();
            }
            finish(snapshotId, object, progress, sink, before, started,
                    (sink.problemCount() > 0) ? JobStatus.COMPLETED_WITH_ERRORS.name() : JobStatus.COMPLETED.name());
            return true;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Staging " + object.name() + " failed: " + ex.getMessage(), ex);
        }
    }

    private void finish(long snapshotId, ObjectSchema object, Progress progress, ObjectSink sink, long before,
            Instant started, String status) {
        progress.records(before + sink.records());
        progress.problems(sink.problems());
        progress.problems += sink.problemCount() - sink.problems().size();
        this.store.finishObject(snapshotId, object.name(), status, sink.records(), sink.problemCount(),
                sink.watermark(), Duration.between(started, this.clock.instant()).toMillis() / 1000.0);
    }

    private final Map<Long, Long> cancelCheckedAt = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether the extraction was cancelled: this instance's flag at once, the database
     * flag (a cancel from another instance) at most once a second.
     */
    private boolean cancelled(long snapshotId) {
        if (this.flags.isCancelled(snapshotId)) {
            return true;
        }
        long now = System.nanoTime();
        Long last = this.cancelCheckedAt.get(snapshotId);
        if (last != null && now - last < 1_000_000_000L) {
            return false;
        }
        this.cancelCheckedAt.put(snapshotId, now);
        return this.store.cancelRequested(snapshotId);
    }

    /**
     * The root cause's first line, never the SQL text of a statement that failed.
     */
    static String reason(Throwable ex) {
        String message = NestedExceptionUtils.getMostSpecificCause(ex).getMessage();
        if (message == null) {
            return ex.getClass().getSimpleName();
        }
        message = NulCharacters.strip(message).strip();
        int lineBreak = message.indexOf('\n');
        return (lineBreak > 0) ? message.substring(0, lineBreak) : message;
    }

    private static String round(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.2f", seconds);
    }

    static String modifiedField(DataConnection connection, ObjectSchema object) {
        String chosen = connection.getModifiedFields().get(object.name());
        if (chosen != null) {
            return chosen;
        }
        for (String candidate : ModifiedTimestamps.DEFAULT_FIELDS) {
            for (FieldSchema field : object.fields()) {
                if (field.name().toLowerCase(Locale.ROOT).equals(candidate.toLowerCase(Locale.ROOT))) {
                    return field.name();
                }
            }
        }
        return null;
    }

    /**
     * Running totals, written to the snapshot at most once a second.
     */
    private final class Progress {

        final long snapshotId;

        int total;

        int done;

        long records;

        int problems;

        private long savedAt;

        private final java.util.Set<String> reportedObjects = new java.util.HashSet<>();

        Progress(long snapshotId) {
            this.snapshotId = snapshotId;
        }

        void records(long records) {
            this.records = records;
            long now = System.nanoTime();
            if (now - this.savedAt > 1_000_000_000L) {
                save();
            }
        }

        void problems(List<ExtractionProblem> found) {
            if (!found.isEmpty()) {
                ExtractionRunner.this.store.insertProblems(this.snapshotId, found);
                this.problems += found.size();
                found.forEach((p) -> {
                    if (p.object() != null) {
                        this.reportedObjects.add(p.object());
                    }
                });
            }
        }

        boolean reported(String object) {
            return this.reportedObjects.contains(object);
        }

        void save() {
            this.savedAt = System.nanoTime();
            ExtractionRunner.this.store.progress(this.snapshotId, this.total, this.done, this.records, this.problems);
        }

    }

}
