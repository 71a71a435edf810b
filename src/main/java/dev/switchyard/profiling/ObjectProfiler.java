package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.SourceRecord;

/**
 * Profiles one object's records: a {@link FieldProfiler} per field, fields discovered as
 * they appear (records lacking a field count as absent for it), and optionally the value
 * distribution of one category field (a record type, a status). Not thread-safe.
 */
public final class ObjectProfiler {

    /** The most category values told apart. */
    public static final int CATEGORY_LIMIT = 1000;

    /** Where further category values are counted. */
    public static final String OTHER_CATEGORY = "(other)";

    private final String object;

    private final String idField;

    private final String categoryField;

    private final int twoDigitYearPivot;

    private final Map<String, FieldProfiler> fields = new LinkedHashMap<>();

    private final Map<String, long[]> categories = new HashMap<>();

    private long records;

    /**
     * Profiles an object whose records carry their id in the {@code Id} field.
     * @param object the object's name
     */
    public ObjectProfiler(String object) {
        this(object, "Id", null);
    }

    /**
     * Profiles an object.
     * @param object the object's name
     * @param idField the field holding the record id (for examples), or null
     * @param categoryField the field whose value distribution to keep, or null
     */
    public ObjectProfiler(String object, String idField, String categoryField) {
        this(object, idField, categoryField, FieldProfiler.DEFAULT_TWO_DIGIT_YEAR_PIVOT);
    }

    /**
     * Profiles an object.
     * @param object the object's name
     * @param idField the field holding the record id (for examples), or null
     * @param categoryField the field whose value distribution to keep, or null
     * @param twoDigitYearPivot the first year two-digit years are read as
     */
    public ObjectProfiler(String object, String idField, String categoryField, int twoDigitYearPivot) {
        this.object = object;
        this.idField = idField;
        this.categoryField = categoryField;
        this.twoDigitYearPivot = twoDigitYearPivot;
    }

    /**
     * Takes one record, its id read from the id field (else its ordinal, {@code #1}…).
     * @param values the record's values by field name
     */
    public void accept(Map<String, Object> values) {
        Object id = (this.idField != null) ? values.get(this.idField) : null;
        accept((id != null) ? id.toString() : "#" + (this.records + 1), values);
    }

    /**
     * Takes one record read from a source.
     * @param record the record
     */
    public void accept(SourceRecord record) {
        accept(record.id(), record.values());
    }

    /**
     * Takes one record.
     * @param recordId the record's id, kept with examples of issues
     * @param values the record's values by field name
     */
    public void accept(String recordId, Map<String, Object> values) {
        long seen = this.records++;
        values.forEach((name, value) -> this.fields.computeIfAbsent(name, (n) -> {
            FieldProfiler profiler = new FieldProfiler(n, this.twoDigitYearPivot);
            profiler.padAbsent(seen);
            return profiler;
        }).accept(recordId, value));
        if (this.categoryField != null) {
            Object value = values.get(this.categoryField);
            String category = (value != null) ? value.toString().strip() : "";
            long[] counter = this.categories.get(category);
            if (counter == null) {
                counter = this.categories.computeIfAbsent(
                        (this.categories.size() < CATEGORY_LIMIT) ? category : OTHER_CATEGORY, (k) -> new long[1]);
            }
            counter[0]++;
        }
    }

    /**
     * @param field a field's name
     * @return its distinct text values in normal form (for reference inference), or null
     * when no record had the field
     */
    public KeyValues keyValues(String field) {
        FieldProfiler profiler = this.fields.get(field);
        return (profiler != null) ? profiler.keyValues() : null;
    }

    public long recordCount() {
        return this.records;
    }

    /**
     * The profile of the records taken so far.
     * @return the object's profile
     */
    public ObjectProfile result() {
        List<FieldProfile> profiles = new ArrayList<>(this.fields.size());
        for (FieldProfiler profiler : this.fields.values()) {
            profiler.padAbsent(this.records);
            profiles.add(profiler.result());
        }
        List<ValueCount> distribution = new ArrayList<>(this.categories.size());
        this.categories.forEach((value, counter) -> distribution.add(new ValueCount(value, counter[0])));
        distribution.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return new ObjectProfile(this.object, this.records, profiles, this.categoryField, distribution);
    }

}
