package dev.switchyard.validation;

/**
 * What a finding of a validation says about one record.
 */
public enum FindingKind {

    /** A source record of the run's snapshot without an outcome in the run's ledger. */
    NO_OUTCOME("No outcome in the ledger"),

    /** The ledger says it was loaded, but the target has no row with its target id. */
    MISSING_IN_TARGET("Missing in the target"),

    /**
     * A row an earlier run loaded whose record the run's scope (or the mapping's filter)
     * now leaves out, still in the target and not marked inactive.
     */
    OUT_OF_SCOPE_IN_TARGET("Out of scope, still in the target"),

    /** A field whose value in the target differs from the transform of the source. */
    MISMATCH("Field mismatch"),

    /** A reference in the target that is not the cross-reference of the source's. */
    BROKEN_REFERENCE("Broken reference"),

    /**
     * A reference the run left empty because its parent was not loaded (quarantined or
     * excluded); the run's ledger entry for the record says so.
     */
    UNRESOLVED_PARENT("Parent not loaded"),

    /** A field the transform changed by design and the target holds as expected. */
    BY_DESIGN("Changed by design"),

    /** A long text lost its line breaks. */
    LINE_BREAKS("Line breaks lost"),

    /** A text was cut short. */
    TRUNCATION("Truncated"),

    /** Text beyond Latin arrived damaged. */
    NON_LATIN("Non-Latin text damaged"),

    /** A blank value arrived as the word "null". */
    NULL_STRING("\"null\" string"),

    /** A date-only value arrived as another date. */
    DATE_ONLY("Date shifted");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

    /**
     * @param check a content check
     * @return the finding its failures are
     */
    static FindingKind of(Values.Check check) {
        return valueOf(check.name());
    }

}
