package dev.switchyard.staging;

import java.time.Instant;

/**
 * What one extraction did with one object.
 *
 * @param name the object
 * @param origin where it came from (file, sheet, table)
 * @param idField the id field used
 * @param modifiedField the last-modified field used for deltas, or null
 * @param status the object's status
 * @param records records staged
 * @param newRecords in a delta: records the previous snapshot did not have
 * @param changedRecords in a delta: records whose content changed
 * @param unchanged in a delta: records with the same content
 * @param deleted in a delta: records the source no longer has
 * @param problems problems recorded
 * @param watermark the latest last-modified instant seen
 * @param seconds how long the object took
 */
public record SnapshotObject(String name, String origin, String idField, String modifiedField, String status,
        long records, long newRecords, long changedRecords, long unchanged, long deleted, int problems,
        Instant watermark, double seconds) {

}
