package dev.switchyard.validation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.TargetUnavailableException;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.TargetConnector;
import dev.switchyard.mapping.FieldMapping;
import dev.switchyard.mapping.MappedRecord;
import dev.switchyard.mapping.MappingDocument;
import dev.switchyard.mapping.MappingInputs;
import dev.switchyard.mapping.MappingService;
import dev.switchyard.mapping.ObjectMapping;
import dev.switchyard.mapping.RecordMapper;
import dev.switchyard.mapping.TransformError;
import dev.switchyard.mapping.transform.Reference;
import dev.switchyard.run.Run;
import dev.switchyard.run.RunPlan;
import dev.switchyard.run.ReferenceLookup;
import dev.switchyard.run.RunService;
import dev.switchyard.staging.StagedRecords;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Validates a run against its target as the target is now. Per object mapping of the
 * run's plan:
 * <ol>
 * <li>reconciles the counts: the snapshot's records, the ledger's outcomes, and the
 * source records without an outcome (each one a finding);</li>
 * <li>reads back, a chunk at a time in source id order, every record the ledger says the
 * run loaded (created, updated or unchanged): a target id the target no longer holds is a
 * finding;</li>
 * <li>compares, for every record read back (full mode) or a seeded sample (sample mode),
 * each mapped field: expected is the run's mapping version applied to the staged source
 * record — the code the run loaded with —, with references through the cross-reference,
 * converted as the target's column holds it; actual is the value read back. Reference
 * fields are the reference check; text and date fields also go through the content
 * checks.</li>
 * </ol>
 * A target that cannot be reached makes the whole validation "could not verify"; a table
 * that cannot be read (gone, no permission) makes its object so, and the others go on.
 */
@Component
class ValidationEngine {

    private static final Log logger = LogFactory.getLog(ValidationEngine.class);

    /** Records read back and compared per round trip. */
    static final int CHUNK = 1000;

    /**
     * Findings kept per object for missing records, records without outcome, broken
     * references.
     */
    static final int RECORD_FINDINGS = 10_000;

    /**
     * Mismatch samples kept per field, and content-check failures per check and object.
     */
    static final int SAMPLES = 100;

    /** How an expected reference whose parent is not in the cross-reference is shown. */
    static final String UNRESOLVED = "(not in the cross-reference: ";

    /** Samples of changes by design kept per field. */
    static final int DESIGN_SAMPLES = 20;

    private final ValidationStore store;

    private final RunService runs;

    private final MappingService mappings;

    private final MappingInputs inputs;

    private final ConnectionService connections;

    private final ConnectorRegistry targets;

    private final StagedRecords staged;

    private final JdbcTemplate jdbc;

    /** Resolves reference values the way the run did. */
    private final ReferenceLookup references;

    /** The read-ahead thread of the validation this thread runs. */
    private final ThreadLocal<ExecutorService> reader = new ThreadLocal<>();

    ValidationEngine(ValidationStore store, RunService runs, MappingService mappings, MappingInputs inputs,
            ConnectionService connections, ConnectorRegistry targets, StagedRecords staged, JdbcTemplate jdbc,
            ReferenceLookup references) {
        this.references = references;
        this.store = store;
        this.runs = runs;
        this.mappings = mappings;
        this.inputs = inputs;
        this.connections = connections;
        this.targets = targets;
        this.staged = staged;
        this.jdbc = jdbc;
    }

