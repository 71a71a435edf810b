package dev.switchyard.profiling;

import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldType;

/**
 * The profile of one field of one object, as computed by a {@link FieldProfiler}.
 *
 * @param name the field's name
 * @param count the records seen (absent values included)
 * @param nonBlankCount the values neither absent, empty nor white space only
 * @param fillRate {@code nonBlankCount / count}, 0 when there are no records
 * @param distinctCount the distinct non-blank values (an estimate when
 * {@code distinctEstimated})
 * @param distinctEstimated whether {@code distinctCount} is a HyperLogLog estimate
 * @param topValues up to 20 most frequent non-blank values, most frequent first
 * @param topValuesExact whether the top values' counts are exact (otherwise they are
 * Space-Saving upper bounds)
 * @param min the smallest non-blank value compared within the inferred type (numeric,
 * chronological, else lexical), or null
 * @param max the largest, or null
 * @param lengths the length distribution
 * @param formats the detected phone and date formats and e-mail validity
 * @param inferredType the dictionary type all non-blank values fit (TEXT when none)
 * @param idLike whether all non-blank values look like record ids (Salesforce 15/18
 * character ids or UUIDs): a REFERENCE candidate for the caller to match across objects
 * @param idPrefix the 3-character key prefix shared by all Salesforce ids, or null
 * @param requiredInferred whether there are records and no value is blank
 * @param uniqueInferred whether the distinct count is exact and equals the non-blank
 * count (and is not 0)
 * @param issues the issues found, by kind (only those with a count)
 * @param multiValues for a multi-select picklist ({@code ;}-separated options): each
 * option with the number of values holding it, most frequent first; else empty
 * @param nearDuplicates for a picklist-like field: rare values that look like
 * misspellings or variants of frequent ones, each with the value it most likely means
 */
public record FieldProfile(String name, long count, long nonBlankCount, double fillRate, long distinctCount,
        boolean distinctEstimated, List<ValueCount> topValues, boolean topValuesExact, String min, String max,
        LengthDistribution lengths, FieldFormats formats, FieldType inferredType, boolean idLike, String idPrefix,
        boolean requiredInferred, boolean uniqueInferred, Map<FieldIssue, Issue> issues, List<ValueCount> multiValues,
        List<NearDuplicate> nearDuplicates) {

    public FieldProfile {
        topValues = List.copyOf(topValues);
        issues = Map.copyOf(issues);
        multiValues = (multiValues != null) ? List.copyOf(multiValues) : List.of();
        nearDuplicates = (nearDuplicates != null) ? List.copyOf(nearDuplicates) : List.of();
    }

    /**
     * The given issue, {@link Issue#NONE} when not found.
     * @param kind the kind of issue
     * @return the issue's count and examples
     */
    public Issue issue(FieldIssue kind) {
        return this.issues.getOrDefault(kind, Issue.NONE);
    }

    /**
     * The given phone shape's or date format's count.
     * @param format a shape or format
     * @return how many values have it
     */
    public long formatCount(String format) {
        return this.formats.phoneShapes()
            .stream()
            .filter((f) -> f.format().equals(format))
            .mapToLong(FormatCount::count)
            .sum()
                + this.formats.dateFormats()
                    .stream()
                    .filter((f) -> f.format().equals(format))
                    .mapToLong(FormatCount::count)
                    .sum();
    }

}
