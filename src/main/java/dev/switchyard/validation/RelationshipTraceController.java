package dev.switchyard.validation;

import java.util.List;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.run.Run;
import dev.switchyard.run.RunService;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Relationship tracing pages of a run: pick a record (the top records by a numeric field,
 * or a search by source id or name), then see its network in the source next to the
 * target's.
 */
@Controller
class RelationshipTraceController {

    private static final int PAGE = 50;

    private final RelationshipTrace trace;

    private final RunService runs;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    RelationshipTraceController(RelationshipTrace trace, RunService runs, ProjectAccess access,
            WorkspaceModel workspace) {
        this.trace = trace;
        this.runs = runs;
        this.access = access;
        this.workspace = workspace;
    }

    @GetMapping("/projects/{projectId}/runs/{runId}/trace")
    String pick(@PathVariable Long projectId, @PathVariable long runId, @RequestParam(required = false) String object,
            @RequestParam(required = false) String field, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        Run run = run(projectId, runId);
        this.workspace.fill(projectId, model, "runs");
        model.addAttribute("run", run);
        model.addAttribute("objects", this.trace.objects(run));
        String chosen = (object != null && !object.isBlank()) ? object.strip()
                : this.trace.objects(run).stream().findFirst().orElse("");
        model.addAttribute("object", chosen);
        model.addAttribute("field", (field != null) ? field.strip() : "");
        model.addAttribute("limit", (limit != null && !limit.isBlank()) ? limit.strip() : "20");
        model.addAttribute("q", (q != null) ? q.strip() : "");
        try {
            model.addAttribute("numericFields", chosen.isEmpty() ? List.of() : this.trace.numericFields(run, chosen));
            if (field != null && !field.isBlank()) {
                model.addAttribute("picks",
                        this.trace.top(run, chosen, field, RelationshipTraceApiController.number("limit", limit, 20)));
            }
            else if (q != null && !q.isBlank()) {
                int current = Math.max(0, RelationshipTraceApiController.number("page", page, 0));
                RelationshipTrace.Picks picks = this.trace.search(run, chosen, q, current * PAGE, PAGE);
                model.addAttribute("picks", picks);
                model.addAttribute("page", current);
                model.addAttribute("pages", (int) Math.max(1, (picks.total() + PAGE - 1) / PAGE));
            }
        }
        catch (InvalidInputException ex) {
            model.addAttribute("numericFields", List.of());
            model.addAttribute("problem", ex.getMessage());
        }
        return "run/trace";
    }

    @GetMapping("/projects/{projectId}/runs/{runId}/trace/{object}/{sourceId}")
    String record(@PathVariable Long projectId, @PathVariable long runId, @PathVariable String object,
            @PathVariable String sourceId, Model model) {
        Run run = run(projectId, runId);
        this.workspace.fill(projectId, model, "runs");
        model.addAttribute("run", run);
        model.addAttribute("object", object);
        model.addAttribute("sourceId", sourceId);
        try {
            model.addAttribute("network", this.trace.trace(run, object, sourceId));
        }
        catch (InvalidInputException | NotFoundException ex) {
            model.addAttribute("problem", ex.getMessage());
        }
        return "run/trace-record";
    }

    private Run run(Long projectId, long runId) {
        this.access.requireView(projectId);
        Run run = this.runs.get(runId);
        if (run.projectId() != projectId) {
            throw NotFoundException.of("Run", runId);
        }
        return run;
    }

}
