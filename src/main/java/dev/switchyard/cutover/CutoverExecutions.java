package dev.switchyard.cutover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.admin.SwitchyardPrincipal;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.notification.NotificationService;
import dev.switchyard.project.Environment;
import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.ProjectService;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Carries out a project's cutover plan: a rehearsal against staging or the live cutover
 * into production. A task starts once the tasks it waits for are done; an automatic task
 * launches its workbench action and is done when the action completes (its status is read
 * whenever the execution is read), a manual task is marked done by its owner, its backup
 * or an analyst. Actual times are kept per task.
 */
@Service
public class CutoverExecutions {

    private final JdbcTemplate jdbc;

    private final CutoverPlan plan;

    private final ProjectService projects;

    private final ProjectAccess access;

    private final WorkbenchActions actions;

    private final AuditLog audit;

    private final Clock clock;

    private final FreezeBreaches breaches;

    private final NotificationService notifications;

    CutoverExecutions(JdbcTemplate jdbc, CutoverPlan plan, ProjectService projects, ProjectAccess access,
            WorkbenchActions actions, AuditLog audit, Clock clock, FreezeBreaches breaches,
            NotificationService notifications) {
        this.breaches = breaches;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.plan = plan;
        this.projects = projects;
        this.access = access;
        this.actions = actions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Starts a rehearsal (against the staging environment) or the live cutover (into
     * production); one execution at a time per project.
     * @param projectId the project
     * @param modeName rehearsal or live
     * @return the execution
     */
    public Execution start(long projectId, String modeName) {
        ExecutionMode mode;
        try {
            mode = ExecutionMode.parse(modeName);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("mode", ex.getMessage());
        }
        if (this.plan.tasks(projectId).isEmpty()) {
            throw new ConflictException("plan", "The plan has no tasks yet: add tasks or use the template first");
        }
        Optional<Execution> active = list(projectId).stream().filter(Execution::active).findFirst();
        if (active.isPresent()) {
            throw new ConflictException("mode", active.get().mode().label() + " " + active.get().id()
                    + " is still under way: finish it before starting another");
        }
        Environment environment = this.projects.environments(projectId)
            .stream()
            .filter((e) -> e.getKind() == mode.environment())
            .findFirst()
            .orElseThrow(() -> new ConflictException("mode",
                    "The project has no " + mode.environment().name().toLowerCase(java.util.Locale.ROOT)
                            + " environment to run a " + mode.label().toLowerCase(java.util.Locale.ROOT) + " against"));
        Long id = this.jdbc.queryForObject("""
                insert into cutover_execution (project_id, mode, environment_id, status, started_by, started_at)
                values (?, ?, ?, 'ACTIVE', ?, ?) returning id""", Long.class, projectId, mode.name(),
                environment.getId(), CurrentUser.require().getUsername(), Timestamp.from(this.clock.instant()));
        this.audit.record(projectId, "Cutover", id, "started", mode.label() + " against " + environment.getName());
        Execution execution = get(projectId, id);
        notifyReady(projectId, execution, Map.of());
        return execution;
    }

    /**
     * @param projectId the project
     * @return its executions, newest first, as stored (without reading their actions)
     */
    public List<Execution> list(long projectId) {
        Map<Long, Map<Long, TaskRun>> runs = new LinkedHashMap<>();
        this.jdbc.query("""
                select r.* from cutover_task_run r join cutover_execution e on e.id = r.execution_id
                where e.project_id = ?""", (ResultSet rs) -> {
            runs.computeIfAbsent(rs.getLong("execution_id"), (k) -> new LinkedHashMap<>())
                .put(rs.getLong("task_id"), run(rs));
        }, projectId);
        Map<Long, String> environments = new LinkedHashMap<>();
        for (Environment environment : this.projects.environments(projectId)) {
            environments.put(environment.getId(), environment.getName());
        }
        return this.jdbc.query("select * from cutover_execution where project_id = ? order by id desc",
                (rs, i) -> new Execution(rs.getLong("id"), projectId, ExecutionMode.valueOf(rs.getString("mode")),
                        rs.getLong("environment_id"), environments.get(rs.getLong("environment_id")),
                        rs.getString("status"), rs.getString("started_by"), instant(rs, "started_at"),
                        instant(rs, "finished_at"), instant(rs, "freeze_at"), rs.getString("freeze_by"),
                        runs.getOrDefault(rs.getLong("id"), Map.of())),
                projectId);
    }

    /**
     * An execution, after reading the status of the actions its running tasks launched
     * (an action that ended finishes its task at the action's end time).
     * @param projectId the project
     * @param executionId the execution
     * @return the execution
     */
    public Execution get(long projectId, long executionId) {
        Execution execution = stored(projectId, executionId);
        if (execution.runs().values().stream().noneMatch((r) -> r.status() == TaskStatus.RUNNING)) {
            return execution;
        }
        Map<Long, CutoverTask> tasks = byId(projectId);
        boolean finished = false;
        for (TaskRun run : execution.runs().values()) {
            CutoverTask task = tasks.get(run.taskId());
            if (run.status() != TaskStatus.RUNNING || task == null || run.actionRef() == null) {
                continue;
            }
            WorkbenchActions.State state = this.actions.state(task.action(), run.actionRef());
            if (state.finished()) {
                Instant end = (state.finishedAt() != null) ? state.finishedAt() : this.clock.instant();
                int changed = this.jdbc.update("""
                        update cutover_task_run set status = ?, finished_at = ?, finished_by = ?, records = ?,
                            message = ? where execution_id = ? and task_id = ? and status = 'RUNNING'""",
                        state.succeeded() ? "DONE" : "FAILED", Timestamp.from(end), AuditLog.SYSTEM, state.records(),
                        state.failure(), executionId, task.id());
                if (changed > 0) {
                    finished = true;
                    this.audit.recordAs(AuditLog.SYSTEM, projectId, "Cutover", executionId,
                            state.succeeded() ? "task done" : "task failed",
                            task.position() + ". " + task.name() + ((state.failure() != null) ? ": " + state.failure()
                                    : " (" + state.records() + " records)"));
                }
            }
        }
        Execution after = stored(projectId, executionId);
        if (finished) {
            notifyReady(projectId, after, execution.runs());
        }
        return after;
    }

    /**
     * Tells the owner and backup of each task that became ready (in the app).
     * @param projectId the project
     * @param execution the execution now
     * @param before its task runs before the change
     */
    private void notifyReady(long projectId, Execution execution, Map<Long, TaskRun> before) {
        Execution earlier = new Execution(execution.id(), projectId, execution.mode(), execution.environmentId(),
                execution.environment(), execution.status(), execution.startedBy(), execution.startedAt(),
                execution.finishedAt(), execution.freezeAt(), execution.freezeBy(), before);
        boolean first = before.isEmpty() && execution.runs().isEmpty();
        for (CutoverTask task : this.plan.tasks(projectId)) {
            if (execution.status(task) == TaskStatus.READY && (first || earlier.status(task) == TaskStatus.WAITING)) {
                List<Long> users = (task.backupId() != null) ? List.of(task.ownerId(), task.backupId())
                        : List.of(task.ownerId());
                this.notifications.notify(users, projectId,
                        "Cutover task " + task.position() + " '" + task.name() + "' is ready to start ("
                                + execution.mode().label().toLowerCase(java.util.Locale.ROOT) + " " + execution.id()
                                + ")",
                        "/projects/" + projectId + "/cutover/executions/" + execution.id());
            }
        }
    }

    /**
     * @param projectId the project
     * @param executionId the execution
     * @param taskId a task of its plan
     * @return the progress (0–100) of the task's action while it runs, else null
     */
    public Integer progress(long projectId, long executionId, long taskId) {
        Execution execution = stored(projectId, executionId);
        TaskRun run = execution.runs().get(taskId);
        if (run == null || run.status() != TaskStatus.RUNNING || run.actionRef() == null) {
            return null;
        }
        return this.actions.state(this.plan.task(projectId, taskId).action(), run.actionRef()).percent();
    }

    /**
     * Starts a task: a ready one, or one that failed. An automatic task launches its
     * action (an analyst's work); a manual one is started by its owner, backup or an
     * analyst.
     * @param projectId the project
     * @param executionId the execution
     * @param taskId the task
     * @return the execution
     */
    public Execution startTask(long projectId, long executionId, long taskId) {
        Execution execution = get(projectId, executionId);
        CutoverTask task = this.plan.task(projectId, taskId);
        requireMayCarryOut(projectId, task);
        if (!execution.active()) {
            throw new ConflictException("execution", execution.mode().label() + " " + executionId + " has ended");
        }
        TaskStatus status = execution.status(task);
        if (status == TaskStatus.WAITING) {
            throw new ConflictException("task", "Task " + task.position() + " waits for " + waitingFor(task, execution)
                    + ": it starts once they are done");
        }
        if (status == TaskStatus.RUNNING || status == TaskStatus.DONE) {
            throw new ConflictException("task",
                    "Task " + task.position() + " is already " + status.label().toLowerCase(java.util.Locale.ROOT));
        }
        Long ref = null;
        if (task.action().automatic()) {
            Long runId = null;
            if (task.action().needsRun()) {
                runId = latestRun(projectId, execution).orElseThrow(() -> new ConflictException("task",
                        "No run task of this " + execution.mode().label().toLowerCase(java.util.Locale.ROOT)
                                + " is done yet: there is no run to validate"));
            }
            ref = this.actions.launch(projectId, task.action(), execution.environment(), runId);
        }
        this.jdbc.update("delete from cutover_task_run where execution_id = ? and task_id = ? and status = 'FAILED'",
                executionId, taskId);
        this.jdbc.update("""
                insert into cutover_task_run (execution_id, task_id, status, started_at, started_by, action_ref)
                values (?, ?, 'RUNNING', ?, ?, ?)""", executionId, taskId, Timestamp.from(this.clock.instant()),
                CurrentUser.require().getUsername(), ref);
        this.audit.record(projectId, "Cutover", executionId, "task started",
                task.position() + ". " + task.name() + ((ref != null)
                        ? " (" + task.action().label().toLowerCase(java.util.Locale.ROOT) + " " + ref + ")" : ""));
        return get(projectId, executionId);
    }

    /**
     * Marks a running manual task done, as its owner, backup or an analyst.
     * @param projectId the project
     * @param executionId the execution
     * @param taskId the task
     * @param comment what was done, or null
     * @return the execution
     */
    public Execution finishTask(long projectId, long executionId, long taskId, String comment) {
        Execution execution = get(projectId, executionId);
        CutoverTask task = this.plan.task(projectId, taskId);
        requireMayCarryOut(projectId, task);
        if (task.action().automatic()) {
            throw new ConflictException("task", "Task " + task.position() + " is done when its "
                    + task.action().label().toLowerCase(java.util.Locale.ROOT) + " completes");
        }
        if (execution.status(task) != TaskStatus.RUNNING) {
            throw new ConflictException("task", "Task " + task.position() + " is not running: start it first");
        }
        String text = (comment != null && !comment.isBlank()) ? comment.strip() : null;
        if (text != null && text.length() > 2000) {
            throw new InvalidInputException("comment", "The comment is at most 2,000 characters");
        }
        this.jdbc.update("""
                update cutover_task_run set status = 'DONE', finished_at = ?, finished_by = ?, message = ?
                where execution_id = ? and task_id = ?""", Timestamp.from(this.clock.instant()),
                CurrentUser.require().getUsername(), text, executionId, taskId);
        this.audit.record(projectId, "Cutover", executionId, "task done",
                task.position() + ". " + task.name() + ((text != null) ? ": " + text : ""));
        Execution after = get(projectId, executionId);
        notifyReady(projectId, after, execution.runs());
        return after;
    }

    /**
     * Ends an execution; its actual times stay for the comparison and the prediction.
     * @param projectId the project
     * @param executionId the execution
     * @return the execution
     */
    public Execution finish(long projectId, long executionId) {
        Execution execution = get(projectId, executionId);
        if (!execution.active()) {
            throw new ConflictException("execution", execution.mode().label() + " " + executionId + " has ended");
        }
        if (execution.runs().values().stream().anyMatch((r) -> r.status() == TaskStatus.RUNNING)) {
            throw new ConflictException("execution", "Tasks are still running: finish them first");
        }
        this.jdbc.update("update cutover_execution set status = 'FINISHED', finished_at = ? where id = ?",
                Timestamp.from(this.clock.instant()), executionId);
        long done = execution.runs().values().stream().filter((r) -> r.status() == TaskStatus.DONE).count();
        this.audit.record(projectId, "Cutover", executionId, "finished",
                execution.mode().label() + ": " + done + " of " + this.plan.tasks(projectId).size() + " tasks done");
        return get(projectId, executionId);
    }

    /**
     * Records the source freeze: from this time no record should change in the source.
     * @param projectId the project
     * @param executionId the execution
     * @param at the freeze time, or null for now
     * @return the execution
     */
    public Execution freeze(long projectId, long executionId, Instant at) {
        Execution execution = get(projectId, executionId);
        if (!execution.active()) {
            throw new ConflictException("execution", execution.mode().label() + " " + executionId + " has ended");
        }
        Instant now = this.clock.instant();
        Instant freezeAt = (at != null) ? at : now;
        if (freezeAt.isAfter(now.plusSeconds(60))) {
            throw new InvalidInputException("freezeAt",
                    "The freeze time is when the source was frozen: now or earlier, not in the future");
        }
        if (freezeAt.isBefore(execution.startedAt().minus(java.time.Duration.ofDays(7)))) {
            throw new InvalidInputException("freezeAt", "The freeze time is at most a week before the "
                    + execution.mode().label().toLowerCase(java.util.Locale.ROOT) + " started");
        }
        this.jdbc.update("update cutover_execution set freeze_at = ?, freeze_by = ? where id = ?",
                Timestamp.from(freezeAt), CurrentUser.require().getUsername(), executionId);
        this.audit.record(projectId, "Cutover", executionId, "source frozen", "Freeze time " + freezeAt
                + ((execution.freezeAt() != null) ? " (was " + execution.freezeAt() + ")" : ""));
        return get(projectId, executionId);
    }

    /**
     * @param projectId the project
     * @param executionId the execution
     * @return the records the latest extraction shows modified after the freeze, or empty
     * before the freeze is recorded or anything was extracted
     */
    public Optional<FreezeBreaches.Report> breaches(long projectId, long executionId) {
        Execution execution = stored(projectId, executionId);
        if (execution.freezeAt() == null) {
            return Optional.empty();
        }
        return this.breaches.check(projectId, execution.freezeAt());
    }

    /**
     * Checks the source for changes since the freeze: a delta extraction, read by
     * {@link #breaches} once it completed.
     * @param projectId the project
     * @param executionId the execution
     * @return the extraction's id
     */
    public long checkSource(long projectId, long executionId) {
        Execution execution = stored(projectId, executionId);
        if (execution.freezeAt() == null) {
            throw new ConflictException("freezeAt", "Record the freeze time first");
        }
        long id = this.actions.launch(projectId, TaskAction.DELTA_EXTRACTION, execution.environment(), null);
        this.audit.record(projectId, "Cutover", executionId, "freeze checked",
                "Delta extraction " + id + " reads what changed in the source since the freeze");
        return id;
    }

    /**
     * The production window predicted from the project's rehearsals.
     * @param projectId the project
     * @param finalRecords the records of the final delta to scale to, or null for those
     * the live cutover's delta extraction read (no scaling before it read them)
     * @return the prediction
     */
    public Prediction predict(long projectId, Long finalRecords) {
        if (finalRecords != null && finalRecords < 0) {
            throw new InvalidInputException("finalRecords", "The final delta's records are 0 or more");
        }
        List<CutoverTask> tasks = this.plan.tasks(projectId);
        List<Execution> executions = list(projectId);
        List<Map<Long, TaskRun>> rehearsals = new java.util.ArrayList<>();
        Long records = finalRecords;
        for (Execution execution : oldestFirst(executions)) {
            if (execution.mode() == ExecutionMode.REHEARSAL) {
                rehearsals.add(execution.runs());
            }
            else if (finalRecords == null) {
                Long live = Prediction.deltaRecords(tasks, execution.runs());
                records = (live != null) ? live : records;
            }
        }
        return Prediction.of(tasks, rehearsals, records);
    }

    /**
     * @param projectId the project
     * @param execution an execution
     * @return the run its latest done run task launched
     */
    public Optional<Long> latestRun(long projectId, Execution execution) {
        Map<Long, CutoverTask> tasks = byId(projectId);
        return execution.runs()
            .values()
            .stream()
            .filter((r) -> r.status() == TaskStatus.DONE && r.actionRef() != null && tasks.containsKey(r.taskId())
                    && tasks.get(r.taskId()).action().isRun())
            .max(java.util.Comparator.comparing(TaskRun::finishedAt))
            .map(TaskRun::actionRef);
    }

    /**
     * @param executions executions newest first, as listed
     * @return them oldest first
     */
    static List<Execution> oldestFirst(List<Execution> executions) {
        List<Execution> reversed = new java.util.ArrayList<>(executions);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private void requireMayCarryOut(long projectId, CutoverTask task) {
        Set<ProjectRole> roles = this.access.rolesOfCurrentUser(projectId);
        if (roles.contains(ProjectRole.ANALYST)) {
            return;
        }
        SwitchyardPrincipal user = CurrentUser.require();
        if (task.action().automatic()) {
            throw new AccessDeniedException("Task " + task.position() + " launches a "
                    + task.action().label().toLowerCase(java.util.Locale.ROOT) + ": an ANALYST starts it");
        }
        if (!task.isOwnedBy(user.getId())) {
            throw new AccessDeniedException("Task " + task.position() + " is carried out by its owner " + task.owner()
                    + ((task.backup() != null) ? ", its backup " + task.backup() : "") + " or an ANALYST");
        }
    }

    private String waitingFor(CutoverTask task, Execution execution) {
        Map<Long, CutoverTask> tasks = byId(task.projectId());
        StringBuilder text = new StringBuilder();
        for (Long dependency : task.dependsOn()) {
            TaskRun run = execution.runs().get(dependency);
            if (run == null || run.status() != TaskStatus.DONE) {
                text.append((text.length() > 0) ? ", " : "task ").append(tasks.get(dependency).position());
            }
        }
        return text.toString();
    }

    private Map<Long, CutoverTask> byId(long projectId) {
        Map<Long, CutoverTask> tasks = new LinkedHashMap<>();
        for (CutoverTask task : this.plan.tasks(projectId)) {
            tasks.put(task.id(), task);
        }
        return tasks;
    }

    private Execution stored(long projectId, long executionId) {
        return list(projectId).stream()
            .filter((e) -> e.id() == executionId)
            .findFirst()
            .orElseThrow(() -> NotFoundException.of("Cutover execution", executionId));
    }

    private static TaskRun run(ResultSet rs) throws SQLException {
        return new TaskRun(rs.getLong("task_id"), TaskStatus.valueOf(rs.getString("status")), instant(rs, "started_at"),
                rs.getString("started_by"), instant(rs, "finished_at"), rs.getString("finished_by"),
                (Long) rs.getObject("action_ref"), (Long) rs.getObject("records"), rs.getString("message"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

}
