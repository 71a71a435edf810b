package dev.switchyard.scope.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.switchyard.connector.FieldType;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.scope.Decision;

/**
 * Turns the record rules of a scope line into SQL over the alias {@code s}, a
 * {@code staged_record} row, with positional parameters. Field names and values are
 * always parameters, never part of the SQL.
 * <p>
 * Values are read with {@code s.payload ->> ?} and typed by the field's dictionary type:
 * numbers through {@code sy_try_numeric}, dates through {@code sy_try_date}, date-times
 * through {@code sy_try_timestamptz}, checkboxes through {@code sy_try_boolean}; any
 * other type is text, compared trimmed and ignoring case. A blank or badly formatted
 * stored value is null, so with SQL's null semantics {@link Operator#NOT_EQUALS},
 * {@link Operator#IN} and the comparisons are false on it: "Amount less than 100" does
 * not match a record without an amount, and "Type does not equal Partner" does not match
 * a record without a type (add "Type is blank" with {@link Match#ANY} for that).
 * {@link Operator#IS_FALSE} counts a blank checkbox as false, as exports write unchecked
 * boxes blank.
 * <p>
 * Values given in a rule must parse for the field's type (dates as {@code yyyy-mm-dd},
 * date-times ISO-8601, UTC when without an offset); otherwise the rule is refused with a
 * {@link RuleException}.
 */
