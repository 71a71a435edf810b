package dev.switchyard.mapping;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The source fields each object mapping sends nowhere, in the automation API. Decisions
 * are made by saving the mapping document with the object mapping's {@code notMigrated}
 * list.
 */
@RestController
@Tag(name = "Mapping")
class UnmappedFieldsApiController {

    private final MappingService mappings;

    private final MappingInputs inputs;

    UnmappedFieldsApiController(MappingService mappings, MappingInputs inputs) {
        this.mappings = mappings;
        this.inputs = inputs;
    }

    /**
     * An object mapping's source fields that go nowhere.
     *
     * @param source the source object
     * @param target the target object
     * @param sourceKnown whether the latest extraction has the source object
     * @param fields the fields that go nowhere and hold data or have a decision
     * @param empty the fields that go nowhere and are empty in every record
     * @param stale the mapping's decisions that no longer apply
     */
    record ObjectJson(String source, String target, boolean sourceKnown, List<FieldJson> fields, List<String> empty,
            List<StaleJson> stale) {
    }

    /**
     * A source field that goes nowhere.
     *
     * @param name the field
     * @param type its dictionary type
     * @param fillRate its share of non-blank values (0–1), null when not profiled
     * @param filled records with a value, null when not profiled
     * @param samples its most frequent values (at most 3)
     * @param reason why it is not migrated on purpose, null while undecided
     * @param decidedIn the other object mapping of the same source holding the decision,
     * or null
     */
    record FieldJson(String name, String type, Double fillRate, Long filled, List<UnmappedFields.Sample> samples,
            String reason, String decidedIn) {
    }

    /**
     * A decision that no longer applies.
     *
     * @param field the field
     * @param reason the decision's reason
     * @param why why it no longer applies
     */
    record StaleJson(String field, String reason, String why) {
    }

    @GetMapping("/api/v1/projects/{projectId}/mapping/unmapped-fields")
    @Operation(summary = "Source fields each object mapping sends nowhere",
            description = "Per object mapping, the fields of the latest extraction's source object that no object "
                    + "mapping of that source reads (the record id aside), with fill rate, filled records, the "
                    + "three most frequent values and the reason when they are marked not migrated on purpose "
                    + "(the object mapping's notMigrated list in the mapping document); empty fields apart; "
                    + "decisions that no longer apply (the field is mapped, or gone) as stale.")
    List<ObjectJson> unmapped(@PathVariable Long projectId) {
        MappingDocument document = this.mappings.current(projectId).document();
        MappingInputs.Inputs in = this.inputs.load(projectId);
        return document.objects().stream().map((o) -> {
            UnmappedFields.View view = UnmappedFields.of(in, document, o);
            return new ObjectJson(o.source(), o.target(), view.sourceKnown(),
                    view.fields()
                        .stream()
                        .map((f) -> new FieldJson(f.name(), f.type(), f.fillRate(), f.filled(), f.samples(), f.reason(),
                                f.decidedIn()))
                        .toList(),
                    view.empty(),
                    view.stale()
                        .stream()
                        .map((s) -> new StaleJson(s.decision().field(), s.decision().reason(), s.why()))
                        .toList());
        }).toList();
    }

}
