package dev.switchyard.profiling;

/**
 * The per-value issues a {@link FieldProfiler} counts and keeps examples of.
 */
public enum FieldIssue {

    /** A non-blank value starting or ending with white space. */
    LEADING_TRAILING_SPACES,

    /** A value containing a line feed or carriage return. */
    LINE_BREAKS,

    /** A value of an e-mail field that is not a plausible address. */
    INVALID_EMAIL,

    /** A US ZIP code that lost its leading zero(s): 4 (or 3) digits. */
    LOST_LEADING_ZEROS,

    /**
     * A slash date whose two first parts are both 12 or less: day-first or month-first.
     */
    AMBIGUOUS_DATE,

    /** A slash date that only parses day-first (its first part is over 12). */
    DAY_FIRST_DATE,

    /** A slash date that only parses month-first (its second part is over 12). */
    MONTH_FIRST_DATE,

    /** A value not parseable as the type nearly all others of the field have. */
    UNPARSEABLE,

    /**
     * One value on nearly every row of a numeric field (a default left in place), or one
     * address shared by most values of an e-mail field (a placeholder); the detail is the
     * value.
     */
    DOMINANT_VALUE

}
