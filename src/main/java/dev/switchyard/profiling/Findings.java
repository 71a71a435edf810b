package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.switchyard.connector.FieldType;

/**
 * Turns an {@link ObjectProfile} and its {@link DuplicateGroup duplicate groups} into
 * {@link Finding findings}.
 */
public final class Findings {

    private Findings() {
    }

    /**
     * The findings of one object.
     * @param profile the object's profile
     * @param duplicates its duplicate candidate groups (may be empty)
     * @return the findings, field by field in the profile's order, then duplicates
     */
    public static List<Finding> of(ObjectProfile profile, List<DuplicateGroup> duplicates) {
        List<Finding> findings = new ArrayList<>();
        String object = profile.object();
        for (FieldProfile field : profile.fields()) {
            of(object, field, findings);
        }
        for (DuplicateGroup group : duplicates) {
            String kinds = group.matchedBy().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            findings.add(new Finding(Finding.Kind.DUPLICATE_CANDIDATES, object, null, group.recordIds().size(),
                    group.examples(),
                    String.format(java.util.Locale.ROOT, "%d records may be duplicates (matched by %s, score %.2f)",
                            group.recordIds().size(), kinds, group.score())));
        }
        return findings;
    }

    private static void of(String object, FieldProfile field, List<Finding> findings) {
        String name = field.name();
        FieldFormats formats = field.formats();
        if (formats.phoneShapes().size() > 1) {
            findings.add(new Finding(Finding.Kind.INCONSISTENT_FORMAT, object, name, total(formats.phoneShapes()),
                    examples(formats.phoneShapes()),
                    "Phone numbers in " + formats.phoneShapes().size() + " formats: " + list(formats.phoneShapes())));
        }
        Issue dayFirst = field.issue(FieldIssue.DAY_FIRST_DATE);
        Issue monthFirst = field.issue(FieldIssue.MONTH_FIRST_DATE);
        if (formats.mixedDayMonth()) {
            List<Example> examples = new ArrayList<>(
                    dayFirst.examples().subList(0, Math.min(3, dayFirst.examples().size())));
            examples.addAll(monthFirst.examples());
            findings.add(new Finding(Finding.Kind.MIXED_DATE_FORMATS, object, name,
                    dayFirst.count() + monthFirst.count(), examples, dayFirst.count()
                            + " dates are day-first (dd/MM) and " + monthFirst.count() + " month-first (MM/dd)"));
        }
        else if (formats.dateFormats().size() > 1) {
            findings.add(new Finding(Finding.Kind.MIXED_DATE_FORMATS, object, name, total(formats.dateFormats()),
                    examples(formats.dateFormats()),
                    "Dates in " + formats.dateFormats().size() + " formats: " + list(formats.dateFormats())));
        }
        if (formats.ambiguousDayMonth()) {
            Issue ambiguous = field.issue(FieldIssue.AMBIGUOUS_DATE);
            findings
                .add(new Finding(Finding.Kind.AMBIGUOUS_DATES, object, name, ambiguous.count(), ambiguous.examples(),
                        "All " + ambiguous.count()
                                + " slash dates could be day-first or month-first: the order must be confirmed"
                                + pivot(formats)));
        }
        add(findings, Finding.Kind.INVALID_EMAIL, object, name, field.issue(FieldIssue.INVALID_EMAIL),
                "values are not valid e-mail addresses");
        add(findings, Finding.Kind.LOST_LEADING_ZEROS, object, name, field.issue(FieldIssue.LOST_LEADING_ZEROS),
                "ZIP codes seem to have lost leading zeros (e.g. 6850 for 06850)");
        add(findings, Finding.Kind.LEADING_TRAILING_SPACES, object, name,
                field.issue(FieldIssue.LEADING_TRAILING_SPACES), "values have leading or trailing spaces");
        add(findings, Finding.Kind.EMBEDDED_LINE_BREAKS, object, name, field.issue(FieldIssue.LINE_BREAKS),
                "values contain line breaks");
        Issue dominant = field.issue(FieldIssue.DOMINANT_VALUE);
        if (dominant.count() > 0) {
            boolean numeric = field.inferredType() == FieldType.INTEGER || field.inferredType() == FieldType.DECIMAL;
            findings.add(new Finding(Finding.Kind.DOMINANT_VALUE, object, name, dominant.count(), dominant.examples(),
                    numeric ? String.format(Locale.ROOT,
                            "%d of %d values (%.0f%%) are %s: a default left in place? Check whether it means a real "
                                    + "value or 'unknown' before migrating it",
                            dominant.count(), field.nonBlankCount(), 100.0 * dominant.count() / field.nonBlankCount(),
                            dominant.detail())
                            : dominant.count() + " of " + field.nonBlankCount() + " records share the address "
                                    + dominant.detail()
                                    + ": a placeholder or shared mailbox, useless to match or deduplicate by"));
        }
        if (!field.nearDuplicates().isEmpty()) {
            long count = field.nearDuplicates().stream().mapToLong(NearDuplicate::count).sum();
            findings.add(new Finding(Finding.Kind.NEAR_DUPLICATE_VALUES, object, name, count,
                    field.nearDuplicates()
                        .stream()
                        .map((d) -> new Example(null, d.value() + " → " + d.canonical()))
                        .toList(),
                    count + " value" + ((count == 1) ? "" : "s") + " of " + name
                            + " look like misspellings or variants of a frequent value: "
                            + field.nearDuplicates()
                                .stream()
                                .map((d) -> "'" + d.value() + "' ×" + d.count() + " → '" + d.canonical() + "' ×"
                                        + d.canonicalCount())
                                .collect(Collectors.joining(", "))));
        }
        Issue unparseable = field.issue(FieldIssue.UNPARSEABLE);
        add(findings, Finding.Kind.UNPARSEABLE_VALUE, object, name, unparseable,
                "values do not parse as " + unparseable.detail() + " like the others");
    }

    private static void add(List<Finding> findings, Finding.Kind kind, String object, String field, Issue issue,
            String message) {
        if (issue.count() > 0) {
            findings
                .add(new Finding(kind, object, field, issue.count(), issue.examples(), issue.count() + " " + message));
        }
    }

    private static String pivot(FieldFormats formats) {
        Integer pivot = formats.twoDigitYearPivot();
        return (pivot != null) ? " (two-digit years read as " + pivot + "–" + (pivot + 99) + ")" : "";
    }

    private static long total(List<FormatCount> formats) {
        return formats.stream().mapToLong(FormatCount::count).sum();
    }

    private static List<Example> examples(List<FormatCount> formats) {
        return formats.stream().map(FormatCount::example).toList();
    }

    private static String list(List<FormatCount> formats) {
        return formats.stream().map((f) -> f.format() + " ×" + f.count()).collect(Collectors.joining(", "));
    }

}
