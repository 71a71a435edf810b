package dev.switchyard.extraction;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.NulCharacters;
import dev.switchyard.connector.SourceRecord;
import dev.switchyard.staging.ModifiedTimestamps;
import dev.switchyard.staging.StagingWriter;

/**
 * Receives one object's records from a connector: checks them, stages them through COPY,
 * hands them to the profiler, tracks the delta watermark and keeps the problems. NUL
 * characters (which PostgreSQL cannot store) are removed from ids, names and values
 * before anything sees them, and each removal is a problem naming location and field.
 */
final class ObjectSink implements ExtractionSink {

    /** Problems kept with their details per object; beyond this they are only counted. */
    static final int PROBLEM_DETAIL_LIMIT = 10_000;

    private static final int MAX_ID_LENGTH = 255;

    private static final String NUL_REMOVED = "NUL characters removed from the value (PostgreSQL cannot store them)";

    private final String object;

    private final String idField;

    private final Set<String> nulNames = new HashSet<>();

    private final StagingWriter writer;

    private final String modifiedField;

    private final RecordListener listener;

    private final CancelCheck cancel;

    private final LongConsumer progress;

    private final List<ExtractionProblem> problems = new ArrayList<>();

    private int problemCount;

    private long records;

    private Instant watermark;

    ObjectSink(String object, String idField, StagingWriter writer, String modifiedField, RecordListener listener,
            CancelCheck cancel, LongConsumer progress) {
        this.object = object;
        this.idField = idField;
        this.writer = writer;
        this.modifiedField = modifiedField;
        this.listener = listener;
        this.cancel = cancel;
        this.progress = progress;
    }

    @Override
    public void accept(SourceRecord record) {
        String id = record.id();
        if (NulCharacters.in(id)) {
            id = NulCharacters.strip(id);
            if (!(record.values().get(this.idField) instanceof String value && NulCharacters.in(value))) {
                // otherwise reported with the values
                problem(new ExtractionProblem(this.object, record.location(), this.idField, NUL_REMOVED, id));
            }
        }
        if (id == null || id.isBlank()) {
            problem(new ExtractionProblem(this.object, record.location(), null, "The record has no id: skipped", null));
            return;
        }
        if (id.length() > MAX_ID_LENGTH) {
            problem(new ExtractionProblem(this.object, record.location(), null,
                    "The id is longer than " + MAX_ID_LENGTH + " characters: skipped", id));
            return;
        }
        Instant modified = null;
        if (this.modifiedField != null) {
            modified = ModifiedTimestamps.parse(record.values().get(this.modifiedField));
            if (modified != null && (this.watermark == null || modified.isAfter(this.watermark))) {
                this.watermark = modified;
            }
        }
        Map<String, Object> values = record.values();
        try {
            if (this.writer.write(this.object, id, values, modified, record.location()) != null) {
                values = withoutNul(values, record.location());
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(
                    "Staging " + this.object + " failed at " + record.location() + ": " + ex.getMessage(), ex);
        }
        this.listener.record(id, values);
        this.records++;
        if ((this.records & 4095) == 0) {
            this.progress.accept(this.records);
            if (this.cancel.cancelled()) {
                throw new ExtractionCancelled();
            }
        }
    }

    /**
     * The values as staged: NUL characters removed from names and texts, each removal
     * from a value reported with the record's location and the field, each from a name
     * once per object.
     */
    private Map<String, Object> withoutNul(Map<String, Object> values, String location) {
        Map<String, Object> clean = new LinkedHashMap<>(values.size() * 2);
        values.forEach((name, value) -> {
            String field = NulCharacters.strip(name);
            if (!field.equals(name) && this.nulNames.add(field)) {
                problem(new ExtractionProblem(this.object, location, field,
                        "NUL characters removed from the field name (PostgreSQL cannot store them)", name));
            }
            if (value instanceof String text && NulCharacters.in(text)) {
                value = NulCharacters.strip(text);
                problem(new ExtractionProblem(this.object, location, field, NUL_REMOVED, (String) value));
            }
            clean.put(field, value);
        });
        return clean;
    }

    @Override
    public void problem(ExtractionProblem problem) {
        this.problemCount++;
        if (this.problems.size() < PROBLEM_DETAIL_LIMIT) {
            this.problems.add(problem);
        }
    }

    @Override
    public boolean cancelled() {
        return this.cancel.cancelled();
    }

    long records() {
        return this.records;
    }

    int problemCount() {
        return this.problemCount;
    }

    List<ExtractionProblem> problems() {
        return this.problems;
    }

    Instant watermark() {
        return this.watermark;
    }

    /**
     * Sees every staged record (the profiler).
     */
    interface RecordListener {

        void record(String id, Map<String, Object> values);

    }

    /**
     * Says whether the extraction was cancelled.
     */
    interface CancelCheck {

        boolean cancelled();

    }

}
