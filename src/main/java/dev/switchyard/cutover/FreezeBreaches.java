package dev.switchyard.cutover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchyard.staging.ModifiedTimestamps;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.staging.SnapshotObject;
import dev.switchyard.staging.StagedRecords;
import dev.switchyard.staging.StagingStore;

import org.springframework.stereotype.Component;

/**
 * Finds the source records modified after the freeze: in the project's latest completed
 * extraction, every record whose modified timestamp (the field the extraction used for
 * deltas) is later than the freeze time, named object by object and record by record. An
 * object extracted without a modified timestamp is reported as one where a breach cannot
 * be detected.
 */
@Component
class FreezeBreaches {

    /** The most records a report names; it counts all of them. */
    static final int LISTED = 500;

    /** The most records read per object. */
    static final int SCANNED = 5_000_000;

    private final SnapshotLifecycle snapshots;

    private final StagingStore staging;

    private final StagedRecords records;

    FreezeBreaches(SnapshotLifecycle snapshots, StagingStore staging, StagedRecords records) {
        this.snapshots = snapshots;
        this.staging = staging;
        this.records = records;
    }

    /**
     * @param projectId the project
     * @param freezeAt the freeze time
     * @return what the latest extraction says, or empty before any extraction completed
     */
    Optional<Report> check(long projectId, Instant freezeAt) {
        Optional<Snapshot> latest = this.snapshots.latestUsable(projectId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Snapshot snapshot = latest.get();
        List<Breach> breaches = new ArrayList<>();
        List<String> undetectable = new ArrayList<>();
        long[] count = new long[1];
        for (SnapshotObject object : this.staging.objects(snapshot.getId())) {
            String field = object.modifiedField();
            if (field == null || field.isBlank()) {
                undetectable.add(object.name());
                continue;
            }
            this.records.each(snapshot.getId(), object.name(), SCANNED, (record) -> {
                Instant modified = ModifiedTimestamps.parse(record.values().get(field));
                if (modified != null && modified.isAfter(freezeAt)) {
                    count[0]++;
                    if (breaches.size() < LISTED) {
                        breaches.add(new Breach(object.name(), record.sourceId(), field, modified));
                    }
                }
            });
        }
        boolean afterFreeze = snapshot.getFinishedAt() != null && snapshot.getFinishedAt().isAfter(freezeAt);
        return Optional.of(new Report(snapshot.getId(), snapshot.getFinishedAt(), afterFreeze, count[0],
                List.copyOf(breaches), List.copyOf(undetectable)));
    }

    /**
     * What the latest extraction says about the freeze.
     *
     * @param snapshotId the extraction read
     * @param extractedAt when it finished
     * @param afterFreeze whether it finished after the freeze (else it cannot show
     * changes made since: check the source again)
     * @param count the records modified after the freeze
     * @param breaches the first {@value #LISTED} of them
     * @param undetectable the objects extracted without a modified timestamp
     */
    record Report(long snapshotId, Instant extractedAt, boolean afterFreeze, long count, List<Breach> breaches,
            List<String> undetectable) {
    }

    /**
     * A record modified after the freeze.
     *
     * @param object the source object
     * @param sourceId the record's id
     * @param field the modified-timestamp field
     * @param modifiedAt its value
     */
    record Breach(String object, String sourceId, String field, Instant modifiedAt) {
    }

}
