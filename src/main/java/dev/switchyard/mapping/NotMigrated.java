package dev.switchyard.mapping;

/**
 * The analyst's decision that a source field of an object mapping's source object is not
 * migrated on purpose, with the reason, so that a source field with data that goes
 * nowhere is a decision rather than an oversight. It travels with the mapping (versions,
 * API, JSON and XLSX export) and is shown to the stakeholder with the scope.
 *
 * @param field the source field, as the source dictionary names it
 * @param reason why it is not migrated, in the analyst's words
 */
public record NotMigrated(String field, String reason) {

    /** The longest reason kept, in characters. */
    public static final int MAX_REASON = 2_000;

    public NotMigrated {
        field = (field != null && !field.isBlank()) ? field.trim() : null;
        reason = (reason != null && !reason.isBlank()) ? reason.strip() : null;
    }

    /**
     * @param name a source field, any case
     * @return whether this decision is about it
     */
    public boolean is(String name) {
        return this.field != null && name != null && this.field.equalsIgnoreCase(name.trim());
    }

}