    /**
     * Runs a queued validation to its end; never throws.
     * @param validationId the validation
     */
    void execute(long validationId) {
        Validation validation = this.store.find(validationId).orElseThrow();
        try {
            Run run = this.runs.get(validation.runId());
            this.store.started(validationId, loadedCount(run));
            this.store.analyzeRunTables();
            Optional<DataConnection> target = this.connections.target(run.environmentId());
            if (target.isEmpty()) {
                unverified(validation, run, "Environment " + run.environment() + " has no target connection any more");
                return;
            }
            TargetConnector writer;
            try {
                writer = this.targets.openTarget(this.connections.settings(target.get()));
            }
            catch (RuntimeException ex) {
                unverified(validation, run, "The target could not be read back: " + ex.getMessage());
                return;
            }
            try (writer) {
                validate(validation, run, writer);
            }
        }
        catch (TargetUnavailableException ex) {
            logger.info("Validation " + validationId + " could not verify: " + ex.getMessage());
            this.store.finished(validationId, ValidationStatus.COULD_NOT_VERIFY,
                    "Could not verify: the target became unavailable while reading back (" + ex.getMessage() + ")", 0,
                    0, 0);
        }
        catch (RuntimeException ex) {
            logger.warn("Validation " + validationId + " failed: " + ex.getMessage(), ex);
            this.store.finished(validationId, ValidationStatus.FAILED,
                    "Failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage(), 0, 0, 0);
        }
    }

    private long loadedCount(Run run) {
        return run.objects().stream().mapToLong((o) -> o.created() + o.updated() + o.unchanged()).sum();
    }

    private void unverified(Validation validation, Run run, String reason) {
        for (int i = 0; i < run.plan().steps().size(); i++) {
            RunPlan.Step step = run.plan().steps().get(i);
            Counts counts = counts(validation, run, step);
            this.store.object(validation.id(),
                    new Validation.ObjectResult(i, step.source(), step.target(), counts.extracted, counts.inScope(),
                            counts.get("CREATED"), counts.get("UPDATED"), counts.get("UNCHANGED"),
                            counts.get("QUARANTINED"), counts.get("EXCLUDED"), counts.get("ARCHIVED"),
                            counts.withoutOutcome, null, 0, 0, null, reason, null, null, null));
        }
        this.store.finished(validation.id(), ValidationStatus.COULD_NOT_VERIFY, "Could not verify: " + reason, 0, 0, 0);
    }

    private void validate(Validation validation, Run run, TargetConnector writer) {
        ExecutorService reader = Executors.newSingleThreadExecutor((task) -> {
            Thread thread = new Thread(task, "validation-" + validation.id() + "-read");
            thread.setDaemon(true);
            return thread;
        });
        this.reader.set(reader);
        try {
            compareAll(validation, run, writer);
        }
        finally {
            this.reader.remove();
            reader.shutdownNow();
        }
    }

    private void compareAll(Validation validation, Run run, TargetConnector writer) {
        MappingDocument document = this.mappings.version(run.projectId(), run.mappingVersion()).document();
        MappingInputs.Inputs in = this.inputs.load(run.projectId());
        Map<String, ValidationStore.Threshold> thresholds = this.store.thresholds(run.projectId());
        Progress progress = new Progress(validation.id());
        long checked = 0;
        long broken = 0;
        long unresolved = 0;
        boolean unverified = false;
        for (int i = 0; i < run.plan().steps().size(); i++) {
            RunPlan.Step step = run.plan().steps().get(i);
            ObjectMapping mapping = document.object(step.source(), step.target()).orElse(null);
            Counts counts = counts(validation, run, step);
            if (mapping == null) {
                throw new IllegalStateException(
                        "Mapping v" + run.mappingVersion() + " does not map " + step.source() + " any more");
            }
            ObjectCheck check = new ObjectCheck(validation, run, step, mapping, in.lengths(step.target()), writer,
                    thresholds, progress);
            String reason = null;
            TargetHoldings held = new TargetHoldings(this.jdbc, writer, run, step, RECORD_FINDINGS);
            try {
                check.run();
                held.count(CHUNK);
            }
            catch (TargetUnavailableException ex) {
                throw ex;
            }
            catch (RuntimeException ex) {
                reason = "The table " + step.target() + " could not be read back: " + ex.getMessage();
                unverified = true;
            }
            this.store.findings(validation.id(), check.findings);
            this.store.findings(validation.id(), held.findings);
            Long inTarget = (reason != null) ? null : check.present + held.present;
            Boolean balanced = (reason != null) ? null
                    : counts.withoutOutcome == 0 && counts.accounted() == counts.extracted && check.missing == 0;
            this.store.object(validation.id(),
                    new Validation.ObjectResult(i, step.source(), step.target(), counts.extracted, counts.inScope(),
                            counts.get("CREATED"), counts.get("UPDATED"), counts.get("UNCHANGED"),
                            counts.get("QUARANTINED"), counts.get("EXCLUDED"), counts.get("ARCHIVED"),
                            counts.withoutOutcome, inTarget, check.missing, check.compared, balanced, reason,
                            (reason != null) ? null : held.outOfScope, (reason != null) ? null : held.kept, null));
            if (reason == null) {
                this.store.fields(validation.id(), check.fieldResults());
                this.store.checks(validation.id(), check.checkResults());
                checked += check.referencesChecked;
                broken += check.referencesBroken;
                unresolved += check.referencesUnresolved;
            }
        }
        progress.flush();
        if (unverified) {
            this.store.finished(validation.id(), ValidationStatus.COULD_NOT_VERIFY,
                    "Could not verify every object: see the objects marked so", checked, broken, unresolved);
        }
        else {
            this.store.finished(validation.id(), ValidationStatus.COMPLETED, summary(validation.id()), checked, broken,
                    unresolved);
        }
    }

    private String summary(long id) {
        Map<FindingKind, Long> findings = this.store.findingCounts(id);
        long differences = findings.entrySet()
            .stream()
            .filter((e) -> e.getKey() != FindingKind.BY_DESIGN)
            .mapToLong(Map.Entry::getValue)
            .sum();
        if (differences == 0) {
            return "Every loaded record is in the target as the mapping makes it";
        }
        List<String> parts = new ArrayList<>();
        findings.forEach((kind, count) -> {
            if (kind != FindingKind.BY_DESIGN) {
                parts.add(kind.label().toLowerCase(Locale.ROOT) + ": " + count);
            }
        });
        parts.sort(String::compareTo);
        return "Differences found (" + String.join(", ", parts) + ")";
    }

    private Counts counts(Validation validation, Run run, RunPlan.Step step) {
        Counts counts = new Counts();
        counts.extracted = this.staged.count(run.snapshotId(), step.source());
        this.jdbc.query("""
                select outcome, count(*) from run_ledger where run_id = ? and source_object = ? and target_object = ?
                group by outcome""", (rs) -> {
            counts.outcomes.put(rs.getString(1), rs.getLong(2));
        }, run.id(), step.source(), step.target());
        if (run.rerunOf() != null) {
            // a re-run reads only the records its original run quarantined
            counts.extracted = run.objects()
                .stream()
                .filter((o) -> o.source().equals(step.source()) && o.target().equals(step.target()))
                .mapToLong(Run.RunObject::total)
                .sum();
        }
        counts.withoutOutcome = this.store.withoutOutcome(validation.id(), run, step.source(), step.target(),
                RECORD_FINDINGS);
        return counts;
    }

    /**
     * The records of one object mapping to compare in sample mode: a seeded random
     * sample, drawn in proportion across the values of a source field when one is given
     * (stratified), of at most about the sample size.
     */
    private Set<String> sample(Validation validation, Run run, RunPlan.Step step) {
        String strata = (validation.strata() != null) ? "s.payload ->> ?" : "0";
        List<Object> params = new ArrayList<>();
        if (validation.strata() != null) {
            params.add(validation.strata());
        }
        params.add(String.valueOf(validation.seed()));
        if (validation.strata() != null) {
            params.add(validation.strata());
        }
        params.add(run.snapshotId());
        params.add(run.id());
        params.add(step.source());
        params.add(step.target());
        params.add(validation.sampleSize());
        Set<String> ids = new HashSet<>();
        this.jdbc.query("select source_id from (select l.source_id, row_number() over (partition by " + strata
                + " order by md5(? || l.source_id), l.source_id) as rn, count(*) over (partition by " + strata
                + ") as c, count(*) over () as t from run_ledger l join staged_record s on s.snapshot_id = ?"
                + " and s.object = l.source_object and s.source_id = l.source_id where l.run_id = ?"
                + " and l.source_object = ? and l.target_object = ? and l.outcome in ('CREATED', 'UPDATED', 'UNCHANGED')"
                + ") x where rn <= ceil(?::numeric * c / t)", (rs) -> {
                    ids.add(rs.getString(1));
                }, params.toArray());
        return ids;
    }

    private final class Progress {

        private final long id;

        private long processed;

        private long flushedAt = System.nanoTime();

        Progress(long id) {
            this.id = id;
        }

        void add(long records) {
            this.processed += records;
            if (System.nanoTime() - this.flushedAt > 1_000_000_000L) {
                flush();
            }
        }

        void flush() {
            ValidationEngine.this.store.progress(this.id, this.processed);
            this.flushedAt = System.nanoTime();
        }

    }

    /** The ledger's outcomes that balance against the records a run read. */
    static final List<String> BALANCE = List.of("CREATED", "UPDATED", "UNCHANGED", "QUARANTINED", "EXCLUDED",
            "ARCHIVED");

    private static final class Counts {

        long extracted;

        long withoutOutcome;

        final Map<String, Long> outcomes = new HashMap<>();

        long get(String outcome) {
            return this.outcomes.getOrDefault(outcome, 0L);
        }

        /**
         * @return the outcomes of the records the run read (deletions are outside the
         * balance)
         */
        long accounted() {
            return BALANCE.stream().mapToLong(this::get).sum();
        }

        long inScope() {
            return this.extracted - get("EXCLUDED") - get("ARCHIVED");
        }

    }

    /**
     * Reads back and compares one object mapping.
     */
    private final class ObjectCheck {

        final Validation validation;

        final Run run;

        final RunPlan.Step step;

        final ObjectMapping mapping;

        final RecordMapper mapper;

        final TargetConnector writer;

        final Map<String, ValidationStore.Threshold> thresholds;

        final Progress progress;

        final List<Validation.Finding> findings = new ArrayList<>();

        final Map<String, FieldStats> fields = new LinkedHashMap<>();

        final Map<Values.Check, long[]> checks = new EnumMap<>(Values.Check.class);

        final Map<String, Integer> kept = new HashMap<>();

        /** Per referenced object (lower case), its names in the cross-reference. */
        final Map<String, List<String[]>> xrefObjects = new HashMap<>();

        /** The target fields that are references ({@link FieldMapping#reference()}). */
        final Set<String> referenceFields = new HashSet<>();

        long present;

        long missing;

        long compared;

        long referencesChecked;

        long referencesBroken;

        long referencesUnresolved;

        ObjectCheck(Validation validation, Run run, RunPlan.Step step, ObjectMapping mapping,
                Map<String, Integer> lengths, TargetConnector writer, Map<String, ValidationStore.Threshold> thresholds,
                Progress progress) {
            this.validation = validation;
            this.run = run;
            this.step = step;
            this.mapping = mapping;
            this.mapper = new RecordMapper(mapping, lengths);
            this.writer = writer;
            this.thresholds = thresholds;
            this.progress = progress;
            for (FieldMapping field : mapping.fields()) {
                this.fields.put(field.target(), new FieldStats(field));
                if (field.reference() != null) {
                    this.referenceFields.add(field.target());
                }
            }
            for (Values.Check check : Values.Check.values()) {
                this.checks.put(check, new long[2]);
            }
        }

        /**
         * Reads and compares the object a chunk at a time; while one chunk is compared,
         * the next is read (ledger, target rows, staged records) on the read-ahead
         * thread. The target writer is never used by both threads at once: the first
         * chunk is read on this thread (which caches the target table for
         * {@code asStored}), and at most one read is in flight, always settled before
         * this method returns.
         */
        void run() {
            Set<String> sample = "SAMPLE".equals(this.validation.mode()) ? sample(this.validation, this.run, this.step)
                    : null;
            Chunk chunk = read("", sample);
            Future<Chunk> ahead = null;
            try {
                while (chunk != null) {
                    String after = chunk.last();
                    ahead = ValidationEngine.this.readAhead(() -> read(after, sample));
                    check(chunk);
                    this.progress.add(chunk.ids().size());
                    Future<Chunk> next = ahead;
                    ahead = null;
                    chunk = settle(next);
                }
            }
            finally {
                if (ahead != null) {
                    try {
                        settle(ahead);
                    }
                    catch (RuntimeException ex) {
                        // the failure that ended the loop is the one to report
                    }
                }
            }
        }

        /**
         * @return the chunk after the source id {@code after}: the ledger's loaded
         * records, the target rows with their target ids and the staged records to
         * compare; null when there is none
         */
        private Chunk read(String after, Set<String> sample) {
            Map<String, String> ids = new LinkedHashMap<>();
            ValidationEngine.this.jdbc.query("""
                    select source_id, target_id from run_ledger where run_id = ? and source_object = ?
                    and target_object = ? and outcome in ('CREATED', 'UPDATED', 'UNCHANGED') and source_id > ?
                    order by source_id limit ?""", (rs) -> {
                ids.put(rs.getString(1), rs.getString(2));
            }, this.run.id(), this.step.source(), this.step.target(), after, CHUNK);
            if (ids.isEmpty()) {
                return null;
            }
            Map<String, Map<String, Object>> rows = this.writer.read(this.step.target(), this.step.idColumn(),
                    ids.values().stream().filter((id) -> id != null).toList());
            List<String> toCompare = new ArrayList<>();
            ids.forEach((sourceId, targetId) -> {
                if (targetId != null && rows.containsKey(targetId) && (sample == null || sample.contains(sourceId))) {
                    toCompare.add(sourceId);
                }
            });
            List<StagedRecords.Staged> records = toCompare.isEmpty() ? List.of()
                    : ValidationEngine.this.staged.byIds(this.run.snapshotId(), this.step.source(), toCompare);
            return new Chunk(ids, rows, records);
        }

        private void check(Chunk chunk) {
            Map<String, Map<String, Object>> rows = chunk.rows();
            chunk.ids().forEach((sourceId, targetId) -> {
                if (targetId == null || !rows.containsKey(targetId)) {
                    this.missing++;
                    keep(FindingKind.MISSING_IN_TARGET, null, RECORD_FINDINGS,
                            () -> finding(FindingKind.MISSING_IN_TARGET, sourceId, targetId, null, null, null, null));
                }
                else {
                    this.present++;
                }
            });
            List<StagedRecords.Staged> records = chunk.records();
            if (records.isEmpty()) {
                return;
            }
            List<MappedRecord> mapped = new ArrayList<>();
            for (StagedRecords.Staged record : records) {
                mapped.add(this.mapper.map(record.sourceId(), record.values()));
            }
            Map<String, Map<String, String>> references = references(mapped);
            Map<String, Map<String, Object>> sources = new HashMap<>();
            records.forEach((r) -> sources.put(r.sourceId(), r.values()));
            for (MappedRecord record : mapped) {
                String targetId = chunk.ids().get(record.sourceId());
                Map<String, Object> row = caseInsensitive(rows.get(targetId));
                compare(record, sources.get(record.sourceId()), targetId, row, references);
                this.compared++;
            }
        }

        /**
         * @return per reference field, the source parent id → its target id through the
         * cross-reference
         */
        private Map<String, Map<String, String>> references(List<MappedRecord> mapped) {
            Map<String, Map<String, String>> references = new HashMap<>();
            for (FieldMapping field : this.mapping.fields()) {
                Reference reference = field.reference();
                if (reference == null) {
                    continue;
                }
                Set<String> parents = new HashSet<>();
                for (MappedRecord record : mapped) {
                    Object parent = record.values().get(field.target());
                    if (parent != null && !parent.toString().isBlank()) {
                        parents.add(parent.toString().strip());
                    }
                }
                // the run's own lookup: by id, or by the parent's field, then the
                // cross-reference
                Map<String, String> ids = new HashMap<>();
                ValidationEngine.this.references
                    .resolve(this.run.snapshotId(), this.run.environmentId(), reference,
                            xrefObjects(reference.targetObject()), parents)
                    .forEach((value, parent) -> {
                        if (parent.targetId() != null) {
                            ids.put(value, parent.targetId());
                        }
                    });
                references.put(field.target(), ids);
            }
            return references;
        }

        /**
         * @return the cross-reference's (source object, target object) pairs whose source
         * object is the given one, ignoring case; looked up once per object, so that each
         * chunk's lookup is by the cross-reference's primary key
         */
        private List<String[]> xrefObjects(String object) {
            return this.xrefObjects.computeIfAbsent(object.toLowerCase(Locale.ROOT),
                    (key) -> ValidationEngine.this.jdbc.query("""
                            select distinct source_object, target_object from xref where environment_id = ?
                            and lower(source_object) = ?""",
                            (rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, this.run.environmentId(),
                            key));
        }

        private void compare(MappedRecord record, Map<String, Object> source, String targetId, Map<String, Object> row,
                Map<String, Map<String, String>> references) {
            Map<String, Object> expected = new LinkedHashMap<>(record.values());
            Set<String> unresolved = new HashSet<>();
            Map<String, String> errors = new HashMap<>();
            if (record.errors() != null) {
                for (TransformError error : record.errors()) {
                    errors.put(error.field(), error.message());
                }
            }
            for (FieldMapping field : this.mapping.fields()) {
                if (this.referenceFields.contains(field.target())) {
                    Object parent = expected.get(field.target());
                    if (parent != null && !parent.toString().isBlank()) {
                        String id = references.get(field.target()).get(parent.toString().strip());
                        if (id == null) {
                            unresolved.add(field.target());
                        }
                        expected.put(field.target(), (id != null) ? id : UNRESOLVED + parent + ")");
                    }
                    else {
                        expected.put(field.target(), null);
                    }
                }
            }
            Map<String, Object> stored = this.writer.asStored(this.step.target(), expected);
            for (FieldMapping field : this.mapping.fields()) {
                FieldStats stats = this.fields.get(field.target());
                Object raw = (field.input() != null) ? RecordMapper.value(source, field.input()) : null;
                Object want = errors.containsKey(field.target())
                        ? "(transform error: " + errors.get(field.target()) + ")" : stored.get(field.target());
                Object actual = row.get(field.target().toLowerCase(Locale.ROOT));
                boolean same = Values.same(want, actual);
                if (!same && actual == null && unresolved.contains(field.target())) {
                    // the run left it empty because its parent was not loaded, and its
                    // ledger entry says why: shown as unresolved, never as a mismatch of
                    // the field
                    this.referencesChecked++;
                    this.referencesUnresolved++;
                    stats.unresolved++;
                    keep(FindingKind.UNRESOLVED_PARENT, null, RECORD_FINDINGS,
                            () -> finding(FindingKind.UNRESOLVED_PARENT, record.sourceId(), targetId, field.target(),
                                    want, actual, raw));
                    continue;
                }
                stats.compared++;
                if (same) {
                    stats.matched++;
                }
                if (Values.same(raw, actual)) {
                    stats.rawMatched++;
                }
                if (this.referenceFields.contains(field.target())) {
                    if (want != null || actual != null) {
                        this.referencesChecked++;
                        if (!same) {
                            this.referencesBroken++;
                            keep(FindingKind.BROKEN_REFERENCE, null, RECORD_FINDINGS,
                                    () -> finding(FindingKind.BROKEN_REFERENCE, record.sourceId(), targetId,
                                            field.target(), want, actual, raw));
                        }
                    }
                    continue;
                }
                if (same && !Values.same(raw, want)) {
                    stats.byDesign++;
                    keep(FindingKind.BY_DESIGN, field.target(), DESIGN_SAMPLES, () -> finding(FindingKind.BY_DESIGN,
                            record.sourceId(), targetId, field.target(), want, actual, raw));
                }
                if (!same) {
                    keep(FindingKind.MISMATCH, field.target(), SAMPLES, () -> finding(FindingKind.MISMATCH,
                            record.sourceId(), targetId, field.target(), want, actual, raw));
                }
                if (want == null && raw != null && !raw.toString().isBlank()) {
                    // nothing expected from a value: the content checks have nothing to
                    // say
                    continue;
                }
                for (Values.Check check : Values.Check.values()) {
                    if (check.applies(raw, want, actual)) {
                        long[] counts = this.checks.get(check);
                        counts[0]++;
                        if (check.fails(raw, want, actual)) {
                            counts[1]++;
                            FindingKind kind = FindingKind.of(check);
                            keep(kind, null, SAMPLES, () -> finding(kind, record.sourceId(), targetId, field.target(),
                                    want, actual, raw));
                        }
                    }
                }
            }
        }

        private Validation.Finding finding(FindingKind kind, String sourceId, String targetId, String field,
                Object expected, Object actual, Object raw) {
            return new Validation.Finding(0, kind, this.step.source(), this.step.target(), sourceId, targetId, field,
                    Values.shown(expected), Values.shown(actual), Values.shown(raw));
        }

        /**
         * Keeps a finding while fewer than {@code limit} of its kind (and field) are
         * kept; the finding is only made then.
         */
        private void keep(FindingKind kind, String field, int limit, Supplier<Validation.Finding> finding) {
            String key = kind.name() + "\u0000" + field;
            int count = this.kept.merge(key, 1, Integer::sum);
            if (count <= limit) {
                this.findings.add(finding.get());
                if (this.findings.size() >= 5000) {
                    ValidationEngine.this.store.findings(this.validation.id(), this.findings);
                    this.findings.clear();
                }
            }
        }

        List<Validation.FieldResult> fieldResults() {
            List<Validation.FieldResult> results = new ArrayList<>();
            for (FieldStats stats : this.fields.values()) {
                boolean reference = stats.field.reference() != null;
                Double rate = (stats.compared == 0) ? null : Validation.FieldResult.rate(stats.matched, stats.compared);
                Verdict status = reference ? referenceVerdict(stats) : threshold(stats.field.target()).verdict(rate);
                results.add(new Validation.FieldResult(this.step.source(), this.step.target(), stats.field.target(),
                        stats.field.input(), reference, stats.compared, stats.matched, stats.rawMatched, stats.byDesign,
                        status, stats.unresolved));
            }
            return results;
        }

        private ValidationStore.Threshold threshold(String field) {
            ValidationStore.Threshold threshold = this.thresholds.get(ValidationStore.key(this.step.target(), field));
            if (threshold == null) {
                threshold = this.thresholds.get(ValidationStore.key(this.step.target(), "*"));
            }
            return (threshold != null) ? threshold : ValidationStore.DEFAULT_THRESHOLD;
        }

        List<Validation.CheckResult> checkResults() {
            List<Validation.CheckResult> results = new ArrayList<>();
            this.checks.forEach((check, counts) -> results
                .add(new Validation.CheckResult(this.step.source(), this.step.target(), check, counts[0], counts[1])));
            return results;
        }

    }

    /**
     * One chunk as read: the ledger's loaded records (source id → target id, in source id
     * order), the target rows found (by target id) and the staged records to compare.
     */
    private record Chunk(Map<String, String> ids, Map<String, Map<String, Object>> rows,
            List<StagedRecords.Staged> records) {

        String last() {
            String last = null;
            for (String id : this.ids.keySet()) {
                last = id;
            }
            return last;
        }

    }

    /**
     * Runs a read on the read-ahead thread of the validation in progress.
     */
    private Future<Chunk> readAhead(Callable<Chunk> read) {
        return this.reader.get().submit(read);
    }

    /**
     * @return the read's chunk, its failure rethrown as it was
     */
    private static Chunk settle(Future<Chunk> read) {
        try {
            return read.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading ahead", ex);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    private static Map<String, Object> caseInsensitive(Map<String, Object> row) {
        Map<String, Object> lower = new HashMap<>();
        row.forEach((column, value) -> lower.put(column.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    /**
     * A reference field fails when a reference compared differs from the
     * cross-reference's, warns when references were left empty because their parent was
     * not loaded (the ledger explains them; they are not compared), and passes otherwise.
     */
    private static Verdict referenceVerdict(FieldStats stats) {
        if (stats.compared != stats.matched) {
            return Verdict.FAIL;
        }
        return (stats.unresolved > 0) ? Verdict.WARN : Verdict.PASS;
    }

    private static final class FieldStats {

        final FieldMapping field;

        long compared;

        long matched;

        long rawMatched;

        long byDesign;

        long unresolved;

        FieldStats(FieldMapping field) {
            this.field = field;
        }

    }

}
