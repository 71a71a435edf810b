package dev.switchyard.scope;

/**
 * What happens to a source object's records: they migrate, they are archived, or they are
 * left out.
 */
public enum Decision {

    MIGRATE, ARCHIVE, EXCLUDE;

    /**
     * @param value a decision's name, any case
     * @return the decision
     * @throws IllegalArgumentException for anything else
     */
    public static Decision parse(String value) {
        if (value != null) {
            for (Decision decision : values()) {
                if (decision.name().equalsIgnoreCase(value.trim())) {
                    return decision;
                }
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a decision: use MIGRATE, ARCHIVE or EXCLUDE");
    }

}
