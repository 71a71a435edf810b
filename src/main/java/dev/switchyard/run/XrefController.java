package dev.switchyard.run;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import dev.switchyard.project.Environment;
import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectService;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.system.NotFoundException;
import dev.switchyard.system.TableExport;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cross-reference page of the runs tab: per environment, which target record each
 * loaded source record became, searchable by the start of a source or target id and
 * filtered by object, a page at a time, with CSV and XLSX exports of what the filter
 * matches — for every project member, in the browser session.
 */
@Controller
class XrefController {

    static final int PAGE = 50;

    /** The most data rows an XLSX sheet holds (one row is the header). */
    static final long XLSX_ROWS = 1_048_575;

    static final List<String> HEADERS = List.of("source_object", "source_id", "target_object", "target_id", "run",
            "deactivated");

    private final XrefStore store;

    private final ProjectService projects;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    XrefController(XrefStore store, ProjectService projects, ProjectAccess access, WorkspaceModel workspace) {
        this.store = store;
        this.projects = projects;
        this.access = access;
        this.workspace = workspace;
    }

    @GetMapping("/projects/{projectId}/xref")
    String page(@PathVariable Long projectId, @RequestParam(required = false) String environment,
            @RequestParam(required = false) String object, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        this.workspace.fill(projectId, model, "runs");
        List<Environment> environments = this.projects.environments(projectId);
        Environment selected = environment(environments, environment);
        XrefStore.Filter filter = new XrefStore.Filter(object, q);
        long total = this.store.count(selected.getId(), filter);
        int pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
        int current = Math.max(0, Math.min(page, pages - 1));
        model.addAttribute("environments", environments);
        model.addAttribute("environment", selected);
        model.addAttribute("objects", XrefStore.objects(this.store.pairs(selected.getId())));
        model.addAttribute("object", (filter.object() != null) ? filter.object() : "");
        model.addAttribute("q", (filter.id() != null) ? filter.id() : "");
        model.addAttribute("rows", this.store.page(selected.getId(), filter, (long) current * PAGE, PAGE));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("xlsxRows", XLSX_ROWS);
        return "run/xref";
    }

    @GetMapping("/projects/{projectId}/xref.csv")
    void csv(@PathVariable Long projectId, @RequestParam(required = false) String environment,
            @RequestParam(required = false) String object, @RequestParam(required = false) String q,
            HttpServletResponse response) throws IOException {
        this.access.requireView(projectId);
        Environment selected = environment(this.projects.environments(projectId), environment);
        XrefStore.Filter filter = new XrefStore.Filter(object, q);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(selected, "csv"));
        try (Stream<List<?>> rows = this.store.rows(selected.getId(), filter)) {
            TableExport.csv(HEADERS, rows, response.getOutputStream());
        }
    }

    @GetMapping("/projects/{projectId}/xref.xlsx")
    String xlsx(@PathVariable Long projectId, @RequestParam(required = false) String environment,
            @RequestParam(required = false) String object, @RequestParam(required = false) String q,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        this.access.requireView(projectId);
        Environment selected = environment(this.projects.environments(projectId), environment);
        XrefStore.Filter filter = new XrefStore.Filter(object, q);
        long total = this.store.count(selected.getId(), filter);
        if (total > XLSX_ROWS) {
            redirect.addFlashAttribute("flashError",
                    "The cross-reference of " + selected.getName() + " has " + total + " matching rows, more than an "
                            + "XLSX sheet holds (" + XLSX_ROWS + "): filter it by object or id, or download the CSV");
            return "redirect:" + UriComponentsBuilder.fromPath("/projects/{projectId}/xref")
                .queryParam("environment", selected.getName())
                .queryParamIfPresent("object", java.util.Optional.ofNullable(filter.object()))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(filter.id()))
                .encode()
                .buildAndExpand(projectId)
                .toUriString();
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(selected, "xlsx"));
        try (Stream<List<?>> rows = this.store.rows(selected.getId(), filter)) {
            TableExport.xlsx("Cross-reference", HEADERS, rows, response.getOutputStream());
        }
        return null;
    }

    private static String attachment(Environment environment, String extension) {
        return ContentDisposition.attachment()
            .filename("xref-" + environment.getName().replaceAll("[^A-Za-z0-9_-]+", "-") + "." + extension)
            .build()
            .toString();
    }

    /**
     * @return the environment of that name (any case), the project's first without one
     */
    private static Environment environment(List<Environment> environments, String name) {
        if (name == null || name.isBlank()) {
            return environments.stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("This project has no environment"));
        }
        return environments.stream()
            .filter((e) -> e.getName().equalsIgnoreCase(name.strip()))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No environment named '" + name.strip() + "'"));
    }

}
