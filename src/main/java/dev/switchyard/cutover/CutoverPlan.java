package dev.switchyard.cutover;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's cutover plan: ordered tasks in streams, each with an owner and a backup
 * among the project's members, a planned duration, the earlier tasks it waits for,
 * instructions and the workbench action it launches. Analysts add, change and remove
 * tasks, or start from {@link PlanTemplate the template}.
 */
@Service
public class CutoverPlan {

    static final int MAX_MINUTES = 10080;

    private final JdbcTemplate jdbc;

    private final ProjectPeople people;

    private final AuditLog audit;

    CutoverPlan(JdbcTemplate jdbc, ProjectPeople people, AuditLog audit) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
    }

    /**
     * @param projectId the project
     * @return its tasks in order
     */
    @Transactional(readOnly = true)
    public List<CutoverTask> tasks(long projectId) {
        Map<Long, ProjectPeople.Person> members = this.people.of(projectId);
        return this.jdbc.query("select * from cutover_task where project_id = ? order by position",
                (rs, i) -> task(rs, members), projectId);
    }

    /**
     * @param projectId the project
     * @param taskId a task of its plan
     * @return the task
     * @throws NotFoundException when the plan has no such task
     */
    @Transactional(readOnly = true)
    public CutoverTask task(long projectId, long taskId) {
        return tasks(projectId).stream()
            .filter((t) -> t.id() == taskId)
            .findFirst()
            .orElseThrow(() -> NotFoundException.of("Cutover task", taskId));
    }

    /**
     * Adds a task at the end of the plan.
     * @param projectId the project
     * @param request the task
     * @return the task added
     */
    @Transactional
    public CutoverTask add(long projectId, TaskRequest request) {
        List<CutoverTask> tasks = tasks(projectId);
        int position = tasks.size() + 1;
        Checked task = check(projectId, request, tasks, position);
        Long id = this.jdbc.queryForObject("""
                insert into cutover_task (project_id, position, stream, name, owner_id, backup_id, planned_minutes,
                    depends_on, instructions, action)
                values (?, ?, ?, ?, ?, ?, ?, ?::bigint[], ?, ?) returning id""", Long.class, projectId, position,
                task.stream().name(), task.name(), task.ownerId(), task.backupId(), task.minutes(),
                array(task.dependsOn()), task.instructions(), task.action().name());
        this.audit.record(projectId, "Cutover task", id, "created",
                position + ". " + task.name() + " (" + task.stream().label() + ", " + task.minutes() + " min)");
        return task(projectId, id);
    }

    /**
     * Changes a task; its place in the plan stays.
     * @param projectId the project
     * @param taskId the task
     * @param request the task as it should be
     * @return the task changed
     */
    @Transactional
    public CutoverTask update(long projectId, long taskId, TaskRequest request) {
        List<CutoverTask> tasks = tasks(projectId);
        CutoverTask before = tasks.stream()
            .filter((t) -> t.id() == taskId)
            .findFirst()
            .orElseThrow(() -> NotFoundException.of("Cutover task", taskId));
        Checked task = check(projectId, request, tasks, before.position());
        this.jdbc.update("""
                update cutover_task set stream = ?, name = ?, owner_id = ?, backup_id = ?, planned_minutes = ?,
                    depends_on = ?::bigint[], instructions = ?, action = ? where id = ?""", task.stream().name(),
                task.name(), task.ownerId(), task.backupId(), task.minutes(), array(task.dependsOn()),
                task.instructions(), task.action().name(), taskId);
        this.audit.record(projectId, "Cutover task", taskId, "updated", before.position() + ". " + task.name() + " ("
                + task.stream().label() + ", " + task.minutes() + " min, was " + before.plannedMinutes() + " min)");
        return task(projectId, taskId);
    }

    /**
     * Removes a task no other task waits for; the later tasks move up.
     * @param projectId the project
     * @param taskId the task
     */
    @Transactional
    public void delete(long projectId, long taskId) {
        List<CutoverTask> tasks = tasks(projectId);
        CutoverTask task = tasks.stream()
            .filter((t) -> t.id() == taskId)
            .findFirst()
            .orElseThrow(() -> NotFoundException.of("Cutover task", taskId));
        Optional<CutoverTask> dependent = tasks.stream().filter((t) -> t.dependsOn().contains(taskId)).findFirst();
        if (dependent.isPresent()) {
            throw new ConflictException("task", "Task " + dependent.get().position() + " '" + dependent.get().name()
                    + "' waits for this task: remove that dependency first");
        }
        Integer ran = this.jdbc.queryForObject("select count(*) from cutover_task_run where task_id = ?", Integer.class,
                taskId);
        if (ran > 0) {
            throw new ConflictException("task",
                    "Task " + task.position() + " was carried out in a rehearsal or the live cutover: its actual "
                            + "times stay part of the record, so it cannot be removed");
        }
        this.jdbc.update("delete from cutover_task where id = ?", taskId);
        // move the later tasks up, through negative positions to keep (project, position)
        // unique at each step
        this.jdbc.update("update cutover_task set position = -position where project_id = ? and position > ?",
                projectId, task.position());
        this.jdbc.update("update cutover_task set position = -position - 1 where project_id = ? and position < 0",
                projectId);
        this.audit.record(projectId, "Cutover task", taskId, "deleted", task.position() + ". " + task.name());
    }

    /**
     * Fills an empty plan with {@link PlanTemplate the template}, every task owned by the
     * signed-in user until reassigned.
     * @param projectId the project
     * @return the plan
     */
    @Transactional
    public List<CutoverTask> applyTemplate(long projectId) {
        if (!tasks(projectId).isEmpty()) {
            throw new ConflictException("template",
                    "The plan already has tasks: the template fills an empty plan only");
        }
        String owner = CurrentUser.require().getUsername();
        for (TaskRequest request : PlanTemplate.tasks(owner)) {
            add(projectId, request);
        }
        this.audit.record(projectId, "Cutover plan", projectId, "template applied",
                PlanTemplate.tasks(owner).size() + " tasks, owned by " + owner + " until reassigned");
        return tasks(projectId);
    }

    private Checked check(long projectId, TaskRequest request, List<CutoverTask> tasks, int position) {
        CutoverStream stream;
        if (request.stream() == null || request.stream().isBlank()) {
            throw new InvalidInputException("stream", "Choose the stream the task belongs to");
        }
        try {
            stream = CutoverStream.parse(request.stream());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("stream", ex.getMessage());
        }
        String name = (request.name() != null) ? request.name().strip() : "";
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "Say what the task is, in a few words");
        }
        if (name.length() > 200) {
            throw new InvalidInputException("name", "The task's name is at most 200 characters");
        }
        Map<Long, ProjectPeople.Person> members = this.people.of(projectId);
        if (request.owner() == null || request.owner().isBlank()) {
            throw new InvalidInputException("owner", "Choose the member who owns the task");
        }
        long ownerId = member(members, request.owner(), "owner");
        Long backupId = null;
        if (request.backup() != null && !request.backup().isBlank()) {
            backupId = member(members, request.backup(), "backup");
            if (backupId == ownerId) {
                throw new InvalidInputException("backup", "The backup owner is someone other than the owner");
            }
        }
        Integer minutes = request.plannedMinutes();
        if (minutes == null || minutes < 1 || minutes > MAX_MINUTES) {
            throw new InvalidInputException("plannedMinutes",
                    "The planned duration is a whole number of minutes from 1 to " + MAX_MINUTES + " (a week)");
        }
        List<Long> dependsOn = new ArrayList<>();
        for (Integer dependency : request.dependsOn()) {
            if (dependency == null || dependency < 1 || dependency >= position || dependency > tasks.size()) {
                throw new InvalidInputException("dependsOn", "Task " + dependency + " is not before task " + position
                        + ": a task waits only for tasks earlier in the plan");
            }
            long id = tasks.get(dependency - 1).id();
            if (!dependsOn.contains(id)) {
                dependsOn.add(id);
            }
        }
        String instructions = (request.instructions() != null && !request.instructions().isBlank())
                ? request.instructions().strip() : null;
        if (instructions != null && instructions.length() > 4000) {
            throw new InvalidInputException("instructions", "The instructions are at most 4,000 characters");
        }
        TaskAction action;
        try {
            action = TaskAction.parse(request.action());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("action", ex.getMessage());
        }
        if (action.needsRun() && tasks.stream().limit(position - 1).noneMatch((t) -> t.action().isRun())) {
            throw new InvalidInputException("action",
                    "A validation task validates the run an earlier task launches: add a run task before it");
        }
        return new Checked(stream, name, ownerId, backupId, minutes, dependsOn, instructions, action);
    }

    private static long member(Map<Long, ProjectPeople.Person> members, String username, String field) {
        return members.values()
            .stream()
            .filter((p) -> p.username().equalsIgnoreCase(username.strip()))
            .findFirst()
            .orElseThrow(() -> new InvalidInputException(field,
                    "'" + username.strip() + "' is not a member of this project"))
            .id();
    }

    private static String array(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static CutoverTask task(ResultSet rs, Map<Long, ProjectPeople.Person> members) throws SQLException {
        long ownerId = rs.getLong("owner_id");
        Long backupId = (Long) rs.getObject("backup_id");
        Array array = rs.getArray("depends_on");
        List<Long> dependsOn = Arrays.stream((Long[]) array.getArray()).toList();
        return new CutoverTask(rs.getLong("id"), rs.getLong("project_id"), rs.getInt("position"),
                CutoverStream.valueOf(rs.getString("stream")), rs.getString("name"), ownerId, name(members, ownerId),
                backupId, (backupId != null) ? name(members, backupId) : null, rs.getInt("planned_minutes"), dependsOn,
                rs.getString("instructions"), TaskAction.valueOf(rs.getString("action")));
    }

    private static String name(Map<Long, ProjectPeople.Person> members, long userId) {
        ProjectPeople.Person person = members.get(userId);
        return (person != null) ? person.username() : "user " + userId + " (no longer a member)";
    }

    private record Checked(CutoverStream stream, String name, long ownerId, Long backupId, int minutes,
            List<Long> dependsOn, String instructions, TaskAction action) {
    }

}
