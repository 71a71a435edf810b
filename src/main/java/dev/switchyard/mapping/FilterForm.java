package dev.switchyard.mapping;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.scope.RuleForm;
import dev.switchyard.scope.rule.Condition;
import dev.switchyard.scope.rule.Match;
import dev.switchyard.scope.rule.Operator;
import dev.switchyard.system.InvalidInputException;

/**
 * The object mapping settings form: match key and source filter (up to three conditions).
 */
public class FilterForm {

    private Integer version;

    private String matchKey;

    private String match = "ALL";

    private List<RuleForm.Row> conditions = new ArrayList<>();

    static FilterForm of(ObjectMapping mapping, int version) {
        FilterForm form = new FilterForm();
        form.version = version;
        form.matchKey = mapping.matchKey();
        if (mapping.filter() != null) {
            form.match = mapping.filter().match().name();
            for (Condition condition : mapping.filter().conditions()) {
                RuleForm.Row row = new RuleForm.Row();
                row.setField(condition.field());
                row.setOperator(condition.operator().name());
                row.setValue(condition.value());
                form.conditions.add(row);
            }
        }
        while (form.conditions.size() < 3) {
            form.conditions.add(new RuleForm.Row());
        }
        return form;
    }

    SourceFilter toFilter() {
        List<Condition> parsed = new ArrayList<>();
        int number = 0;
        for (RuleForm.Row row : this.conditions) {
            number++;
            boolean hasField = row.getField() != null && !row.getField().isBlank();
            boolean hasOperator = row.getOperator() != null && !row.getOperator().isBlank();
            if (!hasField && !hasOperator) {
                continue;
            }
            if (!hasField || !hasOperator) {
                throw new InvalidInputException("conditions",
                        "Condition " + number + " needs both a field and an operator");
            }
            Operator operator;
            try {
                operator = Operator.valueOf(row.getOperator());
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidInputException("conditions", "Condition " + number + ": unknown operator");
            }
            String value = (row.getValue() != null && !row.getValue().isBlank()) ? row.getValue().trim() : null;
            parsed.add(Condition.of(row.getField().trim(), operator, value));
        }
        if (parsed.isEmpty()) {
            return null;
        }
        return new SourceFilter("ANY".equals(this.match) ? Match.ANY : Match.ALL, parsed);
    }

    public Integer getVersion() {
        return this.version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getMatchKey() {
        return this.matchKey;
    }

    public void setMatchKey(String matchKey) {
        this.matchKey = matchKey;
    }

    public String getMatch() {
        return this.match;
    }

    public void setMatch(String match) {
        this.match = match;
    }

    public List<RuleForm.Row> getConditions() {
        return this.conditions;
    }

    public void setConditions(List<RuleForm.Row> conditions) {
        this.conditions = conditions;
    }

}
