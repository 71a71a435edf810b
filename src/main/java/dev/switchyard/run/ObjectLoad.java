package dev.switchyard.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.TargetUnavailableException;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.TargetConnector;
import dev.switchyard.mapping.FieldMapping;
import dev.switchyard.mapping.MappedRecord;
import dev.switchyard.mapping.ObjectMapping;
import dev.switchyard.mapping.RecordMapper;
import dev.switchyard.mapping.TransformError;
import dev.switchyard.mapping.transform.Reference;
import dev.switchyard.scope.archive.ArchiveFile;
import dev.switchyard.scope.archive.ArchiveSnapshot;
import dev.switchyard.scope.rule.CompiledRule;
import dev.switchyard.staging.StagedRecords;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads one object mapping, a chunk per call, each call one transaction of the workbench
 * (Spring Batch commits the ledger, the cross-reference, the counters and the position in
 * the step's execution context together). A chunk:
 * <ol>
 * <li>reads the next staged records after the last committed position, in id order, with
 * each record's scope decision and whether the mapping's source filter takes it;</li>
 * <li>gives archived and excluded records their outcome, and in a delta run the records
 * whose content is unchanged since they were loaded; a record is ARCHIVED only once the
 * run's archive of its object is written and verified (before the first chunk,
 * {@link ObjectArchive}), and that archive holds it;</li>
 * <li>transforms the others ({@link RecordMapper}), resolves their references through the
 * cross-reference, and quarantines those a transform or a missing parent refuses;</li>
 * <li>records a chunk intent in a transaction of its own, writes the chunk to the target
 * (its own transaction, committed there), then records the outcomes. A chunk replayed
 * after a crash between the two commits finds its intent: the rows the target already
 * holds by match key came from this run and count as created, and nothing is inserted
 * twice.</li>
 * </ol>
 * A target that cannot be reached is a {@link TargetUnavailableException}: the run pauses
 * instead of marking records failed.
 */
class ObjectLoad implements Tasklet, StepExecutionListener {

    static final String AFTER = "after";

    /**
     * The staged records ({@code s}) a re-run reads: quarantined in the run it re-runs
     * and still not in the environment's cross-reference. Parameters: that run, the
     * target object, the environment, the target object.
     */
    static final String RERUN_ONLY = """
            s.source_id in (select l.source_id from run_ledger l where l.run_id = ? and l.source_object = s.object
                and l.target_object = ? and l.outcome = 'QUARANTINED')
            and not exists (select 1 from xref x where x.environment_id = ? and x.source_object = s.object
                and x.target_object = ? and x.source_id = s.source_id)""";

    private final RunContext run;

    private final int position;

    private final RunPlan.Step step;

    private final ObjectMapping mapping;

    private final RecordMapper mapper;

    private final CompiledRule decision;

    private final CompiledRule filter;

    private final RunStore store;

    private final RunLog log;

    private final StagedRecords staged;

    private final JdbcTemplate jdbc;

    private final ConnectorRegistry targets;

    private final ConnectionSettings settings;

    private TargetConnector writer;

    private final ObjectArchive archiving;

    private ArchiveSnapshot archive;

    private final ReferenceLookup references;

    private final Map<String, List<String[]>> xrefObjects = new HashMap<>();

    ObjectLoad(RunContext run, int position, ObjectMapping mapping, CompiledRule decision, CompiledRule filter,
            Map<String, Integer> lengths, RunStore store, RunLog log, StagedRecords staged, JdbcTemplate jdbc,
            ConnectorRegistry targets, ConnectionSettings settings, ObjectArchive archiving,
            ReferenceLookup references) {
        this.archiving = archiving;
        this.references = references;
        this.run = run;
        this.position = position;
        this.step = run.plan().steps().get(position);
        this.mapping = mapping;
        this.mapper = new RecordMapper(mapping, lengths);
        this.decision = decision;
        this.filter = filter;
        this.store = store;
        this.log = log;
        this.staged = staged;
        this.jdbc = jdbc;
        this.targets = targets;
        this.settings = settings;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.store.objectStarted(this.run.id(), this.position);
        // the objects loaded before this one are what its references look up
        this.store.analyze();
        this.xrefObjects.clear();
        Run.RunObject object = object();
        this.log.add(this.run.id(),
                name() + ((object.processed() == 0) ? ": started, " + object.total() + " records to read"
                        : ": continues after " + object.processed() + " of " + object.total() + " records"));
        if (this.archiving != null) {
            // written once per run and object, checked again on every start of the step;
            // a failure fails the step before any record is ARCHIVED
            this.archive = this.archiving.ensure().orElse(null);
            if (this.archive != null) {
                ArchiveFile file = this.archive.files().get(0);
                this.log.add(this.run.id(),
                        name() + ": archive " + this.archive.id() + " holds the " + this.archive.records() + " "
                                + this.step.source() + " records the scope archives (" + file.file() + ", "
                                + file.bytes() + " bytes, SHA-256 " + file.sha256() + "), verified");
            }
        }
    }

