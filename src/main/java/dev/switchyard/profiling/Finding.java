package dev.switchyard.profiling;

import java.util.List;

/**
 * A data-quality finding on an object or one of its fields, for the analyst.
 *
 * @param kind what kind of problem
 * @param object the object concerned
 * @param field the field concerned, or null for record-level findings (duplicates)
 * @param count how many values (or records) are concerned
 * @param examples up to five examples, each a record id with the value(s) concerned
 * @param message what is wrong, in words for people
 */
public record Finding(Kind kind, String object, String field, long count, List<Example> examples, String message) {

    /** The most examples kept. */
    public static final int EXAMPLE_LIMIT = 5;

    public Finding {
        examples = List.copyOf(examples.subList(0, Math.min(EXAMPLE_LIMIT, examples.size())));
    }

    /**
     * The kinds of findings.
     */
    public enum Kind {

        /** Records that are likely the same party. */
        DUPLICATE_CANDIDATES,

        /** A field whose values come in several formats (phone shapes). */
        INCONSISTENT_FORMAT,

        /** Slash dates that may be day-first or month-first, with nothing to tell. */
        AMBIGUOUS_DATES,

        /** Dates in several formats, or day-first and month-first dates mixed. */
        MIXED_DATE_FORMATS,

        /** Values of an e-mail field that are not plausible addresses. */
        INVALID_EMAIL,

        /** US ZIP codes that lost their leading zeros. */
        LOST_LEADING_ZEROS,

        /** Values with leading or trailing white space. */
        LEADING_TRAILING_SPACES,

        /** Values with embedded line breaks. */
        EMBEDDED_LINE_BREAKS,

        /**
         * Records with no value for a field the target requires, as the mapping fills it
         * (found by mapping validation, not by profiling).
         */
        REQUIRED_WITHOUT_SOURCE_DATA,

        /** Values not parseable as the type nearly all others of the field have. */
        UNPARSEABLE_VALUE,

        /**
         * References to records that are not in the referenced object (found by the
         * caller).
         */
        ORPHAN_REFERENCES,

        /**
         * References by a business key (a name, a code) that match their parent only
         * ignoring case, spaces or punctuation (found by the caller).
         */
        KEY_SPELLING_VARIANTS,

        /**
         * Values of a field that point at records of an object the export does not
         * include (owners, creators, record types): found by the caller.
         */
        REFERENCES_ABSENT_OBJECT,

        /**
         * Rare values of a picklist-like field that look like misspellings or variants of
         * a frequent value.
         */
        NEAR_DUPLICATE_VALUES,

        /**
         * One value on nearly every row of a numeric field (a default left in place), or
         * one e-mail address shared by most records.
         */
        DOMINANT_VALUE,

        /**
         * Records whose related fields contradict each other: a status saying converted
         * while a yes/no field says not converted (found by the caller).
         */
        CONTRADICTORY_VALUES,

        /**
         * A key field (an external id, a number) whose values are distinct but for a few
         * repeated ones.
         */
        DUPLICATE_KEY_VALUES

    }

}
