package dev.switchyard.connector;

/**
 * What a destination can do and what it requires of a mapping.
 *
 * @param externalIdMatchKey whether an object mapping into this target must name an
 * external-id field (unique, filled with the source id) as its match key, because the
 * target makes its own ids and only such a key makes re-runs and resumes idempotent
 * @param maxChunk the most records one write call takes, or 0 for no limit of its own
 * @param metered whether calls count against an API budget of the target
 */
public record TargetCapabilities(boolean externalIdMatchKey, int maxChunk, boolean metered) {

    /**
     * @return what a relational database offers: any column as match key, chunks of any
     * size, no API budget
     */
    public static TargetCapabilities relational() {
        return new TargetCapabilities(false, 0, false);
    }

}
