package dev.switchyard.project;

import java.util.Arrays;

import dev.switchyard.system.FormErrors;
import dev.switchyard.system.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The environments tab: sandbox, staging, production and any others, added and renamed by
 * analysts.
 */
@Controller
class EnvironmentController {

    private final ProjectService projects;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    EnvironmentController(ProjectService projects, ProjectAccess access, WorkspaceModel workspace) {
        this.projects = projects;
        this.access = access;
        this.workspace = workspace;
    }

    @GetMapping("/projects/{projectId}/environments")
    String environments(@PathVariable Long projectId, Model model) {
        page(projectId, model);
        model.addAttribute("form", new EnvironmentForm());
        return "project/environments";
    }

    @PostMapping("/projects/{projectId}/environments")
    String add(@PathVariable Long projectId, @ModelAttribute("form") EnvironmentForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            Environment environment = this.projects.addEnvironment(projectId, form.getName(), form.getKind());
            redirect.addFlashAttribute("flash", "Environment '" + environment.getName() + "' added.");
            return "redirect:/projects/" + projectId + "/environments";
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            page(projectId, model);
            return "project/environments";
        }
    }

    @PostMapping("/projects/{projectId}/environments/{environmentId}/rename")
    String rename(@PathVariable Long projectId, @PathVariable Long environmentId,
            @ModelAttribute("renameForm") EnvironmentForm form, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            Environment environment = this.projects.renameEnvironment(projectId, environmentId, form.getName());
            redirect.addFlashAttribute("flash", "Environment renamed to '" + environment.getName() + "'.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/environments";
    }

    private void page(Long projectId, Model model) {
        this.workspace.fill(projectId, model, "environments");
        model.addAttribute("environments", this.projects.environments(projectId));
        model.addAttribute("kinds", Arrays.stream(EnvironmentKind.values()).map(Enum::name).toList());
    }

}
