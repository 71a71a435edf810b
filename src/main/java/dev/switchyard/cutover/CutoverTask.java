package dev.switchyard.cutover;

import java.util.List;

/**
 * One task of a project's cutover plan.
 *
 * @param id its id
 * @param projectId the project
 * @param position its place in the plan, from 1
 * @param stream the stream it belongs to
 * @param name what is done
 * @param ownerId the member who does it
 * @param owner the owner's user name
 * @param backupId the member who stands in, or null
 * @param backup the backup's user name, or null
 * @param plannedMinutes how long it is planned to take
 * @param dependsOn the tasks (ids) that must be done before it starts, all earlier in the
 * plan
 * @param instructions how to do it, or null
 * @param action the workbench action it launches, or MANUAL
 */
public record CutoverTask(long id, long projectId, int position, CutoverStream stream, String name, long ownerId,
        String owner, Long backupId, String backup, int plannedMinutes, List<Long> dependsOn, String instructions,
        TaskAction action) {

    public CutoverTask {
        dependsOn = List.copyOf(dependsOn);
    }

    /**
     * @param userId a user
     * @return whether the user owns or backs up the task
     */
    public boolean isOwnedBy(long userId) {
        return this.ownerId == userId || (this.backupId != null && this.backupId == userId);
    }

}
