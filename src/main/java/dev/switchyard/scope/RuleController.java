package dev.switchyard.scope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.scope.rule.Operator;
import dev.switchyard.scope.rule.RecordRule;
import dev.switchyard.scope.rule.RuleProblem;
import dev.switchyard.scope.rule.RuleValidator;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.system.FormErrors;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

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
 * The record rules of one scope line, built in a form: add a rule, remove one.
 */
@Controller
class RuleController {

    private final ScopeService scope;

    private final ScopeViews views;

    private final SnapshotLifecycle snapshots;

    private final DictionaryStore dictionary;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    RuleController(ScopeService scope, ScopeViews views, SnapshotLifecycle snapshots, DictionaryStore dictionary,
            ProjectAccess access, WorkspaceModel workspace) {
        this.scope = scope;
        this.views = views;
        this.snapshots = snapshots;
        this.dictionary = dictionary;
        this.access = access;
        this.workspace = workspace;
    }

    @GetMapping("/projects/{projectId}/scope/rules")
    String page(@PathVariable Long projectId, @RequestParam(defaultValue = "0") int line, Model model) {
        fill(projectId, line, model);
        model.addAttribute("form", new RuleForm());
        return "scope/rules";
    }

    @PostMapping("/projects/{projectId}/scope/rules")
    String add(@PathVariable Long projectId, @RequestParam(defaultValue = "0") int line,
            @ModelAttribute("form") RuleForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        ScopeVersion latest = latest(projectId);
        ScopeLine target = line(latest, line);
        try {
            RecordRule rule = form.toRule();
            List<RecordRule> rules = new ArrayList<>(this.views.rules(target.getRules()));
            rules.add(rule);
            List<DictionaryObject> objects = objects(projectId);
            if (!objects.isEmpty()) {
                List<RuleProblem> problems = RuleValidator.validate(target.getObject(), rules, objects);
                if (!problems.isEmpty()) {
                    throw new InvalidInputException("conditions", problems.get(0).message());
                }
            }
            ScopeVersion saved = save(projectId, latest, line, rules);
            redirect.addFlashAttribute("flash", "Rule added to " + target.getObject() + " in scope v"
                    + saved.getVersion() + ": " + ScopeViews.describe(rule));
            return "redirect:/projects/" + projectId + "/scope";
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            fill(projectId, line, model);
            return "scope/rules";
        }
    }

    @PostMapping("/projects/{projectId}/scope/rules/remove")
    String remove(@PathVariable Long projectId, @RequestParam(defaultValue = "0") int line,
            @RequestParam(defaultValue = "0") int rule, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        ScopeVersion latest = latest(projectId);
        ScopeLine target = line(latest, line);
        List<RecordRule> rules = new ArrayList<>(this.views.rules(target.getRules()));
        if (rule < 0 || rule >= rules.size()) {
            throw new NotFoundException("There is no rule " + (rule + 1) + " on " + target.getObject());
        }
        rules.remove(rule);
        ScopeVersion saved = save(projectId, latest, line, rules);
        redirect.addFlashAttribute("flash",
                "Rule removed from " + target.getObject() + " in scope v" + saved.getVersion() + ".");
        return "redirect:/projects/" + projectId + "/scope";
    }

    private ScopeVersion save(Long projectId, ScopeVersion latest, int index, List<RecordRule> rules) {
        List<ScopeLineInput> lines = new ArrayList<>();
        for (int i = 0; i < latest.getLines().size(); i++) {
            ScopeLineInput line = ScopeLineInput.of(latest.getLines().get(i));
            lines.add((i != index) ? line : new ScopeLineInput(line.object(), line.field(), line.decision(),
                    line.rationale(), rules.stream().map(this.views::stored).toList()));
        }
        return this.scope.save(projectId, latest.getVersion(), lines);
    }

    private void fill(Long projectId, int index, Model model) {
        this.workspace.fill(projectId, model, "scope");
        ScopeVersion latest = latest(projectId);
        ScopeLine line = line(latest, index);
        List<DictionaryObject> objects = objects(projectId);
        model.addAttribute("scope", latest);
        model.addAttribute("index", index);
        model.addAttribute("line", line);
        model.addAttribute("rules", this.views.rules(line.getRules()).stream().map(ScopeViews::describe).toList());
        model.addAttribute("fields",
                objects.stream()
                    .filter((o) -> o.name().equals(line.getObject()))
                    .flatMap((o) -> o.fields().stream().map(DictionaryField::name))
                    .toList());
        model.addAttribute("relations",
                objects.stream().flatMap((o) -> o.fields().stream().map((f) -> o.name() + "." + f.name())).toList());
        model.addAttribute("operators", Arrays.stream(Operator.values()).filter((o) -> !o.relation()).toList());
        model.addAttribute("decisions", List.of("MIGRATE", "ARCHIVE", "EXCLUDE"));
    }

    private List<DictionaryObject> objects(Long projectId) {
        return this.snapshots.latestUsable(projectId)
            .map((s) -> this.dictionary.forSnapshot(s.getId()))
            .orElse(List.of());
    }

    private ScopeVersion latest(Long projectId) {
        return this.scope.latest(projectId).orElseThrow(() -> new NotFoundException("This project has no scope yet"));
    }

    private static ScopeLine line(ScopeVersion version, int index) {
        if (index < 0 || index >= version.getLines().size()) {
            throw new NotFoundException("Scope v" + version.getVersion() + " has no line " + (index + 1));
        }
        return version.getLines().get(index);
    }

}
