package dev.switchyard.scope;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.TableExport;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scope tab: the scope document with what each decision costs in records, its
 * lifecycle (submit, approve, reject), its history, comparisons of versions, a printable
 * page and an XLSX export.
 */
@Controller
class ScopeController {

    private final ScopeService scope;

    private final ScopeViews views;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    private final ScopeComments comments;

    private final dev.switchyard.scope.archive.ArchiveStore archives;

    private final ObjectProvider<FieldsNotMigrated> notMigrated;

    private final ScopeMoves moves;

    ScopeController(ScopeService scope, ScopeViews views, ProjectAccess access, WorkspaceModel workspace,
            ScopeComments comments, dev.switchyard.scope.archive.ArchiveStore archives,
            ObjectProvider<FieldsNotMigrated> notMigrated, ScopeMoves moves) {
        this.notMigrated = notMigrated;
        this.moves = moves;
        this.scope = scope;
        this.views = views;
        this.access = access;
        this.workspace = workspace;
        this.comments = comments;
        this.archives = archives;
    }

    @GetMapping("/projects/{projectId}/archives/{archiveId}.zip")
    void archive(@PathVariable Long projectId, @PathVariable Long archiveId, HttpServletResponse response)
            throws IOException {
        dev.switchyard.scope.archive.ArchiveSnapshot archive = this.archives.get(archiveId);
        if (archive.projectId() != projectId || !archive.verified()) {
            throw dev.switchyard.system.NotFoundException.of("Archive", archiveId);
        }
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("archive-" + archiveId + ".zip").build().toString());
        this.archives.zip(archiveId, response.getOutputStream());
    }

    @PostMapping("/projects/{projectId}/scope/comments")
    String comment(@PathVariable Long projectId, @RequestParam int version,
            @RequestParam(required = false) String object, @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        try {
            this.comments.add(projectId, version, object, text);
            redirect.addFlashAttribute("flash", "Comment added.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/scope?version=" + version;
    }

    @GetMapping("/projects/{projectId}/scope")
    String page(@PathVariable Long projectId, @RequestParam(required = false) Integer version, Model model) {
        Optional<ScopeVersion> shown = fill(projectId, version, model);
        shown.ifPresent((s) -> model.addAttribute("form", ScopeForm.of(s)));
        return "scope/scope";
    }

    @PostMapping("/projects/{projectId}/scope")
    String save(@PathVariable Long projectId, @ModelAttribute("form") ScopeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            ScopeVersion latest = this.scope.latest(projectId)
                .orElseThrow(() -> new InvalidInputException("version",
                        "There is no scope yet: it is created by the first completed extraction"));
            List<ScopeLineInput> lines = new ArrayList<>();
            for (int i = 0; i < form.getLines().size(); i++) {
                ScopeForm.Line line = form.getLines().get(i);
                List<Map<String, Object>> rules = (i < latest.getLines().size()
                        && latest.getLines().get(i).getObject().equals(line.getObject()))
                                ? latest.getLines().get(i).getRules() : List.of();
                lines.add(new ScopeLineInput(line.getObject(), line.getField(), line.getDecision(), line.getRationale(),
                        rules));
            }
            ScopeVersion saved = this.scope.save(projectId, (form.getVersion() != null) ? form.getVersion() : -1,
                    form.getRowVersion(), lines);
            redirect.addFlashAttribute("flash",
                    (saved.getVersion() == latest.getVersion()) ? "Scope v" + saved.getVersion() + " saved."
                            : "Scope v" + latest.getVersion() + " is " + latest.getStatus().name().toLowerCase()
                                    + " and stays as it is: your changes are draft v" + saved.getVersion() + ".");
            return "redirect:/projects/" + projectId + "/scope";
        }
        catch (InvalidInputException ex) {
            // the lines are table cells: the message goes to the form's summary, the text
            // typed stays in the form
            result.reject("invalid", ex.getMessage());
            fill(projectId, null, model);
            return "scope/scope";
        }
    }

    @PostMapping("/projects/{projectId}/scope/fields")
    String addFieldLine(@PathVariable Long projectId, @RequestParam(required = false) String field,
            @RequestParam(required = false) String decision, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            if (field == null || !field.contains(".")) {
                throw new InvalidInputException("field", "Choose a field");
            }
            ScopeVersion latest = this.scope.latest(projectId)
                .orElseThrow(() -> new InvalidInputException("field", "There is no scope yet"));
            List<ScopeLineInput> lines = new ArrayList<>();
            latest.getLines().forEach((l) -> lines.add(ScopeLineInput.of(l)));
            String object = field.substring(0, field.indexOf('.'));
            String name = field.substring(field.indexOf('.') + 1);
            lines.add(new ScopeLineInput(object, name, decision, null, List.of()));
            ScopeVersion saved = this.scope.save(projectId, latest.getVersion(), lines);
            redirect.addFlashAttribute("flash", "Added a line for " + field + " to scope v" + saved.getVersion() + ".");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/scope";
    }

    @PostMapping("/projects/{projectId}/scope/submit")
    String submit(@PathVariable Long projectId, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return act(projectId, redirect, () -> this.scope.submit(projectId),
                "Submitted: the project's stakeholders have been notified.");
    }

    @PostMapping("/projects/{projectId}/scope/approve")
    String approve(@PathVariable Long projectId, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        this.access.requireMemberRole(projectId, ProjectRole.STAKEHOLDER);
        return act(projectId, redirect, () -> this.scope.decide(projectId, true, comment), "Scope approved.");
    }

    @PostMapping("/projects/{projectId}/scope/reject")
    String reject(@PathVariable Long projectId, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        this.access.requireMemberRole(projectId, ProjectRole.STAKEHOLDER);
        return act(projectId, redirect, () -> this.scope.decide(projectId, false, comment), "Scope rejected.");
    }

    @GetMapping("/projects/{projectId}/scope/compare")
    String compare(@PathVariable Long projectId, @RequestParam int from, @RequestParam int to, Model model) {
        this.workspace.fill(projectId, model, "scope");
        ScopeVersion older = this.scope.version(projectId, from);
        ScopeVersion newer = this.scope.version(projectId, to);
        model.addAttribute("from", older);
        model.addAttribute("to", newer);
        model.addAttribute("rows", ScopeComparison.compare(older, newer, this.views::rules));
        model.addAttribute("moves", this.moves.compare(older, newer));
        model.addAttribute("snapshot", this.moves.snapshot(projectId).orElse(null));
        model.addAttribute("decisions", List.of(Decision.values()));
        model.addAttribute("history", this.scope.history(projectId));
        return "scope/compare";
    }

    @GetMapping("/projects/{projectId}/scope/print")
    String print(@PathVariable Long projectId, @RequestParam(required = false) Integer version, Model model) {
        fill(projectId, version, model);
        return "scope/print";
    }

    @GetMapping("/projects/{projectId}/scope.xlsx")
    void export(@PathVariable Long projectId, @RequestParam(required = false) Integer version,
            HttpServletResponse response) throws IOException {
        ScopeVersion shown = (version != null) ? this.scope.version(projectId, version) : this.scope.latest(projectId)
            .orElseThrow(() -> new dev.switchyard.system.NotFoundException("This project has no scope yet"));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("scope-v" + shown.getVersion() + ".xlsx").build().toString());
        List<ScopeViews.LineView> lines = this.views.lines(shown);
        TableExport.xlsx("Scope v" + shown.getVersion(),
                List.of("Object", "Field", "Decision", "Rationale", "Record rules", "Migrate", "Archive", "Exclude",
                        "Version", "Status", "Approved by", "Approved at (UTC)", "Content SHA-256"),
                lines.stream()
                    .map((l) -> List.<Object>of(l.line().getObject(),
                            (l.line().getField() != null) ? l.line().getField() : "", l.line().getDecision().name(),
                            (l.line().getRationale() != null) ? l.line().getRationale() : "",
                            ScopeViews.describe(l.rules()), count(l, "MIGRATE"), count(l, "ARCHIVE"),
                            count(l, "EXCLUDE"), shown.getVersion(), shown.getStatus().name(),
                            (shown.getStatus() == ScopeStatus.APPROVED) ? shown.getDecidedBy() : "",
                            (shown.getStatus() == ScopeStatus.APPROVED) ? shown.getDecidedAt() : "",
                            (shown.getContentHash() != null) ? shown.getContentHash() : "")),
                response.getOutputStream());
    }

    private static Object count(ScopeViews.LineView line, String decision) {
        return (line.records() != null) ? line.records().getOrDefault(decision, 0L) : "";
    }

    private String act(Long projectId, RedirectAttributes redirect, Runnable action, String message) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", message);
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/scope";
    }

    private Optional<ScopeVersion> fill(Long projectId, Integer version, Model model) {
        this.workspace.fill(projectId, model, "scope");
        Optional<ScopeVersion> latest = this.scope.latest(projectId);
        Optional<ScopeVersion> shown = (version != null) ? Optional.of(this.scope.version(projectId, version)) : latest;
        model.addAttribute("scope", shown.orElse(null));
        model.addAttribute("latest", latest.orElse(null));
        model.addAttribute("editable",
                shown.isPresent() && latest.isPresent() && shown.get().getVersion() == latest.get().getVersion());
        model.addAttribute("lines", shown.map(this.views::lines).orElse(List.of()));
        model.addAttribute("comments", shown.map(this.comments::of).orElse(List.of()));
        model.addAttribute("archives", this.archives.list(projectId));
        model.addAttribute("fieldChoices", this.views.fieldChoices(projectId));
        model.addAttribute("history", this.scope.history(projectId));
        model.addAttribute("decisions", List.of("MIGRATE", "ARCHIVE", "EXCLUDE"));
        model.addAttribute("isStakeholder", isStakeholder(projectId));
        // what the mapping leaves behind, so that the scope is approved knowing it
        FieldsNotMigrated fields = this.notMigrated.getIfAvailable();
        model.addAttribute("notMigrated", (fields != null && shown.isPresent()) ? fields.of(projectId) : null);
        return shown;
    }

    private boolean isStakeholder(Long projectId) {
        try {
            this.access.requireMemberRole(projectId, ProjectRole.STAKEHOLDER);
            return true;
        }
        catch (org.springframework.security.access.AccessDeniedException ex) {
            return false;
        }
    }

}
