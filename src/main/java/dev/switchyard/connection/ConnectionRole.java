package dev.switchyard.connection;

/**
 * Which side of the migration a connection is on.
 */
public enum ConnectionRole {

    /** The system data comes from: one per project. */
    SOURCE,

    /** The system data goes to: one per environment. */
    TARGET;

    /**
     * @param value {@code source} or {@code target}, any case
     * @return the role
     * @throws IllegalArgumentException for anything else
     */
    public static ConnectionRole parse(String value) {
        if (value != null) {
            for (ConnectionRole role : values()) {
                if (role.name().equalsIgnoreCase(value.trim())) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a connection role: use source or target");
    }

}
