package dev.switchyard.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.mapping.transform.Chain;
import dev.switchyard.mapping.transform.TransformContext;
import dev.switchyard.mapping.transform.TransformException;

/**
 * An object mapping ready to apply to source records: the same code makes the records a
 * run loads, the preview, and the expected values validation compares with the target.
 * Each field is made on its own; one field's error never stops another's, and a record's
 * errors never stop the next record. Thread-safe: it holds only immutable transforms.
 */
public final class RecordMapper {

    private final ObjectMapping mapping;

    private final List<Step> steps;

    /**
     * @param mapping the object mapping
     * @param targetLengths the target fields' maximum lengths (for truncation), by target
     * field name; fields not in it have none
     */
    public RecordMapper(ObjectMapping mapping, Map<String, Integer> targetLengths) {
        this.mapping = mapping;
        this.steps = mapping.fields()
            .stream()
            .map((f) -> new Step(f.target(), f.input(), f.chain(), f.chain().describe(),
                    lengthOf(targetLengths, f.target())))
            .toList();
    }

    private static Integer lengthOf(Map<String, Integer> lengths, String field) {
        Integer length = lengths.get(field);
        if (length == null) {
            for (Map.Entry<String, Integer> entry : lengths.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(field)) {
                    return entry.getValue();
                }
            }
        }
        return length;
    }

    public ObjectMapping mapping() {
        return this.mapping;
    }

    /**
     * @param sourceId the source record's id
     * @param record its values by source field
     * @return the target record, with the fields that could not be made as errors
     */
    public MappedRecord map(String sourceId, Map<String, Object> record) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<TransformError> errors = null;
        Map<String, List<String>> notes = null;
        for (Step step : this.steps) {
            Object input = (step.input != null) ? value(record, step.input) : null;
            TransformContext context = new TransformContext(sourceId, record, step.target, step.length);
            try {
                Chain.Result result = step.chain.apply(input, context);
                values.put(step.target, result.value());
                if (!result.notes().isEmpty()) {
                    if (notes == null) {
                        notes = new LinkedHashMap<>();
                    }
                    notes.put(step.target, result.notes());
                }
            }
            catch (TransformException ex) {
                if (errors == null) {
                    errors = new ArrayList<>();
                }
                errors.add(new TransformError(sourceId, step.target, step.input, ex.getValue(), ex.getRule(),
                        ex.getMessage()));
            }
            catch (RuntimeException ex) {
                // a transform failing in a way it did not foresee is still this record's
                // and
                // this field's error, never the run's
                if (errors == null) {
                    errors = new ArrayList<>();
                }
                String text = (input != null) ? input.toString() : null;
                errors.add(new TransformError(sourceId, step.target, step.input, text, step.rule,
                        "Record " + sourceId + ", field " + step.target + ": " + ex.getClass().getSimpleName()
                                + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "") + " (value '" + text
                                + "', rule: " + step.rule + ")"));
            }
        }
        return new MappedRecord(sourceId, values, (errors != null) ? errors : List.of(),
                (notes != null) ? notes : Map.of());
    }

    /**
     * The value a field mapping reads from a source record: by the field's name, or in
     * another case when the record spells it so; validation and relationship tracing read
     * source values the same way.
     * @param record a source record's values by field
     * @param field the source field, or null
     * @return its value, or null
     */
    public static Object value(Map<String, Object> record, String field) {
        if (field == null) {
            return null;
        }
        Object value = record.get(field);
        if (value == null && !record.containsKey(field)) {
            for (Map.Entry<String, Object> entry : record.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(field)) {
                    return entry.getValue();
                }
            }
        }
        return value;
    }

    private record Step(String target, String input, Chain chain, String rule, Integer length) {
    }

}
