package dev.switchyard.connector.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.switchyard.connector.FieldType;

/**
 * Converts the SPI's Java values to what a target column holds, and binds them.
 *
 * <p>
 * A value that fits the column's type is converted losslessly (the text {@code "42"} into
 * an integer column, a {@code LocalDate} into a timestamp column at midnight); one that
 * does not ({@code "4.5"} or {@code "abc"} into an integer column, a date with a time
 * into a date column) is refused with a {@link ValueRejection} naming column and value. A
 * {@code List<String>} (a multi-select) goes into an array column as an array and into a
 * text column joined with {@code ;}. A date-time with an offset goes into a timestamp
 * column without a time zone as UTC, and a local date-time into a zoned column is taken
 * as UTC, the way the JDBC source reads such columns. Lengths, NOT NULL, CHECK and
 * foreign keys are left to the database, whose own message a rejection then gives.
 */
final class TargetValues {

    private static final Set<String> TRUE = Set.of("true", "t", "yes", "y", "1");

    private static final Set<String> FALSE = Set.of("false", "f", "no", "n", "0");

    private static final int SHOWN = 60;

    private final SqlDialect dialect;

    TargetValues(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @param column the target column
     * @param value a value of the SPI's types, or null
     * @return the value to bind
     * @throws ValueRejection when the column cannot hold it
     */
    Object convert(JdbcColumn column, Object value) throws ValueRejection {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list(column, list);
        }
        if (column.isArray()) {
            return (value instanceof String text) ? List.of(text.split(";", -1)) : List.of(text(value));
        }
        if (JdbcTypes.isBinary(column.sqlType())) {
            return binary(column, value);
        }
        FieldType type = column.fieldType();
        if (type == null) {
            return text(value);
        }
        return switch (type) {
            case INTEGER -> integer(column, value);
            case DECIMAL -> decimal(column, value);
            case BOOLEAN -> bool(column, value);
            case DATE -> date(column, value);
            case DATETIME -> JdbcTypes.isZonedTimestamp(column.sqlType(), column.typeName())
                    ? zonedTimestamp(column, value) : timestamp(column, value);
            case ID -> uuid(column, value);
            default -> text(value);
        };
    }

    private Object list(JdbcColumn column, List<?> list) throws ValueRejection {
        List<String> items = list.stream().map((item) -> (item != null) ? text(item) : null).toList();
        if (column.isArray()) {
            return items;
        }
        if (column.fieldType() == FieldType.TEXT || column.fieldType() == null) {
            return items.stream().map((item) -> (item != null) ? item : "").collect(Collectors.joining(";"));
        }
        throw refused(column, list, "a list of values fits only a text or array column");
    }

    private static Object integer(JdbcColumn column, Object value) throws ValueRejection {
        BigDecimal number = number(column, value, "not a whole number");
        BigInteger whole;
        try {
            whole = number.toBigIntegerExact();
        }
        catch (ArithmeticException ex) {
            throw refused(column, value, "not a whole number");
        }
        long[] range = switch (column.sqlType()) {
            case Types.SMALLINT -> new long[] { Short.MIN_VALUE, Short.MAX_VALUE };
            case Types.INTEGER -> new long[] { Integer.MIN_VALUE, Integer.MAX_VALUE };
            default -> new long[] { Long.MIN_VALUE, Long.MAX_VALUE };
        };
        if (whole.bitLength() > 63 || whole.longValue() < range[0] || whole.longValue() > range[1]) {
            throw refused(column, value, "out of the column's range");
        }
        return whole.longValue();
    }

    private static Object decimal(JdbcColumn column, Object value) throws ValueRejection {
        return number(column, value, "not a number");
    }

