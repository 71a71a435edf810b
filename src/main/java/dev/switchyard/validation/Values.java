package dev.switchyard.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How validation compares values and what the content checks look for.
 *
 * <p>
 * Values are compared in a canonical text form: numbers by value ({@code 100.50} equals
 * {@code 100.5} and {@code 100}), date-times with offsets by instant, local date-times in
 * ISO form without trailing zero fractions, lists joined with {@code ;}; text exactly,
 * whitespace and case included. A blank text and no value are the same (most targets do
 * not tell them apart), but the text {@code "null"} is not blank.
 */
final class Values {

    /** Texts a careless export or load writes instead of leaving a field empty. */
    private static final List<String> NULL_WORDS = List.of("null", "(null)", "none", "undefined", "nil", "n/a", "#n/a");

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final DateTimeFormatter LOCAL = new java.time.format.DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .appendLiteral('T')
        .appendPattern("HH:mm:ss")
        .optionalStart()
        .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
        .toFormatter(Locale.ROOT);

    private Values() {
    }

    /**
     * @param value a value of a source record, a transform's result or a column read back
     * @return its canonical text, or null for no value and blank text
     */
    static String canonical(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text.isBlank() ? null : text;
        }
        if (value instanceof BigDecimal decimal) {
            return plain(decimal);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? plain(BigDecimal.valueOf(number)) : Double.toString(number);
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof LocalDateTime local) {
            return LOCAL.format(local);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant().toString();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant().toString();
        }
        if (value instanceof Collection<?> list) {
            String joined = list.stream()
                .map((item) -> Objects.toString(canonical(item), ""))
                .collect(Collectors.joining(";"));
            return joined.isEmpty() ? null : joined;
        }
        return value.toString();
    }

    private static String plain(BigDecimal decimal) {
        return (decimal.signum() == 0) ? "0" : decimal.stripTrailingZeros().toPlainString();
    }

    /**
     * @param expected what the transform makes
     * @param actual what the target holds
     * @return whether they are the same value
     */
    static boolean same(Object expected, Object actual) {
        return Objects.equals(canonical(expected), canonical(actual));
    }

    /**
     * @param text a value
     * @return its canonical text for showing and storing with a finding, cut at 2,000
     * characters
     */
    static String shown(Object text) {
        String canonical = canonical(text);
        if (canonical == null) {
            return null;
        }
        return (canonical.length() > 2000) ? canonical.substring(0, 2000) + "…" : canonical;
    }

    /**
     * The content checks, each over the values it applies to.
     */
    enum Check {

        /** A source text with line breaks arrives with the same line breaks. */
        LINE_BREAKS("Line breaks preserved"),

        /** A text arrives whole, not cut short. */
        TRUNCATION("No truncation"),

        /** Text with characters beyond Latin arrives intact. */
        NON_LATIN("Non-Latin text intact"),

        /** A blank source value does not arrive as the word "null" (or "none" …). */
        NULL_STRING("No \"null\" strings"),

        /** A date without a time arrives as the same date (no time-zone shift). */
        DATE_ONLY("Date-only values unchanged");

        private final String label;

        Check(String label) {
            this.label = label;
        }

        public String label() {
            return this.label;
        }

        /**
         * @param raw the source value
         * @param expected what the transform makes of it
         * @param actual what the target holds
         * @return whether this check applies to the value
         */
        boolean applies(Object raw, Object expected, Object actual) {
            String source = (raw != null) ? raw.toString() : null;
            return switch (this) {
                case LINE_BREAKS -> source != null && (source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0)
                        && expected instanceof String;
                case TRUNCATION -> expected instanceof String text && text.length() > 1;
                case NON_LATIN -> source != null && beyondLatin(source) && expected instanceof String;
                case NULL_STRING -> source == null || source.isBlank();
                case DATE_ONLY -> source != null && ISO_DATE.matcher(source.strip()).matches()
                        && (actual instanceof LocalDate || actual instanceof LocalDateTime
                                || actual instanceof OffsetDateTime || expected instanceof LocalDate);
            };
        }

        /**
         * @param raw the source value
         * @param expected what the transform makes of it
         * @param actual what the target holds
         * @return whether the value fails the check (only asked when it applies)
         */
        boolean fails(Object raw, Object expected, Object actual) {
            String text = (actual != null) ? actual.toString() : null;
            return switch (this) {
                case LINE_BREAKS -> breaks(expected.toString()) != breaks(text);
                case TRUNCATION -> {
                    String whole = expected.toString();
                    yield text != null && !text.isEmpty() && text.length() < whole.length() && whole.startsWith(text);
                }
                case NON_LATIN -> text == null || text.indexOf('\uFFFD') >= 0
                        || !text.equals(expected.toString()) && !expected.toString().startsWith(text);
                case NULL_STRING -> text != null && NULL_WORDS.contains(text.strip().toLowerCase(Locale.ROOT))
                        && !NULL_WORDS.contains(Objects.toString(expected, "").strip().toLowerCase(Locale.ROOT));
                case DATE_ONLY -> !raw.toString().strip().equals(dateOf(actual));
            };
        }

        private static int breaks(String text) {
            if (text == null) {
                return 0;
            }
            String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
            int count = 0;
            for (int i = 0; i < normalised.length(); i++) {
                if (normalised.charAt(i) == '\n') {
                    count++;
                }
            }
            return count;
        }

        private static String dateOf(Object value) {
            if (value instanceof LocalDate date) {
                return date.toString();
            }
            if (value instanceof LocalDateTime local) {
                return local.toLocalDate().toString();
            }
            if (value instanceof OffsetDateTime offset) {
                return offset.toLocalDate().toString();
            }
            String text = canonical(value);
            return (text != null && text.length() >= 10) ? text.substring(0, 10) : text;
        }

    }

    /**
     * @param text a text
     * @return whether it has letters beyond the Latin scripts (Cyrillic, Greek, CJK,
     * Arabic …)
     */
    static boolean beyondLatin(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x024F && Character.isLetter(c) || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

}
