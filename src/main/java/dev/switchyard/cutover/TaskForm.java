package dev.switchyard.cutover;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.system.InvalidInputException;

/**
 * The task form of the cutover tab, as the browser posts it.
 */
public class TaskForm {

    private String stream;

    private String name;

    private String owner;

    private String backup;

    private String plannedMinutes;

    private List<Integer> dependsOn = new ArrayList<>();

    private String instructions;

    private String action = TaskAction.MANUAL.name();

    /**
     * @param task a task of the plan
     * @param tasks the plan, for the dependencies' positions
     * @return the form filled with the task
     */
    static TaskForm of(CutoverTask task, List<CutoverTask> tasks) {
        TaskForm form = new TaskForm();
        form.stream = task.stream().name();
        form.name = task.name();
        form.owner = task.owner();
        form.backup = task.backup();
        form.plannedMinutes = Integer.toString(task.plannedMinutes());
        form.dependsOn = new ArrayList<>(
                tasks.stream().filter((t) -> task.dependsOn().contains(t.id())).map(CutoverTask::position).toList());
        form.instructions = task.instructions();
        form.action = task.action().name();
        return form;
    }

    /**
     * @return the request the plan checks
     * @throws InvalidInputException when the duration is not a whole number
     */
    TaskRequest toRequest() {
        Integer minutes = null;
        if (this.plannedMinutes != null && !this.plannedMinutes.isBlank()) {
            try {
                minutes = Integer.valueOf(this.plannedMinutes.strip());
            }
            catch (NumberFormatException ex) {
                throw new InvalidInputException("plannedMinutes",
                        "'" + this.plannedMinutes.strip()
                                + "' is not a whole number of minutes: the planned duration is 1 to "
                                + CutoverPlan.MAX_MINUTES);
            }
        }
        return new TaskRequest(this.stream, this.name, this.owner, this.backup, minutes, this.dependsOn,
                this.instructions, this.action);
    }

    public String getStream() {
        return this.stream;
    }

    public void setStream(String stream) {
        this.stream = stream;
    }

    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOwner() {
        return this.owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getBackup() {
        return this.backup;
    }

    public void setBackup(String backup) {
        this.backup = backup;
    }

    public String getPlannedMinutes() {
        return this.plannedMinutes;
    }

    public void setPlannedMinutes(String plannedMinutes) {
        this.plannedMinutes = plannedMinutes;
    }

    public List<Integer> getDependsOn() {
        return this.dependsOn;
    }

    public void setDependsOn(List<Integer> dependsOn) {
        this.dependsOn = (dependsOn != null) ? dependsOn : new ArrayList<>();
    }

    public String getInstructions() {
        return this.instructions;
    }

    public void setInstructions(String instructions) {
        this.instructions = instructions;
    }

    public String getAction() {
        return this.action;
    }

    public void setAction(String action) {
        this.action = action;
    }

}
