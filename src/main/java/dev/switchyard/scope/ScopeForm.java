package dev.switchyard.scope;

import java.util.ArrayList;
import java.util.List;

/**
 * The scope page's form: each line's decision and rationale, and the version read.
 */
public class ScopeForm {

    private Integer version;

    private Long rowVersion;

    private List<Line> lines = new ArrayList<>();

    static ScopeForm of(ScopeVersion scope) {
        ScopeForm form = new ScopeForm();
        form.version = scope.getVersion();
        form.rowVersion = scope.getRowVersion();
        for (ScopeLine line : scope.getLines()) {
            Line entry = new Line();
            entry.setObject(line.getObject());
            entry.setField(line.getField());
            entry.setDecision(line.getDecision().name());
            entry.setRationale(line.getRationale());
            form.lines.add(entry);
        }
        return form;
    }

    public Integer getVersion() {
        return this.version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public Long getRowVersion() {
        return this.rowVersion;
    }

    public void setRowVersion(Long rowVersion) {
        this.rowVersion = rowVersion;
    }

    public List<Line> getLines() {
        return this.lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    /**
     * One line of the form.
     */
    public static class Line {

        private String object;

        private String field;

        private String decision;

        private String rationale;

        public String getObject() {
            return this.object;
        }

        public void setObject(String object) {
            this.object = object;
        }

        public String getField() {
            return this.field;
        }

        public void setField(String field) {
            this.field = field;
        }

        public String getDecision() {
            return this.decision;
        }

        public void setDecision(String decision) {
            this.decision = decision;
        }

        public String getRationale() {
            return this.rationale;
        }

        public void setRationale(String rationale) {
            this.rationale = rationale;
        }

    }

}
