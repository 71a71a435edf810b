package dev.switchyard.scope.archive;

import java.time.Instant;
import java.util.List;
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
 * @param runId the migration run that wrote it, or null
 * @param object for a run's archive, the source object it holds; else null
 * @param verifiedAt when its files were read back and matched its manifest; null for an
 * archive whose writing did not finish
 */
public record ArchiveSnapshot(long id, long projectId, long snapshotId, Integer scopeVersion, String folder,
        long records, String createdBy, Instant createdAt, Map<String, Object> manifest, Long runId, String object,
        Instant verifiedAt) {

    public ArchiveSnapshot {
        manifest = (manifest != null) ? manifest : Map.of();
    }

    /**
     * @return the files its manifest lists (object, file, records, bytes, SHA-256)
     */
    public List<ArchiveFile> files() {
        if (!(this.manifest.get("files") instanceof List<?> files)) {
            return List.of();
        }
        return files.stream()
            .filter(Map.class::isInstance)
            .map((f) -> (Map<?, ?>) f)
            .map((f) -> new ArchiveFile(String.valueOf(f.get("object")), String.valueOf(f.get("file")),
                    (f.get("records") instanceof Number n) ? n.longValue() : 0,
                    (f.get("bytes") instanceof Number n) ? n.longValue() : 0, String.valueOf(f.get("sha256"))))
            .toList();
    }

    /**
     * @param selection a selection of records
     * @return whether its manifest says one of its files holds exactly that selection
     * (the same object, predicate and parameters)
     */
    public boolean holds(ArchiveSelection selection) {
        if (!(this.manifest.get("files") instanceof List<?> files)) {
            return false;
        }
        String fingerprint = selection.fingerprint();
        return files.stream()
            .filter(Map.class::isInstance)
            .map((f) -> (Map<?, ?>) f)
            .anyMatch((f) -> selection.object().equals(f.get("object")) && fingerprint.equals(f.get("selection")));
    }

    /**
     * @return whether it was written to the end and read back as its manifest says
     */
    public boolean verified() {
        return this.verifiedAt != null;
    }

}
