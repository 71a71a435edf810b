package dev.switchyard.scope;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the scope decides for an object, a field or a record: migrate it, keep it in the
 * archive only, or leave it out altogether.
 */
public enum Decision {

    /** Migrated to the target. */
    MIGRATE,

    /** Not migrated, but kept in the archive snapshot. */
    ARCHIVE,

    /** Neither migrated nor archived. */
    EXCLUDE;

    /**
     * Reads a decision, ignoring case and surrounding spaces.
     * @param text the decision's name, e.g. {@code archive}
     * @return the decision
     * @throws IllegalArgumentException when the text names no decision
     */
    public static Decision parse(String text) {
        if (text != null) {
            String name = text.trim().toUpperCase(Locale.ROOT);
            for (Decision decision : values()) {
                if (decision.name().equals(name)) {
                    return decision;
                }
            }
        }
        throw new IllegalArgumentException("Unknown decision '" + text + "': expected one of "
                + Arrays.stream(values()).map(Decision::name).collect(Collectors.joining(", ")));
    }

}
