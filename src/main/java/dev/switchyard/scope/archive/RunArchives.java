package dev.switchyard.scope.archive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchyard.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The archives migration runs write: one per run and source object, holding the records
 * the run's scope version archives. Idempotent per run and object, so that a run resumed
 * after a crash neither writes an archive twice nor keeps part of one: a verified archive
 * of the run and object is checked again and kept; one a stopped run left unverified is
 * discarded and written again. Each archive written is in the audit log.
 */
@Component
public class RunArchives {

    private final JdbcTemplate jdbc;

    private final ArchiveWriter writer;

    private final ArchiveStore store;

    private final ArchiveVerifier verifier;

    private final AuditLog audit;

    RunArchives(JdbcTemplate jdbc, ArchiveWriter writer, ArchiveStore store, ArchiveVerifier verifier, AuditLog audit) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.store = store;
        this.verifier = verifier;
        this.audit = audit;
    }

    /**
     * Makes sure the run's archive of an object is written and verified.
     * @param projectId the project
     * @param runId the run
     * @param snapshotId the snapshot the run reads
     * @param scopeVersion the scope version deciding what is archived
     * @param selection the object's records to archive (the scope's decision ARCHIVE)
     * @param requestedBy who started the run
     * @return the verified archive, or empty when the selection takes no record
     * @throws ArchiveException when it cannot be written, or a verified archive no longer
     * matches its manifest
     */
    public Optional<ArchiveSnapshot> ensure(long projectId, long runId, long snapshotId, Integer scopeVersion,
            ArchiveSelection selection, String requestedBy) {
        Optional<ArchiveSnapshot> existing = this.store.ofRun(runId, selection.object());
        if (existing.isPresent() && existing.get().verified()) {
            ArchiveSnapshot archive = existing.get();
            this.verifier.verify(Path.of(archive.folder()), archive.manifest());
            if (!archive.holds(selection)) {
                throw new ArchiveException(selection.object(),
                        "Archive " + archive.id() + " of run " + runId + " holds the " + selection.object()
                                + " records the scope archived when the run started, and"
                                + " the scope's rules for them have changed since: start a new run",
                        null);
            }
            return existing;
        }
        existing.ifPresent((half) -> this.writer.discard(half.id(), this.writer.folderOf(projectId, half.id())));
        if (count(snapshotId, selection) == 0) {
            return Optional.empty();
        }
        ArchiveResult result = this.writer.write(projectId, snapshotId, scopeVersion, selection, requestedBy, runId);
        ArchiveFile file = result.files().get(0);
        this.audit.record(projectId, "Archive", result.id(), "written",
                "run " + runId + " archived " + result.records() + " " + selection.object()
                        + " records from extraction " + snapshotId
                        + ((scopeVersion != null) ? " (scope v" + scopeVersion + ")" : "") + " into " + file.file()
                        + ", " + file.bytes() + " bytes, SHA-256 " + file.sha256() + "; verified");
        return Optional.of(this.store.get(result.id()));
    }

    private long count(long snapshotId, ArchiveSelection selection) {
        List<Object> params = new ArrayList<>(List.of(snapshotId, selection.object()));
        String where = "";
        if (!selection.selectsAll()) {
            where = " and (" + selection.predicateSql() + ")";
            params.addAll(selection.params());
        }
        Long count = this.jdbc.queryForObject("select count(*) from staged_record s where s.snapshot_id = ?"
                + " and s.object = ? and not s.deleted" + where, Long.class, params.toArray());
        return (count != null) ? count : 0;
    }

}
