package dev.switchyard.project;

/**
 * The roles a user holds in one project, through membership.
 */
public enum ProjectRole {

    /** Connects systems, builds the dictionary, authors mappings, runs migrations. */
    ANALYST,

    /** Decides and approves the scope document. */
    STAKEHOLDER,

    /** Reviews validation dashboards and signs off runs. */
    TESTER;

    /**
     * Parses a role name, ignoring case and surrounding spaces.
     * @param value the name
     * @return the role
     * @throws IllegalArgumentException when the name is not a role
     */
    public static ProjectRole parse(String value) {
        if (value != null) {
            for (ProjectRole role : values()) {
                if (role.name().equalsIgnoreCase(value.trim())) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a project role: use ANALYST, STAKEHOLDER or TESTER");
    }

}
