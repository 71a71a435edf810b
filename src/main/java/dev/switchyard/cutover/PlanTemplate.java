package dev.switchyard.cutover;

import java.util.List;

/**
 * The plan offered to a project without one: a stream at a time, in the order a cutover
 * runs (announce, freeze the source, final delta extraction, delta load, validation, UAT
 * smoke test, switch-over, source archive), each task waiting for the one before.
 */
final class PlanTemplate {

    private PlanTemplate() {
    }

    /**
     * @param owner who owns every task until they are reassigned
     * @return the template's tasks in order
     */
    static List<TaskRequest> tasks(String owner) {
        return List.of(
                task(CutoverStream.COMMUNICATION, "Announce the cutover window to users and stakeholders", owner, 15,
                        List.of(), "Send the window, the freeze time and who to call to every user of the source.",
                        TaskAction.MANUAL),
                task(CutoverStream.SOURCE_FREEZE, "Freeze the source system (read-only)", owner, 15, List.of(1),
                        "Make the source read-only for everybody but the migration user; record the time.",
                        TaskAction.MANUAL),
                task(CutoverStream.FINAL_EXTRACTION, "Final delta extraction of the source", owner, 30, List.of(2),
                        "Extracts what changed since the last watermark.", TaskAction.DELTA_EXTRACTION),
                task(CutoverStream.LOAD, "Delta run into the target", owner, 60, List.of(3),
                        "Loads the final delta into the environment of this rehearsal or cutover.",
                        TaskAction.DELTA_RUN),
                task(CutoverStream.VALIDATION, "Validate the run", owner, 30, List.of(4),
                        "Reconciles counts and compares every field of the run's records.", TaskAction.VALIDATION),
                task(CutoverStream.UAT_SMOKE_TEST, "Smoke test by business users", owner, 60, List.of(5),
                        "Business users follow their scripts on the migrated records and report failures.",
                        TaskAction.MANUAL),
                task(CutoverStream.SWITCH_OVER, "Open the target to users", owner, 15, List.of(6),
                        "After the go decision: enable logins and integrations on the target.", TaskAction.MANUAL),
                task(CutoverStream.SOURCE_ARCHIVE, "Archive the source system", owner, 30, List.of(7),
                        "Keep the source read-only and archive it as the retention policy says.", TaskAction.MANUAL));
    }

    private static TaskRequest task(CutoverStream stream, String name, String owner, int minutes,
            List<Integer> dependsOn, String instructions, TaskAction action) {
        return new TaskRequest(stream.name(), name, owner, null, minutes, dependsOn, instructions, action.name());
    }

}
