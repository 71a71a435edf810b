package dev.switchyard.cutover;

/**
 * The streams a cutover plan groups its tasks in, in the order a cutover usually runs
 * them.
 */
public enum CutoverStream {

    /** Telling users and stakeholders what happens when. */
    COMMUNICATION("Communication"),

    /** Making the source read-only. */
    SOURCE_FREEZE("Source freeze"),

    /** The last extraction of the source. */
    FINAL_EXTRACTION("Final extraction"),

    /** Loading the target. */
    LOAD("Load"),

    /** Checking the target against the source. */
    VALIDATION("Validation"),

    /** Business users try the target. */
    UAT_SMOKE_TEST("UAT smoke test"),

    /** Users move to the target. */
    SWITCH_OVER("Switch-over"),

    /** The source is archived. */
    SOURCE_ARCHIVE("Source archive");

    private final String label;

    CutoverStream(String label) {
        this.label = label;
    }

    /**
     * @return the stream's name as people read it
     */
    public String label() {
        return this.label;
    }

    /**
     * @param value a stream name, in any case, with spaces, hyphens or underscores
     * @return the stream
     * @throws IllegalArgumentException when no stream has that name
     */
    public static CutoverStream parse(String value) {
        if (value != null) {
            String key = value.trim().replace('-', '_').replace(' ', '_');
            for (CutoverStream stream : values()) {
                if (stream.name().equalsIgnoreCase(key)) {
                    return stream;
                }
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a stream: use communication, source_freeze, "
                + "final_extraction, load, validation, uat_smoke_test, switch_over or source_archive");
    }

}
