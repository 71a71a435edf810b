package dev.switchyard.mapping.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the values of a multi-select picklist one by one, as {@link PicklistMap} does for
 * a single value. Salesforce stores a multi-select as one text with the values separated
 * by {@code ;} (e.g. {@code Golf;Tennis & Pickleball}); the input may be such a text or a
 * {@code List<String>}.
 *
 * <p>
 * Each value is trimmed and blank values are dropped; each is mapped (matched exactly or,
 * with {@code caseInsensitive}, ignoring case); unmapped values become
 * {@code defaultValue} when given and otherwise make a {@link TransformException} naming
 * all of them. Several source values may map to the same target: duplicates are removed,
 * keeping the first occurrence's order. The result is re-joined with {@code ;}; when no
 * value is left the result is null. Target values may not contain {@code ;}.
 *
 * <p>
 * JSON: like {@link PicklistMap} with {@code "type":"multi-picklist-map"}.
 *
 * @param values source value → target value (no null keys or values)
 * @param defaultValue the value for unmapped source values, or null to refuse them
 * @param caseInsensitive whether source values are matched ignoring case
 */
public record MultiPicklistMap(Map<String, String> values, String defaultValue,
        boolean caseInsensitive) implements Transform {

    /** The separator Salesforce uses between the values of a multi-select picklist. */
    public static final String SEPARATOR = ";";

    public MultiPicklistMap {
        values = PicklistMap.copy(values, caseInsensitive);
        values.forEach((source, target) -> {
            if (target.contains(SEPARATOR)) {
                throw new IllegalArgumentException("Multi-select value '" + target + "' contains ';'");
            }
        });
        if (defaultValue != null && defaultValue.contains(SEPARATOR)) {
            throw new IllegalArgumentException("Multi-select default '" + defaultValue + "' contains ';'");
        }
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        if (value == null) {
            return null;
        }
        List<String> sources = (value instanceof List<?> list) ? list.stream().map(String::valueOf).toList()
                : Arrays.asList(value.toString().split(SEPARATOR, -1));
        Set<String> targets = new LinkedHashSet<>();
        List<String> unmapped = new ArrayList<>();
        for (String source : sources) {
            String trimmed = (source != null) ? source.strip() : "";
            if (trimmed.isEmpty()) {
                continue;
            }
            String target = PicklistMap.lookup(this.values, this.caseInsensitive, trimmed);
            if (target == null) {
                target = this.defaultValue;
            }
            if (target == null) {
                unmapped.add("'" + trimmed + "'");
            }
            else if (!target.isBlank()) {
                targets.add(target);
            }
        }
        if (!unmapped.isEmpty()) {
            throw new TransformException(context, value, describe(),
                    "no mapping for value" + ((unmapped.size() > 1) ? "s " : " ") + String.join(", ", unmapped));
        }
        return targets.isEmpty() ? null : String.join(SEPARATOR, targets);
    }

    @Override
    public String describe() {
        return "multi-select map of " + this.values.size() + " values" + (this.caseInsensitive ? " ignoring case" : "")
                + ((this.defaultValue != null) ? ", otherwise '" + this.defaultValue + "'" : "");
    }

}
