package dev.switchyard.connector.hubspot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.stream.Collectors;

import dev.switchyard.connector.FieldType;

/**
 * Converts between HubSpot's property values, which travel as text, and plain Java
 * values: numbers, booleans, dates ({@code 2024-01-31} or midnight epoch milliseconds)
 * and date-times (ISO-8601 or epoch milliseconds, always UTC); multi-select values are
 * separated by {@code ;}.
 */
final class HubSpotValues {

    private HubSpotValues() {
    }

    /**
     * @param type the property's dictionary type, or null
     * @param text HubSpot's value, or null
     * @return the Java value: a {@code BigDecimal}, {@code Boolean}, {@code LocalDate},
     * {@code OffsetDateTime} or the text itself when it does not read as its type
     */
    static Object read(FieldType type, String text) {
        if (text == null || text.isEmpty() || type == null) {
            return (text == null || text.isEmpty()) ? null : text;
        }
        try {
            return switch (type) {
                case DECIMAL, INTEGER -> new BigDecimal(text.trim());
                case BOOLEAN -> bool(text);
                case DATE -> date(text);
                case DATETIME -> dateTime(text);
                default -> text;
            };
        }
        catch (NumberFormatException | DateTimeParseException ex) {
            return text;
        }
    }

    /**
     * @param value a Java value
     * @return the text HubSpot takes for it; an empty text clears the property
     */
    static String write(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant().toString();
        }
        if (value instanceof LocalDateTime time) {
            return time.toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        return value.toString();
    }

    /**
     * @param text a HubSpot date-time: ISO-8601, epoch milliseconds, or a date (midnight
     * UTC)
     * @return the instant
     * @throws DateTimeParseException or NumberFormatException when it is neither
     */
    static Instant instant(String text) {
        String trimmed = text.trim();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(trimmed));
        }
        if (trimmed.length() == 10) {
            return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(trimmed).toInstant();
    }

    private static Object bool(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        return text;
    }

    private static LocalDate date(String text) {
        String trimmed = text.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(trimmed)).atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return (trimmed.length() > 10) ? OffsetDateTime.parse(trimmed).toLocalDate() : LocalDate.parse(trimmed);
    }

    private static OffsetDateTime dateTime(String text) {
        return instant(text).atOffset(ZoneOffset.UTC);
    }

}
