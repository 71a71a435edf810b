package dev.switchyard.extraction;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.SourceRecord;
import dev.switchyard.staging.ModifiedTimestamps;
import dev.switchyard.staging.StagingWriter;

/**
 * Receives one object's records from a connector: checks them, stages them through COPY,
 * hands them to the profiler, tracks the delta watermark and keeps the problems.
 */
final class ObjectSink implements ExtractionSink {

    /** Problems kept with their details per object; beyond this they are only counted. */
    static final int PROBLEM_DETAIL_LIMIT = 10_000;

    private static final int MAX_ID_LENGTH = 255;

    private final String object;

    private final StagingWriter writer;

    private final String modifiedField;

    private final RecordListener listener;

    private final CancelCheck cancel;

    private final LongConsumer progress;

    private final List<ExtractionProblem> problems = new ArrayList<>();

    private int problemCount;

    private long records;

    private Instant watermark;

    ObjectSink(String object, StagingWriter writer, String modifiedField, RecordListener listener, CancelCheck cancel,
            LongConsumer progress) {
        this.object = object;
        this.writer = writer;
        this.modifiedField = modifiedField;
        this.listener = listener;
        this.cancel = cancel;
        this.progress = progress;
    }

    @Override
    public void accept(SourceRecord record) {
        String id = record.id();
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
        try {
            String nulField = this.writer.write(this.object, id, record.values(), modified, record.location());
            if (nulField != null) {
                problem(new ExtractionProblem(this.object, record.location(), nulField,
                        "NUL characters removed from the value (PostgreSQL cannot store them)", null));
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(
                    "Staging " + this.object + " failed at " + record.location() + ": " + ex.getMessage(), ex);
        }
        this.listener.record(id, record.values());
        this.records++;
        if ((this.records & 4095) == 0) {
            this.progress.accept(this.records);
            if (this.cancel.cancelled()) {
                throw new ExtractionCancelled();
            }
        }
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

        void record(String id, java.util.Map<String, Object> values);

    }

    /**
     * Says whether the extraction was cancelled.
     */
    interface CancelCheck {

        boolean cancelled();

    }

}
