package dev.switchyard.profiling;

/**
 * What made records duplicate candidates.
 */
public enum MatchKind {

    /** The same normalised name. */
    NAME,

    /** Normalised names within the Jaro-Winkler threshold. */
    SIMILAR_NAME,

    /** The same e-mail address, lower-cased. */
    EMAIL,

    /** The same phone digits (the last 10 of a North American number). */
    PHONE,

    /** The same web domain. */
    WEBSITE

}
