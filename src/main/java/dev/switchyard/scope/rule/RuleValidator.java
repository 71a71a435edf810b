package dev.switchyard.scope.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;

/**
 * Checks the record rules of a scope line against a snapshot's dictionary, so that a rule
 * on a field or object that disappeared in a new snapshot is flagged on its line rather
 * than silently dropped. Names match case-sensitively, as the payload's keys do; a name
 * that matches only ignoring case is suggested in the message.
 */
public final class RuleValidator {

    private RuleValidator() {
    }

    /**
     * @param object the line's object
     * @param rules its rules, in order
     * @param dictionary the snapshot's dictionary
     * @return what is wrong, in rule and condition order; empty when every rule compiles
     */
    public static List<RuleProblem> validate(String object, List<RecordRule> rules, List<DictionaryObject> dictionary) {
        List<RuleProblem> problems = new ArrayList<>();
        Optional<DictionaryObject> own = find(dictionary, object);
        if (own.isEmpty()) {
            problems.add(new RuleProblem(0, 0, "The object " + object + " no longer exists in the snapshot"
                    + suggestion(similarObject(dictionary, object))));
            return problems;
        }
        for (int r = 0; r < rules.size(); r++) {
            int number = r + 1;
            RecordRule rule = rules.get(r);
            if (rule.decision() == null) {
                problems.add(problem(new RuleException(number, 0, "choose the decision for the records it matches")));
            }
            if (rule.conditions().isEmpty()) {
                problems.add(problem(new RuleException(number, 0, "add at least one condition")));
            }
            for (int c = 0; c < rule.conditions().size(); c++) {
                String missing = missing(own.get(), rule.conditions().get(c), dictionary);
                if (missing != null) {
                    problems.add(problem(new RuleException(number, c + 1, missing)));
                    continue;
                }
                try {
                    RuleCompiler.condition(number, c + 1, rule.conditions().get(c), RuleCompiler.types(own.get()));
                }
                catch (RuleException ex) {
                    problems.add(problem(ex));
                }
            }
        }
        return problems;
    }

    private static String missing(DictionaryObject object, Condition condition, List<DictionaryObject> dictionary) {
        if (condition.operator() != null && condition.operator().relation()) {
            if (condition.relatedObject() == null || condition.relatedObject().isBlank()) {
                return null;
            }
            Optional<DictionaryObject> related = find(dictionary, condition.relatedObject());
            if (related.isEmpty()) {
                return "the object " + condition.relatedObject() + " no longer exists in the snapshot"
                        + suggestion(similarObject(dictionary, condition.relatedObject()));
            }
            if (condition.relatedField() != null && !condition.relatedField().isBlank()
                    && field(related.get(), condition.relatedField()).isEmpty()) {
                return "the field " + condition.relatedField() + " no longer exists in " + related.get().name()
                        + suggestion(similarField(related.get(), condition.relatedField()));
            }
            return null;
        }
        if (condition.field() != null && !condition.field().isBlank() && field(object, condition.field()).isEmpty()) {
            return "the field " + condition.field() + " no longer exists in " + object.name()
                    + suggestion(similarField(object, condition.field()));
        }
        return null;
    }

    private static RuleProblem problem(RuleException ex) {
        return new RuleProblem(ex.rule(), ex.condition(), ex.getMessage());
    }

    private static Optional<DictionaryObject> find(List<DictionaryObject> dictionary, String name) {
        return dictionary.stream().filter((o) -> o.name().equals(name)).findFirst();
    }

    private static Optional<DictionaryField> field(DictionaryObject object, String name) {
        return object.fields().stream().filter((f) -> f.name().equals(name)).findFirst();
    }

    private static String similarObject(List<DictionaryObject> dictionary, String name) {
        return dictionary.stream()
            .map(DictionaryObject::name)
            .filter((n) -> n.equalsIgnoreCase(name))
            .findFirst()
            .orElse(null);
    }

    private static String similarField(DictionaryObject object, String name) {
        return object.fields()
            .stream()
            .map(DictionaryField::name)
            .filter((n) -> n.equalsIgnoreCase(name))
            .findFirst()
            .orElse(null);
    }

    private static String suggestion(String similar) {
        return (similar != null) ? " (did you mean " + similar + "?)" : "";
    }

}
