package dev.switchyard.mapping;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Suggestions, validation and preview on a project's saved mapping, for the pages and the
 * API alike. None of them changes the mapping.
 */
@Service
public class MappingWorkbench {

    private final MappingService mappings;

    private final MappingInputs inputs;

    private final MappingSuggester suggester;

    private final MappingValidator validator;

    private final MappingPreview preview;

    private final SchemaCheck schemaCheck;

    MappingWorkbench(MappingService mappings, MappingInputs inputs, MappingSuggester suggester,
            MappingValidator validator, MappingPreview preview, SchemaCheck schemaCheck) {
        this.schemaCheck = schemaCheck;
        this.mappings = mappings;
        this.inputs = inputs;
        this.suggester = suggester;
        this.validator = validator;
        this.preview = preview;
    }

    /**
     * @param projectId the project
     * @return the suggestions and the saved mapping with all of them applied
     */
    public MappingSuggester.Result suggest(Long projectId) {
        return this.suggester.suggest(this.inputs.load(projectId), this.mappings.current(projectId).document());
    }

    /**
     * @param projectId the project
     * @return the saved mapping's errors and warnings; its findings join the snapshot's
     */
    public MappingValidator.Report validate(Long projectId) {
        MappingInputs.Inputs in = this.inputs.load(projectId);
        MappingValidator.Report report = this.validator.validate(in, this.mappings.current(projectId).document());
        this.validator.store(in, report);
        return report;
    }

    /**
     * @param projectId the project
     * @param object the source object, any case
     * @param sourceIds records to show, or empty for a random sample
     * @param random the sample size
     * @return what the saved mapping makes of the records
     */
    public List<MappingPreview.Row> preview(Long projectId, String object, Collection<String> sourceIds, int random) {
        return this.preview.preview(this.inputs.load(projectId), this.mappings.current(projectId).document(), object,
                sourceIds, random);
    }

    /**
     * @param projectId the project
     * @param environment another environment
     * @return how its target differs from the authoring target, where it matters to the
     * saved mapping
     */
    public SchemaCheck.Result schemaCheck(Long projectId, String environment) {
        return this.schemaCheck.check(projectId, this.inputs.load(projectId),
                this.mappings.current(projectId).document(), environment);
    }

}
