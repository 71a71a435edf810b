package dev.switchyard.extraction;

import java.time.Instant;
import java.util.List;

import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotObject;

/**
 * An extraction as the API shows it.
 *
 * @param id the snapshot id
 * @param projectId the project
 * @param mode FULL or DELTA
 * @param status QUEUED, RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED or CANCELLED
 * @param percent progress by objects
 * @param records records staged so far
 * @param problems problems recorded
 * @param queuedAt when asked for
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param seconds how long it took (so far)
 * @param message the outcome in words
 * @param objects per object: records and, for a delta, new/changed/unchanged/deleted
 */
public record ExtractionJson(Long id, Long projectId, String mode, String status, int percent, long records,
        int problems, Instant queuedAt, Instant startedAt, Instant finishedAt, Double seconds, String message,
        List<ObjectJson> objects) {

    static ExtractionJson of(Snapshot s, List<SnapshotObject> objects) {
        return new ExtractionJson(s.getId(), s.getProjectId(), s.getMode().name(), s.getStatus().name(), s.getPercent(),
                s.getRecords(), s.getProblems(), s.getQueuedAt(), s.getStartedAt(), s.getFinishedAt(),
                (s.getDuration() != null) ? s.getDuration().toMillis() / 1000.0 : null, s.getMessage(),
                objects.stream().map(ObjectJson::of).toList());
    }

    /**
     * One object of an extraction.
     *
     * @param name the object
     * @param records records staged
     * @param status its status
     * @param idField the id field used
     * @param modifiedField the last-modified field used, or null
     * @param newRecords delta: new records
     * @param changed delta: changed records
     * @param unchanged delta: unchanged records
     * @param deleted delta: records gone from the source
     * @param problems problems recorded
     * @param watermark the latest last-modified timestamp seen
     */
    public record ObjectJson(String name, long records, String status, String idField, String modifiedField,
            long newRecords, long changed, long unchanged, long deleted, int problems, Instant watermark) {

        static ObjectJson of(SnapshotObject o) {
            return new ObjectJson(o.name(), o.records(), o.status(), o.idField(), o.modifiedField(), o.newRecords(),
                    o.changedRecords(), o.unchanged(), o.deleted(), o.problems(), o.watermark());
        }

    }

}
