package dev.switchyard.mapping.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a transform may look at besides its input: the whole source record (for transforms
 * reading other fields, such as concatenation or a country field giving a phone's
 * region), and the target field. Transforms report loss they cause on purpose (a
 * truncation) as notes, which become findings.
 */
public final class TransformContext {

    private final String recordId;

    private final Map<String, Object> record;

    private final String targetField;

    private final Integer targetLength;

    private final List<String> notes = new ArrayList<>();

    /**
     * @param recordId the source record's id (for messages)
     * @param record the source record's values by field name
     * @param targetField the target field being made
     * @param targetLength the target field's maximum length, or null
     */
    public TransformContext(String recordId, Map<String, Object> record, String targetField, Integer targetLength) {
        this.recordId = recordId;
        this.record = record;
        this.targetField = targetField;
        this.targetLength = targetLength;
    }

    public String recordId() {
        return this.recordId;
    }

    /**
     * @param field a source field
     * @return its value in this record, or null
     */
    public Object field(String field) {
        return this.record.get(field);
    }

    public Map<String, Object> record() {
        return this.record;
    }

    public String targetField() {
        return this.targetField;
    }

    public Integer targetLength() {
        return this.targetLength;
    }

    /**
     * Records a deliberate loss (e.g. "truncated from 300 to 255 characters").
     * @param note what happened
     */
    public void note(String note) {
        this.notes.add(note);
    }

    public List<String> notes() {
        return this.notes;
    }

}
