package dev.switchyard.project;

import dev.switchyard.audit.AuditLog;
import dev.switchyard.system.FormErrors;
import dev.switchyard.system.InvalidInputException;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The project list, creating and editing projects, archiving, and the workspace overview.
 */
@Controller
class ProjectController {

    private static final int PAGE_SIZE = 20;

    private final ProjectService projects;

    private final ProjectAccess access;

    private final AuditLog audit;

    private final WorkspaceModel workspace;

    ProjectController(ProjectService projects, ProjectAccess access, AuditLog audit, WorkspaceModel workspace) {
        this.projects = projects;
        this.access = access;
        this.audit = audit;
        this.workspace = workspace;
    }

    @InitBinder
    void disallowId(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/projects")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("archived", archived);
        model.addAttribute("page", this.projects.visible(q, archived,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Order.asc("name").ignoreCase()))));
        return "project/list";
    }

    @GetMapping("/projects/new")
    String createForm(Model model) {
        model.addAttribute("form", new ProjectForm());
        return "project/form";
    }

    @PostMapping("/projects")
    String create(@ModelAttribute("form") ProjectForm form, BindingResult result, RedirectAttributes redirect) {
        try {
            Project project = this.projects.create(form.getName(), form.getDescription());
            redirect.addFlashAttribute("flash", "Project '" + project.getName() + "' created.");
            return "redirect:/projects/" + project.getId();
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            return "project/form";
        }
    }

    @GetMapping("/projects/{projectId}")
    String overview(@PathVariable Long projectId, Model model) {
        Project project = workspace(projectId, model, "overview");
        model.addAttribute("members", this.projects.members(projectId));
        model.addAttribute("environments", this.projects.environments(projectId));
        model.addAttribute("activity", this.audit.recent(project.getId()));
        return "project/overview";
    }

    @GetMapping("/projects/{projectId}/edit")
    String editForm(@PathVariable Long projectId, Model model) {
        this.access.require(projectId, ProjectRole.ANALYST);
        Project project = workspace(projectId, model, "overview");
        model.addAttribute("form", ProjectForm.of(project));
        return "project/form";
    }

    @PostMapping("/projects/{projectId}/edit")
    String edit(@PathVariable Long projectId, @ModelAttribute("form") ProjectForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            this.projects.update(projectId, form.getVersion(), form.getName(), form.getDescription());
            redirect.addFlashAttribute("flash", "Project saved.");
            return "redirect:/projects/" + projectId;
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            workspace(projectId, model, "overview");
            return "project/form";
        }
    }

    @PostMapping("/projects/{projectId}/archive")
    String archive(@PathVariable Long projectId, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        this.projects.setArchived(projectId, true);
        redirect.addFlashAttribute("flash", "Project archived.");
        return "redirect:/projects/" + projectId;
    }

    @PostMapping("/projects/{projectId}/restore")
    String restore(@PathVariable Long projectId, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        this.projects.setArchived(projectId, false);
        redirect.addFlashAttribute("flash", "Project restored.");
        return "redirect:/projects/" + projectId;
    }

    private Project workspace(Long projectId, Model model, String tab) {
        return this.workspace.fill(projectId, model, tab);
    }

}
