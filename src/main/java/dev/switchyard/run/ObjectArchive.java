package dev.switchyard.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchyard.scope.archive.ArchiveSelection;
import dev.switchyard.scope.archive.ArchiveSnapshot;
import dev.switchyard.scope.archive.RunArchives;
import dev.switchyard.scope.rule.CompiledRule;

/**
 * The archive an object mapping's step makes sure of before it gives any record the
 * outcome ARCHIVED: the run's archive of the source object, holding every staged record
 * the scope decides ARCHIVE (the same decision the step reads with), written and verified
 * once per run and object ({@link RunArchives#ensure}).
 *
 * @param archives the run archives
 * @param run the run
 * @param object the source object
 * @param decision the scope's decision for its records
 * @param requestedBy who started the run
 */
record ObjectArchive(RunArchives archives, RunContext run, String object, CompiledRule decision, String requestedBy) {

    /**
     * @return the verified archive, or empty when the scope archives no record of the
     * object
     */
    Optional<ArchiveSnapshot> ensure() {
        List<Object> params = new ArrayList<>(this.decision.params());
        params.add("ARCHIVE");
        return this.archives.ensure(this.run.projectId(), this.run.id(), this.run.snapshotId(), this.run.scopeVersion(),
                new ArchiveSelection(this.object, "(" + this.decision.sql() + ") = ?", params), this.requestedBy);
    }

}
