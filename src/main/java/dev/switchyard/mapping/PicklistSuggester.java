package dev.switchyard.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.mapping.transform.MultiPicklistMap;
import dev.switchyard.mapping.transform.PicklistMap;
import dev.switchyard.mapping.transform.Transform;
import dev.switchyard.profiling.JaroWinkler;

/**
 * Suggests a target value for each source picklist value: the same value, the same
 * ignoring case, spaces and punctuation, the value chosen for it earlier in the project
 * (in any other picklist mapping), or the most similar allowed value.
 */
final class PicklistSuggester {

    static final double FUZZY = 0.88;

    private final List<String> allowed;

    private final Map<String, String> byNormal = new LinkedHashMap<>();

    private final Map<String, String> earlier;

    private final Map<String, String> canonical;

    /**
     * @param allowed the target's allowed values
     * @param document the mapping (for earlier choices)
     */
    PicklistSuggester(List<String> allowed, MappingDocument document) {
        this(allowed, document, Map.of());
    }

    /**
     * @param allowed the target's allowed values
     * @param document the mapping (for earlier choices)
     * @param canonical the source field's likely misspellings with the value each most
     * likely means (from profiling), by the misspelt value
     */
    PicklistSuggester(List<String> allowed, MappingDocument document, Map<String, String> canonical) {
        this.allowed = allowed;
        for (String value : allowed) {
            this.byNormal.putIfAbsent(Names.value(value), value);
        }
        this.earlier = earlierChoices(document);
        this.canonical = canonical;
    }

    /**
     * @param field a source field
     * @return its likely misspellings (profiling's near-duplicate values) with the value
     * each most likely means
     */
    static Map<String, String> canonicalValues(DictionaryField field) {
        Map<String, String> canonical = new LinkedHashMap<>();
        if (field.profile().get("nearDuplicates") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map && map.get("value") != null && map.get("canonical") != null) {
                    canonical.put(map.get("value").toString().strip(), map.get("canonical").toString().strip());
                }
            }
        }
        return canonical;
    }

    /**
     * @param value a source value
     * @return the suggested target value and why, or null
     */
    Choice suggest(String value) {
        String text = value.strip();
        if (this.allowed.contains(text)) {
            return new Choice(text, "same value", 1.0);
        }
        String normal = Names.value(text);
        String same = this.byNormal.get(normal);
        if (same != null) {
            return new Choice(same, "same ignoring case and spaces", 0.95);
        }
        String meant = this.canonical.get(text);
        if (meant != null && !meant.equals(text)) {
            Choice choice = new PicklistSuggester(this.allowed, this.earlier, Map.of()).suggest(meant);
            if (choice != null) {
                return new Choice(choice.value(), "likely a misspelling of '" + meant + "' (found by profiling), "
                        + "mapped as it: " + choice.reason(), choice.confidence() * 0.95);
            }
        }
        String chosen = this.earlier.get(normal);
        if (chosen != null && this.allowed.contains(chosen)) {
            return new Choice(chosen, "chosen earlier in this project", 0.9);
        }
        String best = null;
        double score = 0;
        for (Map.Entry<String, String> entry : this.byNormal.entrySet()) {
            double similarity = JaroWinkler.similarity(normal, entry.getKey());
            if (similarity > score) {
                score = similarity;
                best = entry.getValue();
            }
        }
        if (best != null && score >= FUZZY) {
            return new Choice(best, "similar (" + Math.round(score * 100) + "%)", score * 0.9);
        }
        return null;
    }

    private PicklistSuggester(List<String> allowed, Map<String, String> earlier, Map<String, String> canonical) {
        this.allowed = allowed;
        for (String value : allowed) {
            this.byNormal.putIfAbsent(Names.value(value), value);
        }
        this.earlier = earlier;
        this.canonical = canonical;
    }

    private static Map<String, String> earlierChoices(MappingDocument document) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (ObjectMapping object : document.objects()) {
            for (FieldMapping field : object.fields()) {
                for (Transform step : field.transforms()) {
                    Map<String, String> values = (step instanceof PicklistMap map) ? map.values()
                            : (step instanceof MultiPicklistMap multi) ? multi.values() : Map.of();
                    values.forEach((source, target) -> choices.putIfAbsent(Names.value(source), target));
                }
            }
        }
        return choices;
    }

    /**
     * The distinct values of a source field with their counts: those the dictionary keeps
     * for picklist-like fields, else the profile's top values.
     * @param field a source field
     * @return its values, most frequent first
     */
    static List<SourceValue> sourceValues(DictionaryField field) {
        List<SourceValue> values = new ArrayList<>();
        List<?> list = field.picklistValues();
        if (list.isEmpty() && field.profile().get("topValues") instanceof List<?> top) {
            list = top;
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> map && map.get("value") != null) {
                Object count = map.get("count");
                values.add(new SourceValue(map.get("value").toString(),
                        (count instanceof Number number) ? number.longValue() : 0));
            }
        }
        return values;
    }

    /**
     * A suggested target value.
     *
     * @param value the target value
     * @param reason why, in words
     * @param confidence 0–1
     */
    record Choice(String value, String reason, double confidence) {
    }

    /**
     * A distinct source value.
     *
     * @param value the value
     * @param count how many records have it
     */
    record SourceValue(String value, long count) {
    }

}
