package dev.switchyard.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.scope.rule.CompiledRule;
import dev.switchyard.scope.rule.RuleException;
import dev.switchyard.staging.StagedRecords;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * Shows what the saved mapping makes of real records: source and target side by side,
 * field by field, with the transform errors where they occur. Nothing is written.
 */
@Component
public class MappingPreview {

    /** The most records one preview shows. */
    public static final int MAX_RECORDS = 50;

    private final StagedRecords staged;

    MappingPreview(StagedRecords staged) {
        this.staged = staged;
    }

    /**
     * @param inputs the dictionaries
     * @param document the mapping
     * @param object the source object's name, any case
     * @param sourceIds the records to show; when empty, {@code random} records at random
     * @param random how many random records when no ids are given (1 to
     * {@value #MAX_RECORDS})
     * @return a row per record and object mapping reading it
     */
    public List<Row> preview(MappingInputs.Inputs inputs, MappingDocument document, String object,
            Collection<String> sourceIds, int random) {
        if (inputs.snapshotId() == null) {
            throw new NotFoundException("There is no completed extraction to preview records from");
        }
        if (object == null || object.isBlank()) {
            throw new InvalidInputException("object", "Name the source object to preview");
        }
        DictionaryObject source = inputs.sourceObject(object)
            .orElseThrow(() -> new InvalidInputException("object", "The source has no object " + object.trim()));
        List<ObjectMapping> mappings = document.fromSource(source.name());
        if (mappings.isEmpty()) {
            throw new InvalidInputException("object", source.name() + " is not mapped yet");
        }
        Set<String> ids = new LinkedHashSet<>();
        if (sourceIds != null) {
            sourceIds.stream().filter((id) -> id != null && !id.isBlank()).map(String::trim).forEach(ids::add);
        }
        if (ids.size() > MAX_RECORDS) {
            throw new InvalidInputException("sourceIds", "Preview at most " + MAX_RECORDS + " records at a time");
        }
        List<StagedRecords.Staged> records;
        if (ids.isEmpty()) {
            records = this.staged.sample(inputs.snapshotId(), source.name(),
                    Math.max(1, Math.min(random, MAX_RECORDS)));
        }
        else {
            records = this.staged.byIds(inputs.snapshotId(), source.name(), ids);
            if (records.isEmpty()) {
                throw new NotFoundException("None of the ids is a " + source.name()
                        + " record of the latest extraction: " + String.join(", ", ids.stream().limit(5).toList()));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ObjectMapping mapping : mappings) {
            RecordMapper mapper = new RecordMapper(mapping, inputs.lengths(mapping.target()));
            Set<String> taken = null;
            String filterProblem = null;
            try {
                CompiledRule filter = SourceFilters.compile(mapping.filter(), source);
                if (filter != null && !records.isEmpty()) {
                    taken = this.staged.matching(inputs.snapshotId(), source.name(), filter.sql(), filter.params(),
                            records.stream().map(StagedRecords.Staged::sourceId).toList());
                }
            }
            catch (RuleException ex) {
                filterProblem = "The source filter cannot be used: " + ex.getMessage();
            }
            for (StagedRecords.Staged record : records) {
                MappedRecord mapped = mapper.map(record.sourceId(), record.values());
                Boolean included = (filterProblem != null) ? null
                        : (taken == null) ? Boolean.TRUE : taken.contains(record.sourceId());
                rows.add(new Row(record.sourceId(), mapping.target(), record.values(), mapped.values(), mapped.errors(),
                        mapped.notes(), included));
            }
        }
        return rows;
    }

    /**
     * One record as the mapping makes it.
     *
     * @param sourceId the source record's id
     * @param targetObject the target object of this object mapping
     * @param source the source values by field
     * @param target the target values by target field (references still hold source ids)
     * @param errors the fields that could not be made
     * @param notes deliberate losses by target field
     * @param included whether the object mapping's source filter takes the record (null
     * when the filter cannot be used)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String sourceId, String targetObject, Map<String, Object> source, Map<String, Object> target,
            List<TransformError> errors, Map<String, List<String>> notes, Boolean included) {
    }

}