public final class RuleCompiler {

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "on");

    private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "off");

    private static final String VALUE = "s.payload ->> ?";

    private RuleCompiler() {
    }

    /**
     * @param object an object of the dictionary
     * @return the type of each of its fields (TEXT when it has none)
     */
    public static Map<String, FieldType> types(DictionaryObject object) {
        Map<String, FieldType> types = new LinkedHashMap<>();
        for (DictionaryField field : object.fields()) {
            types.put(field.name(), (field.type() != null) ? field.type() : FieldType.TEXT);
        }
        return types;
    }

    /**
     * The decision of each record: {@code case when <rule 1> then 'ARCHIVE' when … else
     * '<default>' end}, the first matching rule deciding.
     * @param defaultDecision the line's decision for records no rule matches
     * @param rules the line's rules, in order
     * @param types the type of each field of the object
     * @return the CASE expression, giving a decision's name, and its parameters
     * @throws RuleException when a rule cannot be compiled
     */
    public static CompiledRule decision(Decision defaultDecision, List<RecordRule> rules,
            Map<String, FieldType> types) {
        if (defaultDecision == null) {
            throw new IllegalArgumentException("The line needs a default decision");
        }
        if (rules == null || rules.isEmpty()) {
            return new CompiledRule("'" + defaultDecision.name() + "'", List.of());
        }
        StringBuilder sql = new StringBuilder("case");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RecordRule rule = rules.get(i);
            CompiledRule when = rule(i + 1, rule, types);
            if (rule.decision() == null) {
                throw new RuleException(i + 1, 0, "choose the decision for the records it matches");
            }
            sql.append(" when ").append(when.sql()).append(" then '").append(rule.decision().name()).append("'");
            params.addAll(when.params());
        }
        sql.append(" else '").append(defaultDecision.name()).append("' end");
        return new CompiledRule(sql.toString(), params);
    }

    /**
     * The records whose decision is the given one, e.g. those the archive writer keeps.
     * @param decision the decision wanted
     * @param defaultDecision the line's decision for records no rule matches
     * @param rules the line's rules, in order
     * @param types the type of each field of the object
     * @return a predicate that is true exactly for those records, and its parameters
     * @throws RuleException when a rule cannot be compiled
     */
    public static CompiledRule recordsDecided(Decision decision, Decision defaultDecision, List<RecordRule> rules,
            Map<String, FieldType> types) {
        CompiledRule expression = decision(defaultDecision, rules, types);
        List<Object> params = new ArrayList<>(expression.params());
        params.add(decision.name());
        return new CompiledRule("(" + expression.sql() + ") = ?", params);
    }

    /**
     * The predicate of one rule: its conditions joined by {@code and} or {@code or}.
     * @param number the rule's number, from 1, for messages
     * @param rule the rule
     * @param types the type of each field of the object
     * @return the predicate (null, not false, when a value is blank) and its parameters
     * @throws RuleException when the rule cannot be compiled
     */
    public static CompiledRule rule(int number, RecordRule rule, Map<String, FieldType> types) {
        if (rule.conditions().isEmpty()) {
            throw new RuleException(number, 0, "add at least one condition");
        }
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < rule.conditions().size(); i++) {
            CompiledRule condition = condition(number, i + 1, rule.conditions().get(i), types);
            parts.add(condition.sql());
            params.addAll(condition.params());
        }
        String joiner = (rule.match() == Match.ANY) ? " or " : " and ";
        return new CompiledRule("(" + String.join(joiner, parts) + ")", params);
    }

    /**
     * The predicate of one condition.
     * @param rule the rule's number, from 1, for messages
     * @param number the condition's number in the rule, from 1, for messages
     * @param condition the condition
     * @param types the type of each field of the object
     * @return the predicate and its parameters
     * @throws RuleException when the condition cannot be compiled
     */
    public static CompiledRule condition(int rule, int number, Condition condition, Map<String, FieldType> types) {
        Operator operator = condition.operator();
        if (operator == null) {
            throw new RuleException(rule, number, "choose an operator");
        }
        if (operator.relation()) {
            if (blank(condition.relatedObject())) {
                throw new RuleException(rule, number, "choose the object whose records relate to this one");
            }
            if (blank(condition.relatedField())) {
                throw new RuleException(rule, number,
                        "choose the field of " + condition.relatedObject() + " that holds this record's id");
            }
            String exists = "exists (select 1 from staged_record r where r.snapshot_id = s.snapshot_id"
                    + " and r.object = ? and r.payload ->> ? = s.source_id and not r.deleted)";
            return new CompiledRule((operator == Operator.HAS_NO_RELATED) ? "not " + exists : exists,
                    List.of(condition.relatedObject(), condition.relatedField()));
        }
        String field = condition.field();
        if (blank(field)) {
            throw new RuleException(rule, number, "choose a field");
        }
        FieldType type = types.get(field);
        if (type == null) {
            throw new RuleException(rule, number, "the field " + field + " is not in the object's dictionary");
        }
        Kind kind = Kind.of(type);
        String value = condition.value();
        if (operator.takesValue() && blank(value)) {
            throw new RuleException(rule, number, "give a value for " + field + " " + operator.label());
        }
        switch (operator) {
            case IS_BLANK:
                return new CompiledRule("coalesce(trim(" + VALUE + "), '') = ''", List.of(field));
            case IS_NOT_BLANK:
                return new CompiledRule("coalesce(trim(" + VALUE + "), '') <> ''", List.of(field));
            case IS_TRUE:
            case IS_FALSE:
                if (kind != Kind.BOOLEAN && kind != Kind.TEXT && type != FieldType.INTEGER) {
                    throw new RuleException(rule, number, "the field " + field + " is " + type.name()
                            + ", not a checkbox: '" + operator.label() + "' needs a BOOLEAN or TEXT field");
                }
                return (operator == Operator.IS_TRUE)
                        ? new CompiledRule("sy_try_boolean(" + VALUE + ") is true", List.of(field))
                        : new CompiledRule(
                                "(sy_try_boolean(" + VALUE + ") is false or coalesce(trim(" + VALUE + "), '') = '')",
                                List.of(field, field));
            case CONTAINS:
                return new CompiledRule("strpos(lower(" + VALUE + "), lower(?)) > 0", List.of(field, value));
            case IN: {
                List<Object> params = new ArrayList<>();
                params.add(field);
                List<String> placeholders = new ArrayList<>();
                for (String item : value.split(";")) {
                    if (!item.isBlank()) {
                        params.add(parse(rule, number, field, type, kind, item));
                        placeholders.add(kind.placeholder);
                    }
                }
                if (placeholders.isEmpty()) {
                    throw new RuleException(rule, number, "give the values for " + field + " separated by ;");
                }
                return new CompiledRule(kind.expression + " in (" + String.join(", ", placeholders) + ")", params);
            }
            case EQUALS:
            case NOT_EQUALS:
                return new CompiledRule(
                        kind.expression + ((operator == Operator.EQUALS) ? " = " : " <> ") + kind.placeholder,
                        List.of(field, parse(rule, number, field, type, kind, value)));
            default:
                if (!kind.ordered) {
                    throw new RuleException(rule, number, "the field " + field + " is " + type.name() + ": '"
                            + operator.label() + "' needs a number, date or date-time field");
                }
                return new CompiledRule(kind.expression + " " + sqlOperator(operator) + " ?",
                        List.of(field, parse(rule, number, field, type, kind, value)));
        }
    }

    private static String sqlOperator(Operator operator) {
        return switch (operator) {
            case LESS_THAN -> "<";
            case LESS_OR_EQUAL -> "<=";
            case GREATER_THAN -> ">";
            case GREATER_OR_EQUAL -> ">=";
            default -> throw new IllegalArgumentException(operator.name());
        };
    }

    private static Object parse(int rule, int number, String field, FieldType type, Kind kind, String text) {
        String value = text.trim();
        try {
            return switch (kind) {
                case NUMBER -> new BigDecimal(value);
                case DATE -> LocalDate.parse(value);
                case DATETIME -> dateTime(value);
                case BOOLEAN -> bool(value);
                case TEXT -> value;
            };
        }
        catch (NumberFormatException | DateTimeParseException ex) {
            throw new RuleException(rule, number,
                    "'" + value + "' is not " + kind.description + " for the " + type.name() + " field " + field);
        }
    }

    private static OffsetDateTime dateTime(String value) {
        try {
            return OffsetDateTime.parse(value);
        }
        catch (DateTimeParseException ex) {
            try {
                return LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
            }
            catch (DateTimeParseException ex2) {
                return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
        }
    }

    private static Boolean bool(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(lower)) {
            return Boolean.FALSE;
        }
        throw new NumberFormatException(value);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * How a dictionary type is read and compared.
     */
    private enum Kind {

        NUMBER("sy_try_numeric(" + VALUE + ")", "?", true, "a number"),

        DATE("sy_try_date(" + VALUE + ")", "?", true, "a date (yyyy-mm-dd)"),

        DATETIME("sy_try_timestamptz(" + VALUE + ")", "?", true, "a date-time (yyyy-mm-ddThh:mm:ss)"),

        BOOLEAN("sy_try_boolean(" + VALUE + ")", "?", false, "true or false"),

        TEXT("nullif(lower(trim(" + VALUE + ")), '')", "lower(?)", false, "text");

        private final String expression;

        private final String placeholder;

        private final boolean ordered;

        private final String description;

        Kind(String expression, String placeholder, boolean ordered, String description) {
            this.expression = expression;
            this.placeholder = placeholder;
            this.ordered = ordered;
            this.description = description;
        }

        static Kind of(FieldType type) {
            return switch (type) {
                case INTEGER, DECIMAL -> NUMBER;
                case DATE -> DATE;
                case DATETIME -> DATETIME;
                case BOOLEAN -> BOOLEAN;
                default -> TEXT;
            };
        }

    }

}
