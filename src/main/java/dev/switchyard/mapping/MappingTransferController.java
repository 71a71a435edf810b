package dev.switchyard.mapping;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Exporting the mapping set as an XLSX workbook or a JSON file (any member), and
 * importing one as the next version (analysts), from the mapping page.
 */
@Controller
class MappingTransferController {

    private final MappingTransfer transfer;

    private final ProjectAccess access;

    MappingTransferController(MappingTransfer transfer, ProjectAccess access) {
        this.transfer = transfer;
        this.access = access;
    }

    @GetMapping("/projects/{projectId}/mapping/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@PathVariable Long projectId, HttpServletRequest request,
            HttpServletResponse response) {
        return export(projectId, "xlsx", request, response);
    }

    @GetMapping("/projects/{projectId}/mapping/export.json")
    ResponseEntity<byte[]> exportJson(@PathVariable Long projectId, HttpServletRequest request,
            HttpServletResponse response) {
        return export(projectId, "json", request, response);
    }

    @PostMapping(path = "/projects/{projectId}/mapping/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importFile(@PathVariable Long projectId, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String version, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            int read = MappingTransfer.readVersion(version);
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "Choose a mapping file (XLSX or JSON) to import");
            }
            MappingTransfer.Imported imported = this.transfer.importFile(projectId, read, file.getOriginalFilename(),
                    file.getInputStream());
            redirect.addFlashAttribute("flash", imported.message());
        }
        catch (ConflictException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", "Not imported: " + ex.getMessage());
        }
        catch (IOException ex) {
            redirect.addFlashAttribute("flashError",
                    "Not imported: the upload could not be read (" + ex.getMessage() + ")");
        }
        return "redirect:/projects/" + projectId + "/mapping";
    }

    private ResponseEntity<byte[]> export(Long projectId, String format, HttpServletRequest request,
            HttpServletResponse response) {
        try {
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
        catch (InvalidInputException ex) {
            // e.g. a value too long for a spreadsheet cell: back to the page, saying so
            String page = "/projects/" + projectId + "/mapping";
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("flashError", "Not exported: " + ex.getMessage());
            RequestContextUtils.saveOutputFlashMap(page, request, response);
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(request.getContextPath() + page))
                .build();
        }
    }

}
