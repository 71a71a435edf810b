package dev.switchyard.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.RowRejection;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.TargetConnector;
import dev.switchyard.mapping.FieldMapping;
import dev.switchyard.mapping.MappedRecord;
import dev.switchyard.mapping.ObjectMapping;
import dev.switchyard.mapping.RecordMapper;
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
 * The second pass of one object mapping: sets the reference fields that close a cycle
 * (self references such as {@code reports_to_id}) once every record has its target id, a
 * chunk per call like the first pass. A parent that was not loaded leaves the reference
 * empty and says so in the record's ledger entry; it is never a silent null.
 */
class LinkPass implements Tasklet, StepExecutionListener {

    private final RunContext run;

    private final RunPlan.Step step;

    private final RecordMapper mapper;

    private final ObjectMapping references;

    private final RunStore store;

    private final RunLog log;

    private final StagedRecords staged;

    private final JdbcTemplate jdbc;

    private final ConnectorRegistry targets;

    private final ConnectionSettings settings;

    private final Map<String, List<String[]>> xrefObjects = new HashMap<>();

    private TargetConnector writer;

    private final ReferenceLookup lookup;

    LinkPass(RunContext run, RunPlan.Step step, ObjectMapping mapping, RunStore store, RunLog log, StagedRecords staged,
            JdbcTemplate jdbc, ConnectorRegistry targets, ConnectionSettings settings, ReferenceLookup lookup) {
        this.lookup = lookup;
        this.run = run;
        this.step = step;
        this.references = mapping
            .withFields(mapping.fields().stream().filter((f) -> step.deferred().contains(f.target())).toList());
        this.mapper = new RecordMapper(this.references, Map.of());
        this.store = store;
        this.log = log;
        this.staged = staged;
        this.jdbc = jdbc;
        this.targets = targets;
        this.settings = settings;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        // the object's own rows, just loaded, are what its references look up
        this.store.analyze();
        this.xrefObjects.clear();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (this.writer != null) {
            try {
                this.writer.close();
            }
            catch (RuntimeException ex) {
                // gone already
            }
            this.writer = null;
        }
        this.log.add(this.run.id(), this.step.source() + " → " + this.step.target() + ": second pass ("
                + String.join(", ", this.step.deferred()) + ") " + switch (stepExecution.getStatus()) {
                    case COMPLETED -> "completed";
                    case STOPPED, STOPPING -> "paused";
                    default -> "failed";
                });
        return null;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution execution = chunkContext.getStepContext().getStepExecution();
        RunStatus status = this.store.status(this.run.id());
        if (status == RunStatus.PAUSING || status == RunStatus.CANCELLING) {
            execution.setTerminateOnly();
            return RepeatStatus.FINISHED;
        }
        ExecutionContext context = execution.getExecutionContext();
        String after = context.getString(ObjectLoad.AFTER, "");
        Map<String, String> loaded = new LinkedHashMap<>();
        this.jdbc.query("""
                select source_id, target_id from run_ledger where run_id = ? and source_object = ? and target_object = ?
                and target_id is not null and source_id > ? order by source_id limit ?""", (rs) -> {
            loaded.put(rs.getString(1), rs.getString(2));
        }, this.run.id(), this.step.source(), this.step.target(), after, this.run.chunkSize());
        if (loaded.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        Map<String, Map<String, Object>> patches = new LinkedHashMap<>();
        Map<String, String> sourceOf = new HashMap<>();
        List<String[]> notes = new ArrayList<>();
        Map<String, Map<String, String>> wanted = new LinkedHashMap<>();
        for (StagedRecords.Staged record : this.staged.byIds(this.run.snapshotId(), this.step.source(),
                loaded.keySet())) {
            MappedRecord mapped = this.mapper.map(record.sourceId(), record.values());
            Map<String, String> parents = new LinkedHashMap<>();
            for (FieldMapping field : this.references.fields()) {
                Object parent = mapped.values().get(field.target());
                if (parent != null && !parent.toString().isBlank()) {
                    parents.put(field.target(), parent.toString().strip());
                }
            }
            if (!parents.isEmpty()) {
                wanted.put(record.sourceId(), parents);
            }
        }
        for (FieldMapping field : this.references.fields()) {
            String parentObject = field.reference().targetObject();
            Set<String> ids = new HashSet<>();
            wanted.values().forEach((p) -> {
                if (p.containsKey(field.target())) {
                    ids.add(p.get(field.target()));
                }
            });
            Map<String, ReferenceLookup.Parent> resolved = this.lookup.resolve(this.run.snapshotId(),
                    this.run.environmentId(), field.reference(),
                    this.xrefObjects.computeIfAbsent(parentObject.toLowerCase(Locale.ROOT),
                            (key) -> this.store.xrefObjects(this.run.environmentId(), parentObject)),
                    ids);
            wanted.forEach((sourceId, parents) -> {
                String parent = parents.get(field.target());
                if (parent == null) {
                    return;
                }
                ReferenceLookup.Parent found = resolved.get(parent);
                String targetId = (found != null) ? found.targetId() : null;
                if (targetId == null) {
                    notes.add(new String[] { sourceId, field.target() + " left empty: "
                            + ((found != null && found.problem() != null) ? found.problem() : "the referenced "
                                    + parentObject + " "
                                    + ((found != null && !parent.equals(found.sourceId())) ? found.sourceId() + " ("
                                            + field.reference().byField() + " '" + parent + "')" : parent)
                                    + " was not loaded (excluded, quarantined or not in the source)") });
                    return;
                }
                String own = loaded.get(sourceId);
                sourceOf.put(own, sourceId);
                patches.computeIfAbsent(own, (k) -> new LinkedHashMap<>()).put(field.target(), targetId);
            });
        }
        if (!patches.isEmpty()) {
            if (this.writer == null) {
                this.writer = TargetConnections.open(this.targets, this.settings);
            }
            for (RowRejection rejection : this.writer.patch(this.step.target(), this.step.idColumn(), patches)) {
                notes.add(new String[] { sourceOf.get(rejection.targetId()),
                        "the second pass could not set " + rejection.column() + ": " + rejection.message() });
            }
        }
        for (String[] note : notes) {
            this.store.note(this.run.id(), this.step.source(), this.step.target(), note[0], note[1]);
        }
        context.putString(ObjectLoad.AFTER, new ArrayList<>(loaded.keySet()).get(loaded.size() - 1));
        return RepeatStatus.CONTINUABLE;
    }

}
