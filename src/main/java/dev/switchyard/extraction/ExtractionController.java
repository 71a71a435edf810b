package dev.switchyard.extraction;

import java.io.IOException;
import java.util.List;

import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.staging.StagingStore;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.TableExport;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The extractions tab: start a full or delta extraction, watch its progress, cancel it,
 * and see what each snapshot holds and what could not be read.
 */
@Controller
class ExtractionController {

    private static final int PROBLEMS_PER_PAGE = 100;

    private final ExtractionService extractions;

    private final SnapshotLifecycle snapshots;

    private final StagingStore store;

    private final ConnectionService connections;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    private final ExtractionBudget budget;

    ExtractionController(ExtractionService extractions, SnapshotLifecycle snapshots, StagingStore store,
            ConnectionService connections, ProjectAccess access, WorkspaceModel workspace, ExtractionBudget budget) {
        this.budget = budget;
        this.extractions = extractions;
        this.snapshots = snapshots;
        this.store = store;
        this.connections = connections;
        this.access = access;
        this.workspace = workspace;
    }

    @GetMapping("/projects/{projectId}/extractions")
    String list(@PathVariable Long projectId, @RequestParam(defaultValue = "0") int page, Model model) {
        this.workspace.fill(projectId, model, "extractions");
        model.addAttribute("hasSource", this.connections.source(projectId).isPresent());
        model.addAttribute("crmSource",
                this.connections.source(projectId).map((s) -> s.getType().isCrm()).orElse(false));
        model.addAttribute("hasCompleted", this.snapshots.latestUsable(projectId).isPresent());
        model.addAttribute("page", this.snapshots.list(projectId, PageRequest.of(Math.max(page, 0), 20)));
        return "extraction/list";
    }

    /**
     * The API budget estimate of an extraction from a CRM, loaded after the page (it asks
     * the source).
     */
    @GetMapping("/projects/{projectId}/extractions/budget-estimate")
    String budgetEstimate(@PathVariable Long projectId, Model model) {
        this.workspace.fill(projectId, model, "extractions");
        model.addAttribute("estimate", this.budget.estimate(projectId).orElse(null));
        return "extraction/_budget :: estimate";
    }

    @PostMapping("/projects/{projectId}/extractions")
    String start(@PathVariable Long projectId, @RequestParam(defaultValue = "full") String mode,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            Snapshot snapshot = this.extractions.start(projectId, mode);
            return "redirect:/projects/" + projectId + "/extractions/" + snapshot.getId();
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
            return "redirect:/projects/" + projectId + "/extractions";
        }
    }

    @GetMapping("/projects/{projectId}/extractions/{snapshotId}")
    String detail(@PathVariable Long projectId, @PathVariable Long snapshotId,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Snapshot snapshot = this.snapshots.inProject(projectId, snapshotId);
        this.workspace.fill(projectId, model, "extractions");
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("objects", this.store.objects(snapshotId));
        long problemCount = this.store.problemCount(snapshotId);
        int safePage = Math.max(page, 0);
        model.addAttribute("problems",
                this.store.problems(snapshotId, safePage * PROBLEMS_PER_PAGE, PROBLEMS_PER_PAGE));
        model.addAttribute("problemCount", problemCount);
        model.addAttribute("problemPage", safePage);
        model.addAttribute("problemPages", (problemCount + PROBLEMS_PER_PAGE - 1) / PROBLEMS_PER_PAGE);
        return "extraction/detail";
    }

    @GetMapping("/projects/{projectId}/extractions/{snapshotId}/progress")
    String progress(@PathVariable Long projectId, @PathVariable Long snapshotId, Model model,
            HttpServletResponse response) {
        Snapshot snapshot = this.snapshots.inProject(projectId, snapshotId);
        if (snapshot.getStatus().isFinished()) {
            // the page below the bar (objects, problems) changed too: have htmx reload it
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("project", this.workspace.fill(projectId, model, "extractions"));
        model.addAttribute("snapshot", snapshot);
        return "extraction/detail :: progress";
    }

    @PostMapping("/projects/{projectId}/extractions/{snapshotId}/cancel")
    String cancel(@PathVariable Long projectId, @PathVariable Long snapshotId, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        this.snapshots.inProject(projectId, snapshotId);
        try {
            this.extractions.cancel(snapshotId);
            redirect.addFlashAttribute("flash", "Cancelling: the extraction stops at its next checkpoint.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/extractions/" + snapshotId;
    }

    @GetMapping("/projects/{projectId}/extractions/{snapshotId}/problems.xlsx")
    void problemsXlsx(@PathVariable Long projectId, @PathVariable Long snapshotId, HttpServletResponse response)
            throws IOException {
        this.snapshots.inProject(projectId, snapshotId);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                    .filename("extraction-" + snapshotId + "-problems.xlsx")
                    .build()
                    .toString());
        List<ExtractionProblem> problems = this.store.problems(snapshotId, 0, Integer.MAX_VALUE);
        TableExport.xlsx("Problems", List.of("Object", "Location", "Field", "Message", "Raw value"),
                problems.stream()
                    .map((p) -> List.of(text(p.object()), text(p.location()), text(p.field()), text(p.message()),
                            text(p.rawValue()))),
                response.getOutputStream());
    }

    private static String text(String value) {
        return (value != null) ? value : "";
    }

}
