package dev.switchyard.scope.archive;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import dev.switchyard.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The archives of a project in the automation API: listed with their files' counts and
 * SHA-256 hashes, each with its manifest, and downloadable as a ZIP. Only verified
 * archives are listed and downloaded. Project members only (checked before the controller
 * runs).
 */
@RestController
@Tag(name = "Archives", description = "The records the scope archives, written by migration runs and verified")
class ArchiveApiController {

    private final ArchiveStore archives;

    ArchiveApiController(ArchiveStore archives) {
        this.archives = archives;
    }

    /**
     * An archive as the API shows it.
     *
     * @param id its id
     * @param runId the run that wrote it, or null
     * @param object the source object of a run's archive, or null
     * @param snapshotId the extraction whose records it holds
     * @param scopeVersion the scope version that archived them, or null
     * @param records the records it holds
     * @param createdBy who started the run (or wrote it)
     * @param createdAt when it was written
     * @param verifiedAt when its files were read back and matched its manifest
     * @param files its CSV files
     * @param manifest its manifest (only for one archive)
     */
    record ArchiveJson(long id, Long runId, String object, long snapshotId, Integer scopeVersion, long records,
            String createdBy, Instant createdAt, Instant verifiedAt, List<ArchiveFile> files,
            Map<String, Object> manifest) {

        static ArchiveJson of(ArchiveSnapshot a, boolean manifest) {
            return new ArchiveJson(a.id(), a.runId(), a.object(), a.snapshotId(), a.scopeVersion(), a.records(),
                    a.createdBy(), a.createdAt(), a.verifiedAt(), a.files(), manifest ? a.manifest() : null);
        }

    }

    @GetMapping("/api/v1/projects/{projectId}/archives")
    @Operation(summary = "The project's verified archives, newest first",
            description = "[{\"id\",\"runId\",\"object\",\"snapshotId\",\"scopeVersion\",\"records\",\"createdBy\","
                    + "\"createdAt\",\"verifiedAt\",\"files\":[{\"object\",\"file\",\"records\",\"bytes\",\"sha256\"}]}]")
    List<ArchiveJson> list(@PathVariable Long projectId) {
        return this.archives.list(projectId).stream().map((a) -> ArchiveJson.of(a, false)).toList();
    }

    @GetMapping("/api/v1/projects/{projectId}/archives/{archiveId}")
    @Operation(summary = "One archive with its manifest", description = "404 for an archive of another project.")
    ArchiveJson get(@PathVariable Long projectId, @PathVariable long archiveId) {
        return ArchiveJson.of(archive(projectId, archiveId), true);
    }

    @GetMapping("/api/v1/projects/{projectId}/archives/{archiveId}/download")
    @Operation(summary = "Download an archive as a ZIP (manifest.json first, then a CSV per object)",
            description = "409 for an archive that was not written to the end and verified.")
    void download(@PathVariable Long projectId, @PathVariable long archiveId, HttpServletResponse response)
            throws IOException {
        if (!archive(projectId, archiveId).verified()) {
            throw ArchiveStore.unverified(archiveId);
        }
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("archive-" + archiveId + ".zip").build().toString());
        this.archives.zip(archiveId, response.getOutputStream());
    }

    private ArchiveSnapshot archive(Long projectId, long archiveId) {
        ArchiveSnapshot archive = this.archives.get(archiveId);
        if (archive.projectId() != projectId) {
            throw NotFoundException.of("Archive", archiveId);
        }
        return archive;
    }

}
