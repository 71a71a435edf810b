package dev.switchyard.extraction;

import java.util.List;

/**
 * A reference by business key found in a snapshot: a field whose values are the values of
 * a key field (a name, a code) of another object, or of its own.
 *
 * @param object the object holding the reference
 * @param field the referring field
 * @param target the referenced object
 * @param keyField the target's field the values are keys of
 * @param normalised whether some values match only in normal form (ignoring case, spaces,
 * punctuation and accents), so that resolving must compare normal forms
 * @param values the non-blank values of the field
 * @param exact values equal to a key (ignoring surrounding spaces)
 * @param normalisedMatches values equal to a key only in normal form
 * @param ambiguous values whose key several target records share
 * @param orphans values matching no key
 * @param orphanExamples up to five orphans with the nearest key
 * @param variantExamples up to five values that match only in normal form
 * @param hierarchyDepth for a self reference, the levels of the deepest chain (1 = no
 * record has a parent), else null
 */
record KeyReference(String object, String field, String target, String keyField, boolean normalised, long values,
        long exact, long normalisedMatches, long ambiguous, long orphans, List<Orphan> orphanExamples,
        List<Orphan> variantExamples, Integer hierarchyDepth) {

    /**
     * @return the share of values that match a key, exactly or in normal form (0–1)
     */
    double matchRate() {
        return (this.values == 0) ? 0 : (double) (this.exact + this.normalisedMatches) / this.values;
    }

    /**
     * A value and the key it is nearest to.
     *
     * @param recordId the first record holding the value
     * @param value the value
     * @param records how many records hold it
     * @param nearest the nearest key as written, or null when the target has none
     * @param edits letters to change, add, drop or swap between their normal forms
     */
    record Orphan(String recordId, String value, long records, String nearest, int edits) {
    }

}
