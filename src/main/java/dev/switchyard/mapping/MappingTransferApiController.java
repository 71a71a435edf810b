package dev.switchyard.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Exporting and importing the mapping set as a file in the automation API.
 */
@RestController
@Tag(name = "Mapping")
class MappingTransferApiController {

    private final MappingTransfer transfer;

    private final ProjectAccess access;

    MappingTransferApiController(MappingTransfer transfer, ProjectAccess access) {
        this.transfer = transfer;
        this.access = access;
    }

    @GetMapping("/api/v1/projects/{projectId}/mapping/export")
    @Operation(summary = "The latest mapping as a file to download",
            description = "format=xlsx (default): a workbook analysts edit in a spreadsheet (an Objects sheet, a sheet "
                    + "of field mappings per object mapping, a sheet per picklist map, Picklist sources, Settings); "
                    + "format=json: the document as GET …/mapping returns it, pretty-printed. Either imports back "
                    + "unchanged. 422 for another format.")
    ResponseEntity<byte[]> export(@PathVariable Long projectId, @RequestParam(defaultValue = "xlsx") String format) {
        MappingTransfer.Download download = this.transfer.export(projectId, format);
        return ResponseEntity.ok()
            .contentType(download.contentType())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                        .filename(download.filename(), StandardCharsets.UTF_8)
                        .build()
                        .toString())
            .body(download.content());
    }

    @PostMapping(path = "/api/v1/projects/{projectId}/mapping/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a mapping file (XLSX or JSON) as the next version",
            description = "Multipart part file (at most 20 MB), query parameter version = the version the mapping was "
                    + "read at. 200 with the saved document (its new version); 409 when version is not the latest "
                    + "(nothing is saved); 422 for a file that is not a mapping file, naming the sheet, row and "
                    + "column (or the JSON path) of what is wrong.")
    MappingDocument importFile(@PathVariable Long projectId, @RequestParam(required = false) String version,
            @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        this.access.require(projectId, ProjectRole.ANALYST);
        int read = MappingTransfer.readVersion(version);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file",
                    "Send the mapping file (XLSX or JSON) as the multipart part 'file'");
        }
        return this.transfer.importFile(projectId, read, file.getOriginalFilename(), file.getInputStream())
            .saved()
            .document();
    }

}
