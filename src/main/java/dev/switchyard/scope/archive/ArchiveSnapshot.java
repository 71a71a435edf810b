package dev.switchyard.scope.archive;

import java.time.Instant;
import java.util.Map;

/**
 * A stored archive, as the {@code archive_snapshot} table holds it.
 *
 * @param id its id
 * @param projectId the project
 * @param snapshotId the extraction snapshot whose records it holds
 * @param scopeVersion the scope version that decided what to archive, or null
 * @param folder the folder holding its files
 * @param records the records archived
 * @param createdBy who wrote it
 * @param createdAt when it was written
 * @param manifest its manifest (the content of {@code manifest.json})
 */
public record ArchiveSnapshot(long id, long projectId, long snapshotId, Integer scopeVersion, String folder,
        long records, String createdBy, Instant createdAt, Map<String, Object> manifest) {

    public ArchiveSnapshot {
        manifest = (manifest != null) ? manifest : Map.of();
    }

}
