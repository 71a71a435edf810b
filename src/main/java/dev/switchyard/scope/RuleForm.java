package dev.switchyard.scope;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.scope.rule.Condition;
import dev.switchyard.scope.rule.Match;
import dev.switchyard.scope.rule.Operator;
import dev.switchyard.scope.rule.RecordRule;
import dev.switchyard.system.InvalidInputException;

/**
 * The form that adds a record rule to a scope line: a decision, ALL or ANY, up to three
 * field conditions and one "has / has no related records" condition.
 */
public class RuleForm {

    private String decision = "ARCHIVE";

    private String match = "ALL";

    private List<Row> conditions = new ArrayList<>(List.of(new Row(), new Row(), new Row()));

    private String relationOperator;

    private String relation;

    RecordRule toRule() {
        List<Condition> parsed = new ArrayList<>();
        for (Row row : this.conditions) {
            if (row.getField() != null && !row.getField().isBlank()) {
                if (row.getOperator() == null || row.getOperator().isBlank()) {
                    throw new InvalidInputException("conditions", "Choose an operator for " + row.getField());
                }
                parsed.add(Condition.of(row.getField(), Operator.valueOf(row.getOperator()), blank(row.getValue())));
            }
        }
        if (this.relationOperator != null && !this.relationOperator.isBlank()) {
            if (this.relation == null || !this.relation.contains(".")) {
                throw new InvalidInputException("relation",
                        "Choose the related object and the field that refers to this one");
            }
            String object = this.relation.substring(0, this.relation.indexOf('.'));
            String field = this.relation.substring(this.relation.indexOf('.') + 1);
            parsed.add(Operator.valueOf(this.relationOperator) == Operator.HAS_RELATED
                    ? Condition.hasRelated(object, field) : Condition.hasNoRelated(object, field));
        }
        if (parsed.isEmpty()) {
            throw new InvalidInputException("conditions", "Give the rule at least one condition");
        }
        Decision chosen;
        try {
            chosen = Decision.parse(this.decision);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("decision", ex.getMessage());
        }
        return new RecordRule(chosen, "ANY".equals(this.match) ? Match.ANY : Match.ALL, parsed);
    }

    private static String blank(String value) {
        return (value == null || value.isBlank()) ? null : value.trim();
    }

    public String getDecision() {
        return this.decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public String getMatch() {
        return this.match;
    }

    public void setMatch(String match) {
        this.match = match;
    }

    public List<Row> getConditions() {
        return this.conditions;
    }

    public void setConditions(List<Row> conditions) {
        this.conditions = conditions;
    }

    public String getRelationOperator() {
        return this.relationOperator;
    }

    public void setRelationOperator(String relationOperator) {
        this.relationOperator = relationOperator;
    }

    public String getRelation() {
        return this.relation;
    }

    public void setRelation(String relation) {
        this.relation = relation;
    }

    /**
     * One field condition.
     */
    public static class Row {

        private String field;

        private String operator;

        private String value;

        public String getField() {
            return this.field;
        }

        public void setField(String field) {
            this.field = field;
        }

        public String getOperator() {
            return this.operator;
        }

        public void setOperator(String operator) {
            this.operator = operator;
        }

        public String getValue() {
            return this.value;
        }

        public void setValue(String value) {
            this.value = value;
        }

    }

}
