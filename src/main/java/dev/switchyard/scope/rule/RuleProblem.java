package dev.switchyard.scope.rule;

/**
 * Something wrong with a record rule, shown on its scope line.
 *
 * @param rule the rule's number, from 1 (0 for the line itself)
 * @param condition the condition's number in the rule, from 1 (0 for the rule itself)
 * @param message what is wrong, starting with the rule and condition numbers
 */
public record RuleProblem(int rule, int condition, String message) {

}
