package dev.switchyard.support.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SOQL a stub org understands: {@code SELECT COUNT()} or a field list, {@code FROM}
 * one object, {@code WHERE} conditions joined by {@code AND} ({@code =}, {@code !=},
 * {@code <}, {@code <=}, {@code >}, {@code >=}, {@code IN}) on text, number, boolean,
 * null and date-time literals, and {@code LIMIT}. Anything else is a
 * {@code MALFORMED_QUERY}.
 *
 * @param count whether it is {@code SELECT COUNT()}
 * @param fields the selected fields (dotted paths allowed for the Tooling API)
 * @param object the object
 * @param conditions the conditions
 * @param limit the limit, or -1
 */
record StubSoql(boolean count, List<String> fields, String object, List<Condition> conditions, int limit) {

    private static final Pattern QUERY = Pattern.compile(
            "SELECT\\s+(.+?)\\s+FROM\\s+(\\w+)(?:\\s+WHERE\\s+(.+?))?(?:\\s+ORDER BY\\s+\\w+(?:\\s+(?:ASC|DESC))?)?(?:\\s+LIMIT\\s+(\\d+))?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern CONDITION = Pattern.compile("([\\w.]+)\\s*(=|!=|>=|<=|>|<|\\s+IN\\s+)\\s*(.+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[\\d:.]+(Z|[+-]\\d{2}:?\\d{2})");

    static StubSoql parse(String soql) {
        Matcher m = QUERY.matcher(soql.trim());
        if (!m.matches()) {
            throw new StubError(400, "MALFORMED_QUERY", "unexpected token in: " + soql);
        }
        String select = m.group(1).trim();
        boolean count = select.equalsIgnoreCase("COUNT()");
        List<String> fields = count ? List.of() : Arrays.stream(select.split(",")).map(String::trim).toList();
        List<Condition> conditions = new ArrayList<>();
        if (m.group(3) != null) {
            for (String part : m.group(3).split("(?i)\\s+AND\\s+")) {
                Matcher c = CONDITION.matcher(part.trim());
                if (!c.matches()) {
                    throw new StubError(400, "MALFORMED_QUERY", "cannot read the condition " + part);
                }
                String op = c.group(2).trim().toUpperCase(Locale.ROOT);
                conditions.add(new Condition(c.group(1), op,
                        op.equals("IN") ? list(c.group(3).trim()) : List.of(literal(c.group(3).trim()))));
            }
        }
        return new StubSoql(count, fields, m.group(2), conditions,
                (m.group(4) != null) ? Integer.parseInt(m.group(4)) : -1);
    }

    private static List<Object> list(String text) {
        if (!text.startsWith("(") || !text.endsWith(")")) {
            throw new StubError(400, "MALFORMED_QUERY", "IN needs a list: " + text);
        }
        List<Object> values = new ArrayList<>();
        String body = text.substring(1, text.length() - 1);
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && quoted && i + 1 < body.length()) {
                current.append(ch).append(body.charAt(++i));
            }
            else if (ch == '\'') {
                quoted = !quoted;
                current.append(ch);
            }
            else if (ch == ',' && !quoted) {
                values.add(literal(current.toString().trim()));
                current.setLength(0);
            }
            else {
                current.append(ch);
            }
        }
        if (!current.toString().isBlank()) {
            values.add(literal(current.toString().trim()));
        }
        return values;
    }

    private static Object literal(String text) {
        if (text.startsWith("'") && text.endsWith("'") && text.length() >= 2) {
            return text.substring(1, text.length() - 1).replace("\\'", "'").replace("\\\\", "\\");
        }
        if (text.equalsIgnoreCase("null")) {
            return null;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        if (DATE_TIME.matcher(text).matches()) {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }
        try {
            return new BigDecimal(text);
        }
        catch (NumberFormatException ex) {
            throw new StubError(400, "MALFORMED_QUERY", "unexpected token: " + text);
        }
    }

    /**
     * @param record a record (JSON-ready values)
     * @return whether every condition holds
     */
    boolean matches(Map<String, Object> record) {
        for (Condition condition : this.conditions) {
            Object value = record.get(condition.field());
            boolean holds = switch (condition.op()) {
                case "=" -> equal(value, condition.values().get(0));
                case "!=" -> !equal(value, condition.values().get(0));
                case "IN" -> condition.values().stream().anyMatch((v) -> equal(value, v));
                default -> compare(value, condition.values().get(0), condition.op());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(Object value, Object literal) {
        if (value == null || literal == null) {
            return value == literal;
        }
        if (literal instanceof BigDecimal number) {
            return value instanceof Number && new BigDecimal(value.toString()).compareTo(number) == 0;
        }
        if (literal instanceof Instant instant) {
            return StubOrgState.instant(value.toString()).equals(instant);
        }
        return value.toString().equalsIgnoreCase(literal.toString());
    }

    private static boolean compare(Object value, Object literal, String op) {
        if (value == null || literal == null) {
            return false;
        }
        int c;
        if (literal instanceof Instant instant) {
            c = StubOrgState.instant(value.toString()).compareTo(instant);
        }
        else if (literal instanceof BigDecimal number) {
            c = new BigDecimal(value.toString()).compareTo(number);
        }
        else {
            c = value.toString().compareTo(literal.toString());
        }
        return switch (op) {
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            default -> c <= 0;
        };
    }

    /**
     * One condition.
     *
     * @param field the field
     * @param op the operator
     * @param values the literal, or the IN list
     */
    record Condition(String field, String op, List<Object> values) {

    }

}
