package dev.switchyard.audit;

import java.io.IOException;

import dev.switchyard.project.WorkspaceModel;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log pages: a project's activity (for its members) and the whole log (for
 * administrators), filtered, paginated and exportable.
 */
@Controller
class AuditController {

    private static final int PAGE_SIZE = 50;

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AuditLog audit;

    private final AuditExport export;

    private final WorkspaceModel workspace;

    AuditController(AuditLog audit, AuditExport export, WorkspaceModel workspace) {
        this.audit = audit;
        this.export = export;
        this.workspace = workspace;
    }

    @GetMapping("/projects/{projectId}/activity")
    String projectActivity(@PathVariable Long projectId, @ModelAttribute("filter") AuditFilter filter,
            @RequestParam(defaultValue = "0") int page, Model model) {
        this.workspace.fill(projectId, model, "activity");
        model.addAttribute("page", this.audit.search(projectId, filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "audit/project-activity";
    }

    @GetMapping("/projects/{projectId}/activity.xlsx")
    void projectActivityXlsx(@PathVariable Long projectId, @ModelAttribute AuditFilter filter,
            HttpServletResponse response) throws IOException {
        download(response, "project-" + projectId + "-activity.xlsx", XLSX);
        this.export.xlsx(projectId, filter, response.getOutputStream());
    }

    @GetMapping("/projects/{projectId}/activity.csv")
    void projectActivityCsv(@PathVariable Long projectId, @ModelAttribute AuditFilter filter,
            HttpServletResponse response) throws IOException {
        download(response, "project-" + projectId + "-activity.csv", "text/csv;charset=UTF-8");
        this.export.csv(projectId, filter, response.getOutputStream());
    }

    @GetMapping("/admin/audit")
    String adminAudit(@ModelAttribute("filter") AuditFilter filter, @RequestParam(required = false) Long projectId,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("projectId", projectId);
        model.addAttribute("page", this.audit.search(projectId, filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "audit/admin-audit";
    }

    @GetMapping("/admin/audit.xlsx")
    void adminAuditXlsx(@ModelAttribute AuditFilter filter, @RequestParam(required = false) Long projectId,
            HttpServletResponse response) throws IOException {
        download(response, "audit-log.xlsx", XLSX);
        this.export.xlsx(projectId, filter, response.getOutputStream());
    }

    @GetMapping("/admin/audit.csv")
    void adminAuditCsv(@ModelAttribute AuditFilter filter, @RequestParam(required = false) Long projectId,
            HttpServletResponse response) throws IOException {
        download(response, "audit-log.csv", "text/csv;charset=UTF-8");
        this.export.csv(projectId, filter, response.getOutputStream());
    }

    private static void download(HttpServletResponse response, String filename, String contentType) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
    }

}
