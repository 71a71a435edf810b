package dev.switchyard.connector.salesforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Converts values between Salesforce's wire forms (JSON of REST answers, text of Bulk
 * CSV) and the plain Java values of records: {@code Long} for int and long fields,
 * {@code BigDecimal} for double, currency and percent, {@code Boolean},
 * {@code LocalDate}, {@code OffsetDateTime} in UTC, and {@code String} for everything
 * else (a multi-select stays {@code a;b}). Text that does not parse is kept as text.
 */
final class SalesforceValues {

    /** What Bulk API 2.0 reads as "set this field to null". */
    static final String CSV_NULL = "#N/A";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]XX");

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX");

    private SalesforceValues() {
    }

    /**
     * @param field the field
     * @param node its value in a REST answer
     * @return the Java value, or null
     */
    static Object fromJson(SalesforceField field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isObject() || node.isArray()) {
            return node.toString();
        }
        return fromText(field, node.asString());
    }

    /**
     * @param field the field
     * @param text its value as text (Bulk CSV: empty means null)
     * @return the Java value, or null
     */
    static Object fromText(SalesforceField field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return switch (field.type()) {
                case INTEGER -> new BigDecimal(text).longValueExact();
                case DECIMAL -> new BigDecimal(text);
                case BOOLEAN -> Boolean.parseBoolean(text);
                case DATE -> LocalDate.parse(text);
                case DATETIME -> OffsetDateTime.parse(text, DATE_TIME).withOffsetSameInstant(ZoneOffset.UTC);
                default -> text;
            };
        }
        catch (ArithmeticException | NumberFormatException | DateTimeParseException ex) {
            return text;
        }
    }

    /**
     * @param value a record's value
     * @return its wire form in JSON: text, number, boolean or null
     */
    static Object toJson(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        return toText(value);
    }

    /**
     * @param value a record's value
     * @return its wire form in Bulk CSV ({@value #CSV_NULL} for null)
     */
    static String toCsv(Object value) {
        return (value == null) ? CSV_NULL : toText(value);
    }

    /**
     * @param field the target field
     * @param value a value as a run would write it
     * @return the value as reading the field back gives it
     */
    static Object asStored(SalesforceField field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        return fromText(field, toText(value));
    }

    private static String toText(Object value) {
        if (value instanceof OffsetDateTime time) {
            return WIRE.format(time.withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof LocalDateTime time) {
            return WIRE.format(time.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        return String.valueOf(value);
    }

}
