package dev.switchyard.validation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.run.Run;
import dev.switchyard.run.RunService;
import dev.switchyard.system.InvalidInputException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Relationship tracing of a run's records in the automation API.
 */
@RestController
@Tag(name = "Relationship tracing",
        description = "A record's children and parents in the source next to the target's, with the differences")
class RelationshipTraceApiController {

    private final RelationshipTrace trace;

    private final RunService runs;

    private final ProjectAccess access;

    RelationshipTraceApiController(RelationshipTrace trace, RunService runs, ProjectAccess access) {
        this.trace = trace;
        this.runs = runs;
        this.access = access;
    }

    @GetMapping("/api/v1/runs/{runId}/trace")
    @Operation(summary = "A source record's relationship network in the source and in the run's target as it is now",
            description = "object: a source object the run mapped; sourceId: the record. {\"targetId\", "
                    + "\"targetProblem\" (\"Could not read the target: …\"), \"parents\":[…], \"children\":[{\"object\","
                    + "\"field\",\"targetObject\",\"targetField\",\"sourceCount\",\"targetCount\",\"matched\",\"missing\","
                    + "\"extra\",\"problem\",\"source\":[{\"sourceId\",\"name\",\"targetId\",\"status\",\"detail\"}],"
                    + "\"target\":[…]}]}; lists at most 200, differences first. 422 for an object the run did not "
                    + "map, 404 for a record its extraction does not hold.")
    RelationshipTrace.Network trace(@PathVariable long runId, @RequestParam(required = false) String object,
            @RequestParam(required = false) String sourceId) {
        return this.trace.trace(visible(runId), object, sourceId);
    }

    @GetMapping("/api/v1/runs/{runId}/trace/top")
    @Operation(summary = "The records of a source object with the highest values of a numeric field",
            description = "object, field (e.g. Account and AnnualRevenue), limit 1–200 (20 by default); values "
                    + "that are no number are left out; 422 for an unknown object or field, or a field without numbers.")
    RelationshipTrace.Picks top(@PathVariable long runId, @RequestParam(required = false) String object,
            @RequestParam(required = false) String field, @RequestParam(required = false) String limit) {
        Run run = visible(runId);
        return this.trace.top(run, object, field, number("limit", limit, 20));
    }

    @GetMapping("/api/v1/runs/{runId}/trace/search")
    @Operation(summary = "Find records of a source object by source id or a part of their name",
            description = "object, q; page from 0, size 1–200 (50 by default); ordered by name.")
    RelationshipTrace.Picks search(@PathVariable long runId, @RequestParam(required = false) String object,
            @RequestParam(required = false) String q, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        Run run = visible(runId);
        int limit = number("size", size, 50);
        return this.trace.search(run, object, q, Math.max(0, number("page", page, 0)) * limit, limit);
    }

    private Run visible(long runId) {
        Run run = this.runs.get(runId);
        this.access.requireView(run.projectId());
        return run;
    }

    static int number(String field, String text, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        }
        catch (NumberFormatException ex) {
            throw new InvalidInputException(field, "The " + field + " is a whole number, not '" + text + "'");
        }
    }

}
