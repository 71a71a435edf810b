package dev.switchyard.cutover;

/**
 * What a cutover task does in the workbench when it starts. A manual task is done by its
 * owner; the others launch a workbench action and end when the action ends.
 */
public enum TaskAction {

    /** Done by a person, marked done by its owner. */
    MANUAL("Manual", false),

    /** A delta extraction of the source against the last watermark. */
    DELTA_EXTRACTION("Delta extraction", false),

    /** A full run into the execution's environment (staging or production). */
    FULL_RUN("Full run", false),

    /** A delta run into the execution's environment. */
    DELTA_RUN("Delta run", false),

    /** A full validation of the latest run this execution launched. */
    VALIDATION("Validation", true);

    private final String label;

    private final boolean needsRun;

    TaskAction(String label, boolean needsRun) {
        this.label = label;
        this.needsRun = needsRun;
    }

    /**
     * @return the action as people read it
     */
    public String label() {
        return this.label;
    }

    /**
     * @return whether the task launches an action (else its owner marks it done)
     */
    public boolean automatic() {
        return this != MANUAL;
    }

    /**
     * @return whether the action needs a run launched earlier in the same execution
     */
    public boolean needsRun() {
        return this.needsRun;
    }

    /**
     * @return whether the action is a run
     */
    public boolean isRun() {
        return this == FULL_RUN || this == DELTA_RUN;
    }

    /**
     * @param value an action name, in any case, with spaces, hyphens or underscores;
     * blank means manual
     * @return the action
     * @throws IllegalArgumentException when no action has that name
     */
    public static TaskAction parse(String value) {
        if (value == null || value.isBlank()) {
            return MANUAL;
        }
        String key = value.trim().replace('-', '_').replace(' ', '_');
        for (TaskAction action : values()) {
            if (action.name().equalsIgnoreCase(key)) {
                return action;
            }
        }
        throw new IllegalArgumentException(
                "'" + value + "' is not an action: use manual, delta_extraction, full_run, delta_run or validation");
    }

}
