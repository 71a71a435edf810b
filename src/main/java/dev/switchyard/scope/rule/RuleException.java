package dev.switchyard.scope.rule;

/**
 * A record rule that cannot be turned into SQL: a missing or unparseable value, an
 * operator the field's type does not allow, an unknown field.
 */
public class RuleException extends RuntimeException {

    private final int rule;

    private final int condition;

    private final String detail;

    /**
     * @param rule the rule's number, from 1
     * @param condition the condition's number, from 1 (0 for the rule itself)
     * @param detail what is wrong, naming the field and the value
     */
    public RuleException(int rule, int condition, String detail) {
        super(((condition > 0) ? "Rule " + rule + ", condition " + condition : "Rule " + rule) + ": " + detail);
        this.rule = rule;
        this.condition = condition;
        this.detail = detail;
    }

    /**
     * @return the rule's number, from 1
     */
    public int rule() {
        return this.rule;
    }

    /**
     * @return the condition's number, from 1 (0 for the rule itself)
     */
    public int condition() {
        return this.condition;
    }

    /**
     * @return what is wrong, without the numbers
     */
    public String detail() {
        return this.detail;
    }

}
