package dev.switchyard.dictionary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.system.InvalidInputException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data dictionary and the findings in the automation API.
 */
@RestController
@Tag(name = "Dictionary", description = "What exists in the source and the targets, and what is wrong with it")
class DictionaryApiController {

    private final DictionaryService dictionary;

    private final ReferenceDecisions decisions;

    private final ProjectAccess access;

    DictionaryApiController(DictionaryService dictionary, ReferenceDecisions decisions, ProjectAccess access) {
        this.dictionary = dictionary;
        this.decisions = decisions;
        this.access = access;
    }

    /**
     * The dictionary.
     *
     * @param side source or target
     * @param snapshotId the snapshot it describes (source), or null
     * @param environment the environment whose target it describes (target), or null
     * @param schemaReadAt when the target's schema was read, which its record counts date
     * from (target; null when not recorded)
     * @param objects the objects
     */
    record DictionaryJson(String side, Long snapshotId, String environment, Instant schemaReadAt,
            List<ObjectJson> objects) {
    }

    /**
     * An object.
     *
     * @param name its name
     * @param origin where it comes from
     * @param idField its id field
     * @param recordCount its records
     * @param fields its fields
     * @param references its references with their statistics: {@code field}, {@code to},
     * for a reference by key {@code by} and {@code match}, {@code fillRate},
     * {@code matchRate}, {@code orphans} (and {@code orphanExamples} with the nearest
     * key), {@code hierarchyDepth} for a self reference, {@code decision} when an analyst
     * decided
     * @param absentReferences its fields pointing at objects the export does not hold:
     * {@code field}, {@code object} (likely name), {@code basis}, {@code values},
     * {@code distinct}
     */
    record ObjectJson(String name, String origin, String idField, Long recordCount, List<FieldJson> fields,
            Object references, Object absentReferences) {
    }

    /**
     * A field.
     *
     * @param name its name
     * @param type declared, else inferred type
     * @param declaredType the declared type, or null
     * @param inferredType the inferred type, or null
     * @param length the declared length, or null
     * @param maxLength the longest value seen
     * @param required declared or inferred (never blank)
     * @param unique declared or inferred
     * @param generated filled by the system itself
     * @param fillRate share of non-blank values
     * @param distinctCount distinct values
     * @param picklistValues allowed or seen values with counts
     * @param references the referenced object, or null
     * @param referenceInferred whether the reference was inferred from the values
     * @param referenceKey for a reference by business key, the referenced object's field
     * its values are keys of; null by id
     * @param referenceMatch EXACT or NORMALISED for a reference by key, else null
     * @param referenceDecision CONFIRMED or REJECTED when an analyst decided on the
     * inferred reference, else null
     */
    record FieldJson(String name, FieldType type, FieldType declaredType, FieldType inferredType, Integer length,
            Integer maxLength, boolean required, boolean unique, boolean generated, Double fillRate, Long distinctCount,
            List<Map<String, Object>> picklistValues, String references, boolean referenceInferred, String referenceKey,
            String referenceMatch, String referenceDecision) {
    }

    /**
     * A decision on an inferred reference.
     *
     * @param object the object
     * @param field the referring field
     * @param decision CONFIRMED, REJECTED, or NONE to withdraw an earlier one
     */
    record DecisionJson(String object, String field, String decision) {
    }

    @GetMapping("/api/v1/projects/{projectId}/dictionary")
    @Operation(summary = "The data dictionary",
            description = "side=source (default): the latest completed extraction; side=target: the target of an "
                    + "environment (environment=sandbox by default). 404 when there is none yet.")
    DictionaryJson dictionary(@PathVariable Long projectId, @RequestParam(required = false) String side,
            @RequestParam(required = false) String environment) {
        DictionaryService.View view = this.dictionary.view(projectId, side, environment);
        return new DictionaryJson(view.side().name().toLowerCase(), view.snapshotId(), view.environment(),
                view.readAt(),
                view.objects()
                    .stream()
                    .map((o) -> new ObjectJson(o.name(), o.origin(), o.idField(), o.recordCount(), o.fields()
                        .stream()
                        .map((f) -> new FieldJson(f.name(), f.type(), f.declaredType(), f.inferredType(), f.length(),
                                f.maxLength(), f.required(), f.unique(), f.generated(), f.fillRate(), f.distinctCount(),
                                f.picklistValues(), f.referenceTo(), f.referenceInferred(), f.referenceKey(),
                                f.referenceMatch(), f.referenceDecision()))
                        .toList(), o.profile().getOrDefault("references", List.of()),
                            o.profile().getOrDefault("absentReferences", List.of())))
                    .toList());
    }

    @PostMapping("/api/v1/projects/{projectId}/dictionary/references")
    @Operation(summary = "Confirm or reject an inferred reference",
            description = "decision CONFIRMED, REJECTED or NONE (withdraws an earlier decision); kept across "
                    + "extractions. Analysts only. 422 when the field has no inferred reference.")
    DecisionJson decide(@PathVariable Long projectId, @RequestBody DecisionJson body) {
        this.access.require(projectId, ProjectRole.ANALYST);
        String object = (body.object() != null) ? body.object().strip() : "";
        String field = (body.field() != null) ? body.field().strip() : "";
        if (object.isEmpty() || field.isEmpty()) {
            throw new InvalidInputException((object.isEmpty()) ? "object" : "field", "Name the object and the field");
        }
        ReferenceDecisions.Kind kind = ReferenceDecisionForm.kind(body.decision());
        ReferenceDecisions.Decision decision = this.decisions.decide(projectId, object, field, kind);
        return new DecisionJson(object, field, (decision != null) ? decision.kind().name() : "NONE");
    }

    /**
     * A finding.
     *
     * @param id its id
     * @param kind its kind
     * @param object the object
     * @param field the field, or null
     * @param count how many records or values it concerns
     * @param message what it means
     * @param examples up to five: the record id and the values that triggered it
     */
    record FindingJson(long id, String kind, String object, String field, long count, String message,
            List<Map<String, String>> examples) {
    }

    @GetMapping("/api/v1/projects/{projectId}/findings")
    @Operation(summary = "The data-quality findings of the latest completed extraction",
            description = "Each with kind, object, field, count and examples (record id and value).")
    List<FindingJson> findings(@PathVariable Long projectId) {
        return this.dictionary.findings(projectId)
            .stream()
            .map((f) -> new FindingJson(f.id(), f.kind().name(), f.object(), f.field(), f.count(), f.message(),
                    f.examples()
                        .stream()
                        .map((e) -> Map.of("recordId", (e.recordId() != null) ? e.recordId() : "", "value",
                                (e.value() != null) ? e.value() : ""))
                        .toList()))
            .toList();
    }

}
