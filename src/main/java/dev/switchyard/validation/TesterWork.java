package dev.switchyard.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.notification.WaitingItem;
import dev.switchyard.notification.WaitingWork;
import dev.switchyard.project.Project;
import dev.switchyard.project.ProjectMember;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.ProjectService;
import dev.switchyard.run.Run;
import dev.switchyard.run.RunService;
import dev.switchyard.run.RunStatus;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * What waits for a tester on their home page, in each project where they are a TESTER
 * member: the runs to validate — per environment the latest run (not undone), once it has
 * stopped with records loaded, when it has no validation yet or its latest validation
 * failed to run — and the validations to decide: the latest validation of a run, finished
 * and not yet signed off or rejected. At most {@link #LIMIT} of each.
 */
@Component
class TesterWork implements WaitingWork {

    static final int LIMIT = 20;

    static final String RUNS = "home.waiting.runs";

    static final String DECISIONS = "home.waiting.decisions";

    private final ProjectService projects;

    private final RunService runs;

    private final ValidationStore store;

    TesterWork(ProjectService projects, RunService runs, ValidationStore store) {
        this.projects = projects;
        this.runs = runs;
        this.store = store;
    }

    @Override
    public List<WaitingItem> waitingFor(long userId) {
        List<WaitingItem> toValidate = new ArrayList<>();
        List<WaitingItem> toDecide = new ArrayList<>();
        List<Long> projectIds = this.projects.membershipsOf(userId)
            .stream()
            .filter((m) -> m.getRole() == ProjectRole.TESTER)
            .map(ProjectMember::getProjectId)
            .distinct()
            .toList();
        for (Long projectId : projectIds) {
            Project project = this.projects.get(projectId);
            if (project.isArchived()) {
                continue;
            }
            Map<Long, Validation> latest = new HashMap<>();
            List<Validation> validations = this.store.latestPerRun(projectId);
            validations.forEach((v) -> latest.put(v.runId(), v));
            Set<Long> environments = new HashSet<>();
            for (Run run : this.runs.list(projectId)) {
                if (run.status() == RunStatus.UNDONE || !environments.add(run.environmentId())) {
                    continue;
                }
                Validation last = latest.get(run.id());
                if (!RunStatus.ACTIVE.contains(run.status()) && loaded(run) > 0
                        && (last == null || last.status() == ValidationStatus.FAILED) && toValidate.size() < LIMIT) {
                    toValidate.add(new WaitingItem(RUNS, (last == null) ? "home.waiting.run" : "home.waiting.rerun",
                            List.of(project.getName(), String.valueOf(run.id()), run.environment(), loaded(run)),
                            "/projects/" + projectId + "/validation?environment="
                                    + UriUtils.encodeQueryParam(run.environment(), StandardCharsets.UTF_8)));
                }
            }
            for (Validation validation : validations) {
                if (validation.decidable() && toDecide.size() < LIMIT) {
                    Validation complete = this.store.find(validation.id()).orElse(validation);
                    toDecide.add(new WaitingItem(DECISIONS, "home.waiting.validation",
                            List.of(project.getName(), String.valueOf(validation.id()),
                                    String.valueOf(validation.runId()), validation.environment(),
                                    complete.verdict().label().toLowerCase(java.util.Locale.ROOT)),
                            "/projects/" + projectId + "/validations/" + validation.id()));
                }
            }
        }
        List<WaitingItem> items = new ArrayList<>(toDecide);
        items.addAll(toValidate);
        return items;
    }

    private static long loaded(Run run) {
        return run.objects().stream().mapToLong((o) -> o.created() + o.updated() + o.unchanged()).sum();
    }

}
