package dev.switchyard.mapping.transform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps a source picklist value to a target picklist value, e.g. the source's
 * {@code Closed/Won} to Salesforce's {@code Closed Won}. The source value is matched
 * after trimming, exactly or (with {@code caseInsensitive}) ignoring case
 * ({@link Locale#ROOT}).
 *
 * <p>
 * Blank (null, empty or whitespace-only) passes through as null. A value with no mapping
 * becomes {@code defaultValue} when one is given, and otherwise is a
 * {@link TransformException} "no mapping for value 'X'" for that record, so that new
 * values in the source are noticed rather than loaded unchecked. To keep a value as it
 * is, map it to itself.
 *
 * <p>
 * JSON: {@code {"type":"picklist-map","values":{"Closed/Won":"Closed
 * Won"},"defaultValue":null,"caseInsensitive":true}}. The order of {@code values} is
 * kept.
 *
 * @param values source value → target value (no null keys or values)
 * @param defaultValue the value for unmapped source values, or null to refuse them
 * @param caseInsensitive whether source values are matched ignoring case
 */
public record PicklistMap(Map<String, String> values, String defaultValue,
        boolean caseInsensitive) implements Transform {

    public PicklistMap {
        values = copy(values, caseInsensitive);
    }

    static Map<String, String> copy(Map<String, String> values, boolean caseInsensitive) {
        Objects.requireNonNull(values, "values");
        Map<String, String> copy = new LinkedHashMap<>();
        Map<String, String> folded = new LinkedHashMap<>();
        values.forEach((source, target) -> {
            if (source == null || target == null) {
                throw new IllegalArgumentException("Picklist mapping with null: " + source + " → " + target);
            }
            String key = source.strip();
            String clash = folded.put(caseInsensitive ? key.toLowerCase(Locale.ROOT) : key, key);
            if (clash != null) {
                throw new IllegalArgumentException("Picklist values '" + clash + "' and '" + source
                        + "' are the same value" + (caseInsensitive ? " ignoring case" : ""));
            }
            copy.put(key, target);
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * @param source a trimmed, non-blank source value
     * @return its mapped value, or null when it has none
     */
    static String lookup(Map<String, String> values, boolean caseInsensitive, String source) {
        String target = values.get(source);
        if (target != null || !caseInsensitive) {
            return target;
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(source)) {
                return entry.getValue();
            }
        }
        return null;
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String source = value.toString().strip();
        String target = lookup(this.values, this.caseInsensitive, source);
        if (target != null) {
            return target;
        }
        if (this.defaultValue != null) {
            return this.defaultValue;
        }
        throw new TransformException(context, value, describe(), "no mapping for value '" + source + "'");
    }

    @Override
    public String describe() {
        return "picklist map of " + this.values.size() + " values" + (this.caseInsensitive ? " ignoring case" : "")
                + ((this.defaultValue != null) ? ", otherwise '" + this.defaultValue + "'" : "");
    }

}
