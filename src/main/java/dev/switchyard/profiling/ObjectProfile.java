package dev.switchyard.profiling;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The profile of one object's records.
 *
 * @param object the object's name
 * @param recordCount the records seen
 * @param fields the fields' profiles, in the order the fields were first met
 * @param categoryField the field whose value distribution was kept, or null
 * @param categories that field's values and counts, most frequent first (blank values
 * under {@code ""}; beyond {@value ObjectProfiler#CATEGORY_LIMIT} values, the rest under
 * {@value ObjectProfiler#OTHER_CATEGORY}); empty without a category field
 */
public record ObjectProfile(String object, long recordCount, List<FieldProfile> fields, String categoryField,
        List<ValueCount> categories) {

    public ObjectProfile {
        fields = List.copyOf(fields);
        categories = List.copyOf(categories);
    }

    /**
     * The profile of the named field.
     * @param name the field's name
     * @return its profile
     * @throws NoSuchElementException if no record had that field
     */
    public FieldProfile field(String name) {
        return this.fields.stream()
            .filter((field) -> field.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new NoSuchElementException("No field " + name + " in " + this.object));
    }

    /**
     * The fields' profiles by name.
     * @return a map keeping the fields' order
     */
    public Map<String, FieldProfile> fieldsByName() {
        Map<String, FieldProfile> map = new java.util.LinkedHashMap<>();
        this.fields.forEach((field) -> map.put(field.name(), field));
        return map;
    }

}
