package dev.switchyard.staging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Reads last-modified timestamps for deltas, whatever shape the source gives them: typed
 * values, ISO-8601 with or without zone, Salesforce's {@code +0000} offsets,
 * {@code yyyy-MM-dd HH:mm:ss}, or a bare date. Values without a zone are taken as UTC.
 */
public final class ModifiedTimestamps {

    /** Field names tried, in order, when an object has no modified field chosen. */
    public static final List<String> DEFAULT_FIELDS = List.of("LastModifiedDate", "SystemModstamp", "updated_at",
            "UpdatedAt", "last_modified", "modified_at", "ModifiedOn", "hs_lastmodifieddate");

    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder().parseCaseInsensitive()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .optionalStart()
        .appendLiteral('T')
        .optionalEnd()
        .optionalStart()
        .appendLiteral(' ')
        .optionalEnd()
        .appendValue(ChronoField.HOUR_OF_DAY, 2)
        .appendLiteral(':')
        .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
        .optionalStart()
        .appendLiteral(':')
        .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
        .optionalStart()
        .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
        .optionalEnd()
        .optionalEnd()
        .optionalStart()
        .appendOffset("+HH:MM", "Z")
        .optionalEnd()
        .optionalStart()
        .appendOffset("+HHMM", "Z")
        .optionalEnd()
        .toFormatter(Locale.ROOT);

    private ModifiedTimestamps() {
    }

    /**
     * Parses {@code yyyy-MM-ddTHH:mm:ss[.SSS](Z|+0000|+00:00)} without a formatter, the
     * shape of nearly every CRM timestamp; anything else returns null for the general
     * parser to try.
     */
    static Instant parseFast(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < length && text.charAt(i) == '.') {
            int start = ++i;
            while (i < length && Character.isDigit(text.charAt(i))) {
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(text, start, count);
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == length - 1 && text.charAt(i) == 'Z') {
            offsetSeconds = 0;
        }
        else if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            int sign = (text.charAt(i) == '-') ? -1 : 1;
            int rest = length - i - 1;
            int hours;
            int minutes;
            if (rest == 4) {
                hours = digits(text, i + 1, 2);
                minutes = digits(text, i + 3, 2);
            }
            else if (rest == 5 && text.charAt(i + 3) == ':') {
                hours = digits(text, i + 1, 2);
                minutes = digits(text, i + 4, 2);
            }
            else {
                return null;
            }
            if ((hours | minutes) < 0) {
                return null;
            }
            offsetSeconds = sign * (hours * 3600 + minutes * 60);
        }
        else {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        }
        catch (java.time.DateTimeException ex) {
            return null;
        }
    }

    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * @param value a field value
     * @return the instant, or null when the value is blank or not a timestamp
     */
    public static Instant parse(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        Instant fast = parseFast(text);
        if (fast != null) {
            return fast;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            var parsed = OFFSET.parse(text);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), java.time.LocalTime.of(
                    parsed.get(ChronoField.HOUR_OF_DAY), parsed.get(ChronoField.MINUTE_OF_HOUR),
                    parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0,
                    parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0));
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return local.toInstant(offset);
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

}
