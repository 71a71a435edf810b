package dev.switchyard.cutover;

import java.util.List;

/**
 * A task as a form or the API gives it, before it is checked.
 *
 * @param stream the stream's name
 * @param name what is done
 * @param owner the owner's user name (a project member)
 * @param backup the backup owner's user name, or blank
 * @param plannedMinutes the planned duration in minutes
 * @param dependsOn the positions of the tasks it waits for (all earlier in the plan)
 * @param instructions how to do it
 * @param action manual (default), delta_extraction, full_run, delta_run or validation
 */
public record TaskRequest(String stream, String name, String owner, String backup, Integer plannedMinutes,
        List<Integer> dependsOn, String instructions, String action) {

    public TaskRequest {
        dependsOn = (dependsOn != null) ? List.copyOf(dependsOn) : List.of();
    }

}
