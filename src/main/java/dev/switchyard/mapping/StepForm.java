package dev.switchyard.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One transform step as a form edits it: its type and its parameters as text.
 */
public class StepForm {

    private String type;

    private Map<String, String> params = new LinkedHashMap<>();

    public StepForm() {
    }

    public StepForm(String type, Map<String, String> params) {
        this.type = type;
        this.params = new LinkedHashMap<>(params);
    }

    public String getType() {
        return this.type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Map<String, String> getParams() {
        return this.params;
    }

    public void setParams(Map<String, String> params) {
        this.params = params;
    }

}
