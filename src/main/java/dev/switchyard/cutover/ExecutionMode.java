package dev.switchyard.cutover;

import dev.switchyard.project.EnvironmentKind;

/**
 * How a cutover plan is carried out: rehearsed against staging, or live into production.
 */
public enum ExecutionMode {

    /** A rehearsal against the staging environment, for measuring the plan. */
    REHEARSAL("Rehearsal", EnvironmentKind.STAGING),

    /** The live cutover into production. */
    LIVE("Live cutover", EnvironmentKind.PRODUCTION);

    private final String label;

    private final EnvironmentKind environment;

    ExecutionMode(String label, EnvironmentKind environment) {
        this.label = label;
        this.environment = environment;
    }

    /**
     * @return the mode as people read it
     */
    public String label() {
        return this.label;
    }

    /**
     * @return the kind of environment it runs against
     */
    public EnvironmentKind environment() {
        return this.environment;
    }

    /**
     * @param value rehearsal or live, in any case; blank means rehearsal
     * @return the mode
     * @throws IllegalArgumentException otherwise
     */
    public static ExecutionMode parse(String value) {
        if (value == null || value.isBlank()) {
            return REHEARSAL;
        }
        for (ExecutionMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a mode: use rehearsal or live");
    }

}
