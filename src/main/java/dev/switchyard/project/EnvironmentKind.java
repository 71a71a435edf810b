package dev.switchyard.project;

/**
 * What an environment is for; the kind decides the rules a run there must follow
 * (production runs need an approved scope).
 */
public enum EnvironmentKind {

    SANDBOX, STAGING, PRODUCTION;

    /**
     * Parses a kind name, ignoring case and surrounding spaces.
     * @param value the name
     * @return the kind
     * @throws IllegalArgumentException when the name is not a kind
     */
    public static EnvironmentKind parse(String value) {
        if (value != null) {
            for (EnvironmentKind kind : values()) {
                if (kind.name().equalsIgnoreCase(value.trim())) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException(
                "'" + value + "' is not an environment kind: use SANDBOX, STAGING or PRODUCTION");
    }

}
