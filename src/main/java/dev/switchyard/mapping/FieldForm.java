package dev.switchyard.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * The field mapping form: the target field, the source field the chain starts from,
 * further source fields, the steps and a note; with the mapping version it was read at.
 */
public class FieldForm {

    private Integer version;

    private String field;

    private String originalField;

    private String input;

    private String extraSources;

    private String note;

    private List<StepForm> steps = new ArrayList<>();

    public Integer getVersion() {
        return this.version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getField() {
        return this.field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String getOriginalField() {
        return this.originalField;
    }

    public void setOriginalField(String originalField) {
        this.originalField = originalField;
    }

    public String getInput() {
        return this.input;
    }

    public void setInput(String input) {
        this.input = input;
    }

    public String getExtraSources() {
        return this.extraSources;
    }

    public void setExtraSources(String extraSources) {
        this.extraSources = extraSources;
    }

    public String getNote() {
        return this.note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<StepForm> getSteps() {
        return this.steps;
    }

    public void setSteps(List<StepForm> steps) {
        this.steps = steps;
    }

}