    private static BigDecimal number(JdbcColumn column, Object value, String problem) throws ValueRejection {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                return BigDecimal.valueOf(number);
            }
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return new BigDecimal(text.strip());
            }
            catch (NumberFormatException ex) {
                // refused below
            }
        }
        throw refused(column, value, problem);
    }

    private static Object bool(JdbcColumn column, Object value) throws ValueRejection {
        if (value instanceof Boolean) {
            return value;
        }
        String text = (value instanceof String s) ? s.strip().toLowerCase(Locale.ROOT)
                : (value instanceof Number n) ? n.toString() : "";
        if (TRUE.contains(text)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(text)) {
            return Boolean.FALSE;
        }
        throw refused(column, value, "not true or false");
    }

    private static Object date(JdbcColumn column, Object value) throws ValueRejection {
        if (value instanceof LocalDate) {
            return value;
        }
        if (value instanceof LocalDateTime dateTime && dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return dateTime.toLocalDate();
        }
        if (value instanceof String text) {
            try {
                return LocalDate.parse(text.strip());
            }
            catch (DateTimeParseException ex) {
                throw refused(column, value, "not a date as yyyy-MM-dd");
            }
        }
        throw refused(column, value, "a date column would lose its time of day");
    }

    private static Object timestamp(JdbcColumn column, Object value) throws ValueRejection {
        if (value instanceof LocalDateTime) {
            return value;
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        TemporalAccessor parsed = (value instanceof String text) ? dateTime(text.strip()) : null;
        if (parsed instanceof OffsetDateTime offset) {
            return offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (parsed != null) {
            return parsed;
        }
        throw refused(column, value, "not a date and time as yyyy-MM-ddTHH:mm:ss");
    }

    private static Object zonedTimestamp(JdbcColumn column, Object value) throws ValueRejection {
        if (value instanceof OffsetDateTime) {
            return value;
        }
        if (value instanceof LocalDateTime local) {
            return local.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        TemporalAccessor parsed = (value instanceof String text) ? dateTime(text.strip()) : null;
        if (parsed instanceof LocalDateTime local) {
            return local.atOffset(ZoneOffset.UTC);
        }
        if (parsed != null) {
            return parsed;
        }
        throw refused(column, value, "not a date and time as yyyy-MM-ddTHH:mm:ss with an offset");
    }

    private static TemporalAccessor dateTime(String text) {
        String iso = (text.length() > 10 && text.charAt(10) == ' ') ? text.substring(0, 10) + "T" + text.substring(11)
                : text;
        try {
            return OffsetDateTime.parse(iso);
        }
        catch (DateTimeParseException ex) {
            try {
                return LocalDateTime.parse(iso);
            }
            catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static Object uuid(JdbcColumn column, Object value) throws ValueRejection {
        if (value instanceof UUID) {
            return value;
        }
        String text = String.valueOf(value).strip();
        try {
            UUID uuid = UUID.fromString(text);
            if (uuid.toString().equalsIgnoreCase(text)) {
                return uuid;
            }
        }
        catch (IllegalArgumentException ex) {
            // refused below
        }
        throw refused(column, value, "not a UUID");
    }

    private static Object binary(JdbcColumn column, Object value) throws ValueRejection {
        if (value instanceof byte[]) {
            return value;
        }
        String text = String.valueOf(value);
        try {
            return text.startsWith("\\x") ? HexFormat.of().parseHex(text.substring(2))
                    : text.getBytes(StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            throw refused(column, value, "not hexadecimal bytes after \\x");
        }
    }

    private static String text(Object value) {
        return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString();
    }

    private static ValueRejection refused(JdbcColumn column, Object value, String problem) {
        String text = String.valueOf(value);
        String shown = (text.length() > SHOWN) ? text.substring(0, SHOWN) + "…" : text;
        return new ValueRejection(column.name(),
                "The value '" + shown + "' cannot go into the column " + column + ": " + problem);
    }

    /**
     * A value a column cannot hold.
     */
    static final class ValueRejection extends Exception {

        private final String column;

        ValueRejection(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }

        String column() {
            return this.column;
        }

    }

}
