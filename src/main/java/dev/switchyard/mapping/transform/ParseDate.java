package dev.switchyard.mapping.transform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text to a date or a date-time, trying the given formats in order; the first one that
 * parses wins, so an ambiguous {@code 03/04/2020} is the 4th of March with
 * {@code ["MM/dd/yyyy", "dd/MM/yyyy"]} and the 3rd of April the other way round.
 *
 * <p>
 * Formats are {@link DateTimeFormatter} patterns ({@code yyyy-MM-dd}, {@code MM/dd/yyyy},
 * {@code dd.MM.yyyy}, {@code yyyy-MM-dd'T'HH:mm:ss.SSSZ} for Salesforce's {@code +0000}
 * timestamps, …) or one of the names {@code ISO_LOCAL_DATE}, {@code ISO_LOCAL_DATE_TIME},
 * {@code ISO_OFFSET_DATE_TIME}. Resolving is strict ({@code yyyy} is read as
 * {@code uuuu}), so {@code 02/30/2020} fails instead of becoming the 1st of March.
 *
 * <p>
 * With {@code dateOnly} the result is a {@link LocalDate} that never goes through a time
 * zone and so never shifts a day; a timestamp in a date field keeps the date as written
 * (the time and offset are dropped). Otherwise the result is an {@link OffsetDateTime} in
 * UTC; a value without an offset is read in {@code zone} (a date alone at its start of
 * day). A blank value is null; text no format matches is a {@link TransformException}
 * naming the formats tried.
 *
 * <p>
 * Formatters are made once per format; patterns of fixed-width numbers (all of the above)
 * are read by an exact fast path ({@link FixedDateFormat}), and a text that does not
 * match a format is passed over without an exception.
 *
 * @param formats the formats to try in order (null or empty: {@link #DEFAULT_FORMATS})
 * @param dateOnly whether the result is a date without time
 * @param zone the time zone of values without an offset (null: UTC)
 * @param twoDigitYearPivot for formats with a two-digit year ({@code yy}, as in the
 * {@code MM/dd/yy hh:mm a} of report exports): the first year they are read as (1950:
 * {@code 49} is 2049, {@code 50} is 1950); null reads them as 2000–2099
 * @throws IllegalArgumentException if a format is not a valid pattern
 * @throws java.time.DateTimeException if the zone is unknown
 */
public record ParseDate(List<String> formats, boolean dateOnly, String zone,
        Integer twoDigitYearPivot) implements Transform {

    /** The formats tried when none are given: ISO and Salesforce export formats. */
    public static final List<String> DEFAULT_FORMATS = List.of("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "ISO_OFFSET_DATE_TIME",
            "ISO_LOCAL_DATE_TIME", "yyyy-MM-dd");

    /**
     * Formatters and fast readers by format, made once (see {@link MemoCache}; formats
     * are few, so they stay).
     */
    private static final MemoCache<Compiled> COMPILED = new MemoCache<>(256);

    /** Time zones by name. */
    private static final MemoCache<ZoneId> ZONES = new MemoCache<>(64);

    public ParseDate {
        formats = (formats == null || formats.isEmpty()) ? DEFAULT_FORMATS : List.copyOf(formats);
        for (String format : formats) {
            compiled(format, twoDigitYearPivot);
        }
        if (zone != null && !zone.isBlank()) {
            ZoneId.of(zone);
        }
    }

    /**
     * Reads two-digit years, if any format has them, as 2000–2099.
     */
    public ParseDate(List<String> formats, boolean dateOnly, String zone) {
        this(formats, dateOnly, zone, null);
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        if (value instanceof LocalDate date) {
            return this.dateOnly ? date
                    : date.atStartOfDay(zoneId()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return this.dateOnly ? dateTime.toLocalDate() : dateTime.withOffsetSameInstant(ZoneOffset.UTC);
        }
        String text = (value != null) ? value.toString().strip() : "";
        if (text.isEmpty()) {
            return null;
        }
        for (String format : this.formats) {
            Compiled compiled = compiled(format, this.twoDigitYearPivot);
            if (compiled.fixed() != null) {
                int[] fields = compiled.fixed().read(text);
                if (fields == FixedDateFormat.INVALID) {
                    // a day that does not exist: strict resolving refuses it too
                    continue;
                }
                if (fields != null) {
                    return fromFields(fields);
                }
            }
            if (!matches(compiled.formatter(), text)) {
                continue;
            }
            try {
                TemporalAccessor parsed = compiled.formatter().parse(text);
                return this.dateOnly ? LocalDate.from(parsed) : toUtc(parsed);
            }
            catch (DateTimeException ex) {
                // a format without a whole date, or a date that does not exist: try the
                // next
            }
        }
        throw new TransformException(context, value, describe(),
                "'" + text + "' matches none of the formats " + this.formats);
    }

    /**
     * Whether the formatter's {@code parse} gets past reading the text, found without the
     * cost of its exception when it does not.
     */
    private static boolean matches(DateTimeFormatter formatter, String text) {
        ParsePosition position = new ParsePosition(0);
        try {
            return formatter.parseUnresolved(text, position) != null && position.getIndex() == text.length();
        }
        catch (RuntimeException ex) {
            // parse throws it too, as a DateTimeParseException (e.g. an offset of 25
            // hours)
            return false;
        }
    }

    private Object fromFields(int[] fields) {
        LocalDate date = LocalDate.of(fields[FixedDateFormat.YEAR], fields[FixedDateFormat.MONTH],
                fields[FixedDateFormat.DAY]);
        if (this.dateOnly) {
            return date;
        }
        LocalTime time = (fields[FixedDateFormat.HOUR] >= 0) ? LocalTime.of(fields[FixedDateFormat.HOUR],
                fields[FixedDateFormat.MINUTE], fields[FixedDateFormat.SECOND], fields[FixedDateFormat.NANO]) : null;
        if (fields[FixedDateFormat.OFFSET_SECONDS] != Integer.MIN_VALUE) {
            return OffsetDateTime.of(date, time, ZoneOffset.ofTotalSeconds(fields[FixedDateFormat.OFFSET_SECONDS]))
                .withOffsetSameInstant(ZoneOffset.UTC);
        }
        LocalDateTime local = (time != null) ? LocalDateTime.of(date, time) : date.atStartOfDay();
        return local.atZone(zoneId()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private OffsetDateTime toUtc(TemporalAccessor parsed) {
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(parsed).withOffsetSameInstant(ZoneOffset.UTC);
        }
        LocalDateTime local = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalDateTime.from(parsed)
                : LocalDate.from(parsed).atStartOfDay();
        return local.atZone(zoneId()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private ZoneId zoneId() {
        if (this.zone == null || this.zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        ZoneId cached = ZONES.get(this.zone, null);
        return (cached != null) ? cached : ZONES.put(this.zone, null, ZoneId.of(this.zone));
    }

    private static Compiled compiled(String format, Integer pivot) {
        String key = (pivot != null) ? pivot + "|" + format : format;
        Compiled cached = COMPILED.get(key, null);
        if (cached != null) {
            return cached;
        }
        DateTimeFormatter formatter = formatter(format, pivot);
        // the ISO_ names are not patterns (no pattern starts with "I")
        FixedDateFormat fixed = format.startsWith("ISO_") ? null : FixedDateFormat.of(strictYears(format));
        return COMPILED.put(key, null, new Compiled(formatter, fixed));
    }

    static DateTimeFormatter formatter(String format) {
        return formatter(format, null);
    }

    /**
     * @param format a pattern or an ISO_ name
     * @param pivot the first year of two-digit years ({@code yy}), or null for 2000–2099
     * @return the strict formatter
     */
    static DateTimeFormatter formatter(String format, Integer pivot) {
        DateTimeFormatter iso = switch (format) {
            case "ISO_LOCAL_DATE" -> DateTimeFormatter.ISO_LOCAL_DATE;
            case "ISO_LOCAL_DATE_TIME" -> DateTimeFormatter.ISO_LOCAL_DATE_TIME;
            case "ISO_OFFSET_DATE_TIME" -> DateTimeFormatter.ISO_OFFSET_DATE_TIME;
            default -> null;
        };
        if (iso != null) {
            return iso.withResolverStyle(ResolverStyle.STRICT);
        }
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
        String pattern = strictYears(format);
        if (pivot == null) {
            builder.appendPattern(pattern);
        }
        else {
            appendWithPivot(builder, pattern, LocalDate.of(pivot, 1, 1));
        }
        return builder.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * Appends a pattern whose two-letter years ({@code uu} outside quotes) are read in
     * the hundred years from the base date.
     */
    private static void appendWithPivot(DateTimeFormatterBuilder builder, String pattern, LocalDate base) {
        StringBuilder piece = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            int run = 1;
            if (!quoted && c == 'u') {
                while (i + run < pattern.length() && pattern.charAt(i + run) == 'u') {
                    run++;
                }
            }
            if (!quoted && c == 'u' && run == 2) {
                if (piece.length() > 0) {
                    builder.appendPattern(piece.toString());
                    piece.setLength(0);
                }
                builder.appendValueReduced(ChronoField.YEAR, 2, 2, base);
            }
            else {
                piece.append(pattern, i, i + run);
            }
            i += run;
        }
        if (piece.length() > 0) {
            builder.appendPattern(piece.toString());
        }
    }

    /**
     * Under strict resolving {@code yyyy} (year of era) needs an era; {@code uuuu} does
     * not, so year letters outside quotes become {@code u}.
     */
    private static String strictYears(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append((!quoted && c == 'y') ? 'u' : c);
        }
        return out.toString();
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("formats " + String.join(", ", this.formats));
        if (!this.dateOnly) {
            parts.add("zone " + zoneId());
        }
        if (this.twoDigitYearPivot != null) {
            parts.add("two-digit years as " + this.twoDigitYearPivot + "–" + (this.twoDigitYearPivot + 99));
        }
        return (this.dateOnly ? "date" : "date-time in UTC") + " (" + String.join("; ", parts) + ")";
    }

    /**
     * A format made ready: its formatter and, for simple patterns, its fast reader.
     *
     * @param formatter the strict formatter
     * @param fixed the fast reader, or null
     */
    private record Compiled(DateTimeFormatter formatter, FixedDateFormat fixed) {

    }

}