    private Run.RunObject object() {
        return this.store.find(this.run.id()).orElseThrow().objects().get(this.position);
    }

    private String name() {
        return this.step.source() + " → " + this.step.target();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        closeWriter();
        String status = switch (stepExecution.getStatus()) {
            case COMPLETED -> "COMPLETED";
            case STOPPED, STOPPING -> "PAUSED";
            default -> "FAILED";
        };
        this.store.objectFinished(this.run.id(), this.position, status);
        Run.RunObject o = object();
        if (stepExecution.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED
                && o.archived() != ((this.archive != null) ? this.archive.records() : 0)) {
            this.log.add(this.run.id(), name() + ": " + o.archived() + " records ARCHIVED, but the run's archive holds "
                    + ((this.archive != null) ? this.archive.records() : 0) + ": the ledger and the archive differ");
        }
        this.log.add(this.run.id(),
                name() + ": " + status.toLowerCase(Locale.ROOT) + ", " + o.processed() + " of " + o.total()
                        + " records read: " + o.created() + " created, " + o.updated() + " updated, " + o.unchanged()
                        + " unchanged, " + o.quarantined() + " quarantined, " + o.excluded() + " excluded, "
                        + o.archived() + " archived");
        return null;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution execution = chunkContext.getStepContext().getStepExecution();
        RunStore.Progress progress = this.store.progress(this.run.id());
        if (progress.status() == RunStatus.PAUSING || progress.status() == RunStatus.CANCELLING) {
            execution.setTerminateOnly();
            return RepeatStatus.FINISHED;
        }
        // on the committed counters: the chunk that went over the threshold stays in the
        // ledger with the target rows it wrote, and the run aborts before the next one
        this.run.checkThreshold(progress);
        ExecutionContext context = execution.getExecutionContext();
        String after = context.getString(AFTER, "");
        List<Row> rows = read(after);
        if (rows.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        Map<String, LedgerEntryBuilder> outcomes = new LinkedHashMap<>();
        List<Row> toLoad = new ArrayList<>();
        Map<String, RunStore.Loaded> loaded = this.run.delta() ? this.store.loaded(this.run.environmentId(),
                this.step.source(), this.step.target(), rows.stream().map(Row::sourceId).toList()) : Map.of();
        for (Row row : rows) {
            if ("ARCHIVE".equals(row.decision())) {
                if (this.archive == null) {
                    throw new IllegalStateException(this.step.source() + " " + row.sourceId()
                            + " is decided ARCHIVE, but no verified archive of the run holds it"
                            + ((this.run.rerunOf() != null) ? ": a re-run writes no archive, and the scope changed"
                                    + " since run " + this.run.rerunOf() + "; start a full or delta run instead" : ""));
                }
                outcomes.put(row.sourceId(),
                        LedgerEntryBuilder.of(Outcome.ARCHIVED,
                                "archived by scope v" + this.run.scopeVersion() + " into archive " + this.archive.id()
                                        + " (" + this.archive.files().get(0).file() + ")"));
            }
            else if ("EXCLUDE".equals(row.decision())) {
                outcomes.put(row.sourceId(), LedgerEntryBuilder.of(Outcome.EXCLUDED, (this.run.scopeVersion() != null)
                        ? "excluded by scope v" + this.run.scopeVersion() : "not in the scope document"));
            }
            else if (!row.taken()) {
                outcomes.put(row.sourceId(),
                        LedgerEntryBuilder.of(Outcome.EXCLUDED, "left out by the mapping's source filter"));
            }
            else if (row.hash() != null && loaded.containsKey(row.sourceId())
                    && row.hash().equals(loaded.get(row.sourceId()).hash())) {
                LedgerEntryBuilder unchanged = LedgerEntryBuilder.of(Outcome.UNCHANGED, null);
                unchanged.targetId = loaded.get(row.sourceId()).targetId();
                outcomes.put(row.sourceId(), unchanged);
            }
            else {
                outcomes.put(row.sourceId(), null);
                toLoad.add(row);
            }
        }
        List<TargetRecord> records = transform(toLoad, outcomes);
        List<String[]> xref = new ArrayList<>();
        if (!records.isEmpty()) {
            write(records, rows, after, outcomes, xref);
        }
        List<RunStore.LedgerEntry> entries = new ArrayList<>();
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        outcomes.forEach((id, entry) -> {
            entries.add(entry.build(id));
            counts.merge(entry.outcome, 1L, Long::sum);
        });
        this.store.ledger(this.run.id(), this.step.source(), this.step.target(), entries);
        this.store.xref(this.run.environmentId(), this.run.id(), this.step.source(), this.step.target(), xref);
        this.store.count(this.run.id(), this.position, counts);
        context.putString(AFTER, rows.get(rows.size() - 1).sourceId());
        contribution.incrementReadCount();
        this.run.throttle(rows.size());
        return RepeatStatus.CONTINUABLE;
    }

    private List<Row> read(String after) {
        List<Object> params = new ArrayList<>();
        String decisionSql = "'MIGRATE'";
        if (this.decision != null) {
            decisionSql = this.decision.sql();
            params.addAll(this.decision.params());
        }
        String filterSql = "true";
        if (this.filter != null) {
            filterSql = "coalesce(" + this.filter.sql() + ", false)";
            params.addAll(this.filter.params());
        }
        params.add(this.run.snapshotId());
        params.add(this.step.source());
        params.add(after);
        String only = "";
        if (this.run.rerunOf() != null) {
            only = " and " + RERUN_ONLY;
            params.add(this.run.rerunOf());
            params.add(this.step.target());
            params.add(this.run.environmentId());
            params.add(this.step.target());
        }
        params.add(this.run.chunkSize());
        List<Row> rows = new ArrayList<>();
        this.jdbc
            .query("select s.source_id, s.payload::text, s.content_hash, " + decisionSql + " as decision, " + filterSql
                    + " as taken from staged_record s where s.snapshot_id = ? and s.object = ? and not s.deleted"
                    + " and s.source_id > ?" + only + " order by s.source_id limit ?", (rs) -> {
                        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getBoolean(5)));
                    }, params.toArray());
        return rows;
    }

    private List<TargetRecord> transform(List<Row> rows, Map<String, LedgerEntryBuilder> outcomes) {
        List<MappedRecord> mapped = new ArrayList<>();
        for (Row row : rows) {
            MappedRecord record = this.mapper.map(row.sourceId(), this.staged.parse(row.payload()));
            if (!record.ok()) {
                TransformError error = record.errors().get(0);
                LedgerEntryBuilder entry = LedgerEntryBuilder.of(Outcome.QUARANTINED,
                        error.message() + ((record.errors().size() > 1)
                                ? " (and " + (record.errors().size() - 1) + " more fields)" : ""));
                entry.field = error.field();
                entry.value = error.value();
                outcomes.put(row.sourceId(), entry);
            }
            else {
                mapped.add(record);
            }
        }
        // references: every parent id of the chunk resolved in one query per field
        for (FieldMapping field : this.mapping.fields()) {
            Reference reference = field.reference();
            if (reference == null) {
                continue;
            }
            boolean deferred = this.step.deferred().contains(field.target());
            Set<String> parents = new HashSet<>();
            for (MappedRecord record : mapped) {
                Object parent = record.values().get(field.target());
                if (parent != null && !parent.toString().isBlank()) {
                    parents.add(parent.toString().strip());
                }
            }
            Map<String, ReferenceLookup.Parent> resolved = deferred ? Map.of()
                    : this.references.resolve(this.run.snapshotId(), this.run.environmentId(), reference,
                            xrefObjects(reference.targetObject()), parents);
            for (MappedRecord record : mapped) {
                if (outcomes.get(record.sourceId()) != null) {
                    continue;
                }
                Object parent = record.values().get(field.target());
                if (parent == null || parent.toString().isBlank()) {
                    if (deferred) {
                        record.values().remove(field.target());
                    }
                    else {
                        record.values().put(field.target(), null);
                    }
                    continue;
                }
                if (deferred) {
                    // set by the second pass; never written (so never cleared) by this
                    // one
                    record.values().remove(field.target());
                    continue;
                }
                ReferenceLookup.Parent found = resolved.get(parent.toString().strip());
                String targetId = (found != null) ? found.targetId() : null;
                if (targetId == null) {
                    LedgerEntryBuilder entry = LedgerEntryBuilder
                        .of(Outcome.QUARANTINED, (found != null && found.problem() != null)
                                ? field.target() + ": " + found.problem()
                                : field.target() + ": the referenced " + reference.targetObject() + " "
                                        + ((found != null && !parent.toString().strip().equals(found.sourceId()))
                                                ? found.sourceId() + " (" + reference.byField() + " '" + parent + "')"
                                                : parent)
                                        + " was not loaded into " + this.run.environment()
                                        + " (excluded, quarantined or not in the source)");
                    entry.field = field.target();
                    entry.value = parent.toString();
                    outcomes.put(record.sourceId(), entry);
                }
                else {
                    record.values().put(field.target(), targetId);
                }
            }
        }
        List<TargetRecord> records = new ArrayList<>();
        for (MappedRecord record : mapped) {
            if (outcomes.get(record.sourceId()) == null) {
                records.add(new TargetRecord(record.sourceId(), record.values()));
            }
        }
        return records;
    }

    /**
     * @return the cross-reference's (source object, target object) pairs of a referenced
     * object, with this step's own pair when it references its own source object (the
     * only pair this step adds to the cross-reference)
     */
    private List<String[]> xrefObjects(String object) {
        return this.xrefObjects.computeIfAbsent(object.toLowerCase(Locale.ROOT), (key) -> {
            List<String[]> pairs = new ArrayList<>(this.store.xrefObjects(this.run.environmentId(), object));
            if (object.equalsIgnoreCase(this.step.source()) && pairs.stream()
                .noneMatch((p) -> p[0].equals(this.step.source()) && p[1].equals(this.step.target()))) {
                pairs.add(new String[] { this.step.source(), this.step.target() });
            }
            return pairs;
        });
    }

    private void write(List<TargetRecord> records, List<Row> rows, String after,
            Map<String, LedgerEntryBuilder> outcomes, List<String[]> xref) {
        boolean replay = this.store.intent(this.run.id(), this.position, after);
        Map<String, RunStore.Loaded> known = replay ? this.store.loaded(this.run.environmentId(), this.step.source(),
                this.step.target(), records.stream().map(TargetRecord::sourceId).toList()) : Map.of();
        WriteMode mode = (this.step.matchKey() != null) ? WriteMode.UPSERT : WriteMode.CREATE;
        List<WriteResult> results;
        try {
            results = writer().write(this.step.target(), this.step.matchKey(), records, mode);
        }
        catch (TargetUnavailableException ex) {
            closeWriter();
            throw ex;
        }
        Map<String, String> hashes = new HashMap<>();
        rows.forEach((r) -> hashes.put(r.sourceId(), r.hash()));
        for (WriteResult result : results) {
            LedgerEntryBuilder entry;
            switch (result.outcome()) {
                case CREATED -> entry = LedgerEntryBuilder.of(Outcome.CREATED, null);
                case UPDATED, UNCHANGED -> {
                    // a replayed chunk: the row was written by this run's lost attempt
                    boolean ours = replay && !known.containsKey(result.sourceId());
                    entry = LedgerEntryBuilder.of(ours ? Outcome.CREATED
                            : (result.outcome() == WriteResult.Outcome.UPDATED) ? Outcome.UPDATED : Outcome.UNCHANGED,
                            null);
                }
                default -> {
                    entry = LedgerEntryBuilder.of(Outcome.QUARANTINED,
                            "The target refused the record: " + result.reason());
                    entry.field = result.column();
                }
            }
            if (entry.outcome != Outcome.QUARANTINED) {
                entry.targetId = result.targetId();
                xref.add(new String[] { result.sourceId(), result.targetId(), hashes.get(result.sourceId()) });
            }
            outcomes.put(result.sourceId(), entry);
        }
    }

    private TargetConnector writer() {
        if (this.writer == null) {
            this.writer = TargetConnections.open(this.targets, this.settings);
        }
        return this.writer;
    }

    private void closeWriter() {
        if (this.writer != null) {
            try {
                this.writer.close();
            }
            catch (RuntimeException ex) {
                // the connection is gone already
            }
            this.writer = null;
        }
    }

    private record Row(String sourceId, String payload, String hash, String decision, boolean taken) {
    }

    static final class LedgerEntryBuilder {

        Outcome outcome;

        String targetId;

        String reason;

        String field;

        String value;

        static LedgerEntryBuilder of(Outcome outcome, String reason) {
            LedgerEntryBuilder builder = new LedgerEntryBuilder();
            builder.outcome = outcome;
            builder.reason = reason;
            return builder;
        }

        RunStore.LedgerEntry build(String sourceId) {
            return new RunStore.LedgerEntry(sourceId, this.outcome, this.targetId, this.reason, this.field, this.value);
        }

    }

}
