package dev.switchyard.connection;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.project.Environment;
import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.ProjectService;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.system.FormErrors;
import dev.switchyard.system.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The connections tab: the project's source and the target of each environment.
 */
@Controller
class ConnectionController {

    private final ConnectionService connections;

    private final ProjectService projects;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    ConnectionController(ConnectionService connections, ProjectService projects, ProjectAccess access,
            WorkspaceModel workspace) {
        this.connections = connections;
        this.projects = projects;
        this.access = access;
        this.workspace = workspace;
    }

    @GetMapping("/projects/{projectId}/connections")
    String page(@PathVariable Long projectId, Model model) {
        fill(projectId, model, new ConnectionForm(), targetForm());
        return "connection/connections";
    }

    @PostMapping("/projects/{projectId}/connections")
    String create(@PathVariable Long projectId, @ModelAttribute("form") ConnectionForm form, BindingResult result,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            ConnectionService.Created created;
            if (file != null && !file.isEmpty()) {
                try (InputStream content = file.getInputStream()) {
                    created = this.connections.create(projectId, form.toRequest(), file.getOriginalFilename(), content);
                }
            }
            else {
                created = this.connections.create(projectId, form.toRequest(), null, null);
            }
            redirect.addFlashAttribute("flash",
                    "Connected '" + created.connection().getName() + "'. " + created.check().summary() + ".");
            return "redirect:/projects/" + projectId + "/connections";
        }
        catch (InvalidInputException refused) {
            InvalidInputException ex = new InvalidInputException(form.formField(refused.getField()),
                    refused.getMessage());
            if ("target".equalsIgnoreCase(form.getRole())) {
                fill(projectId, model, new ConnectionForm(), form);
                model.addAttribute("targetError", ex.getMessage());
                model.addAttribute("targetErrorEnvironment", form.getEnvironment());
            }
            else {
                FormErrors.reject(result, ex);
                fill(projectId, model, form, targetForm());
            }
            return "connection/connections";
        }
    }

    @PostMapping("/projects/{projectId}/connections/{connectionId}/files")
    String replaceFiles(@PathVariable Long projectId, @PathVariable Long connectionId,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        this.access.require(projectId, ProjectRole.ANALYST);
        this.connections.inProject(projectId, connectionId);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "Choose a file to upload.");
            return "redirect:/projects/" + projectId + "/connections";
        }
        try (InputStream content = file.getInputStream()) {
            ConnectionService.Created created = this.connections.replaceUpload(connectionId, file.getOriginalFilename(),
                    content);
            redirect.addFlashAttribute("flash", "Files replaced. " + created.check().summary() + ".");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/connections";
    }

    @PostMapping("/projects/{projectId}/connections/{connectionId}/test")
    String test(@PathVariable Long projectId, @PathVariable Long connectionId, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        ConnectionCheck check = this.connections.check(this.connections.inProject(projectId, connectionId));
        redirect.addFlashAttribute(check.ok() ? "flash" : "flashError",
                (check.ok() ? "Connection works. " : "Connection failed: ") + check.summary());
        return "redirect:/projects/" + projectId + "/connections";
    }

    @PostMapping("/projects/{projectId}/connections/{connectionId}/budget")
    String budget(@PathVariable Long projectId, @PathVariable Long connectionId,
            @RequestParam(required = false) String apiBudgetPercent, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        this.connections.inProject(projectId, connectionId);
        try {
            DataConnection connection = this.connections.setBudgetPercent(connectionId, apiBudgetPercent);
            redirect.addFlashAttribute("flash", "'" + connection.getName() + "' may now use "
                    + connection.getOptions().get(CrmSettings.BUDGET_PERCENT) + "% of the daily API limit.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/connections";
    }

    @PostMapping("/projects/{projectId}/connections/{connectionId}/refresh")
    String refresh(@PathVariable Long projectId, @PathVariable Long connectionId, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        this.connections.inProject(projectId, connectionId);
        try {
            ConnectionCheck check = this.connections.refreshTarget(connectionId);
            redirect.addFlashAttribute("flash", "Target schema read again. " + check.summary() + ".");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/connections";
    }

    @PostMapping("/projects/{projectId}/connections/{connectionId}/objects")
    String objectSettings(@PathVariable Long projectId, @PathVariable Long connectionId,
            @RequestParam(required = false) String object, @RequestParam(required = false) String idField,
            @RequestParam(required = false) String modifiedField, @RequestParam(required = false) String categoryField,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        this.connections.inProject(projectId, connectionId);
        if (object == null || object.isBlank()) {
            redirect.addFlashAttribute("flashError", "Choose an object.");
        }
        else {
            this.connections.setObjectFields(connectionId, object.trim(), idField, modifiedField, categoryField);
            redirect.addFlashAttribute("flash",
                    "Saved the fields of " + object.trim() + "; they apply from the next extraction.");
        }
        return "redirect:/projects/" + projectId + "/connections";
    }

    private static ConnectionForm targetForm() {
        ConnectionForm form = new ConnectionForm();
        form.setRole("target");
        form.setType("jdbc");
        return form;
    }

    private void fill(Long projectId, Model model, ConnectionForm sourceForm, ConnectionForm targetForm) {
        this.workspace.fill(projectId, model, "connections");
        DataConnection source = this.connections.source(projectId).orElse(null);
        model.addAttribute("source", source);
        if (source != null && source.getType().isFileBased()) {
            model.addAttribute("sourceFiles",
                    this.connections.files(source).stream().map((p) -> p.getFileName().toString()).toList());
        }
        Map<Environment, DataConnection> targets = new LinkedHashMap<>();
        List<Environment> environments = this.projects.environments(projectId);
        for (Environment environment : environments) {
            targets.put(environment, this.connections.target(environment.getId()).orElse(null));
        }
        model.addAttribute("targets", targets);
        model.addAttribute("environments", environments.stream().map(Environment::getName).toList());
        model.addAttribute("form", sourceForm);
        model.addAttribute("targetForm", targetForm);
        model.addAttribute("uploadLimitMb", this.connections.uploadLimit() / (1024 * 1024));
        model.addAttribute("crmSources", this.connections.crmTypes(ConnectionRole.SOURCE));
        model.addAttribute("crmTargets", this.connections.crmTypes(ConnectionRole.TARGET));
        Map<Long, ApiBudgets.Budget> budgets = new LinkedHashMap<>();
        if (source != null && source.getType().isCrm()) {
            budgets.put(source.getId(), this.connections.budget(source));
        }
        targets.values()
            .stream()
            .filter((t) -> t != null && t.getType().isCrm())
            .forEach((t) -> budgets.put(t.getId(), this.connections.budget(t)));
        model.addAttribute("budgets", budgets);
    }

}
