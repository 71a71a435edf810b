package dev.switchyard.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.scope.FieldsNotMigrated;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scope page's view of what the latest mapping sends nowhere: per source object, the
 * fields no object mapping reads that hold data or were marked not migrated on purpose,
 * with the reasons. Composed here, in the mapping, because the mapping depends on scope
 * and not the other way round.
 */
@Component
class ScopeFieldsNotMigrated implements FieldsNotMigrated {

    private final MappingService mappings;

    private final MappingInputs inputs;

    ScopeFieldsNotMigrated(MappingService mappings, MappingInputs inputs) {
        this.mappings = mappings;
        this.inputs = inputs;
    }

    @Override
    @Transactional(readOnly = true)
    public Summary of(Long projectId) {
        MappingVersion current = this.mappings.current(projectId);
        MappingDocument document = current.document();
        if (document.objects().isEmpty()) {
            return new Summary(current.version(), List.of());
        }
        MappingInputs.Inputs in = this.inputs.load(projectId);
        // the object mappings of one source object send the same fields nowhere
        Map<String, List<ObjectMapping>> bySource = new LinkedHashMap<>();
        for (ObjectMapping object : document.objects()) {
            bySource.computeIfAbsent(MappingDocument.key(object.source()), (k) -> new ArrayList<>()).add(object);
        }
        List<ObjectFields> objects = new ArrayList<>();
        for (List<ObjectMapping> group : bySource.values()) {
            UnmappedFields.View view = UnmappedFields.of(in, document, group.get(0));
            objects.add(new ObjectFields(group.get(0).source(), group.stream().map(ObjectMapping::label).toList(),
                    view.sourceKnown(),
                    view.fields().stream().map((f) -> new Field(f.name(), f.fillRate(), f.reason())).toList()));
        }
        return new Summary(current.version(), objects);
    }

}
