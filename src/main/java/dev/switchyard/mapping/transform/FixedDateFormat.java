package dev.switchyard.mapping.transform;

import java.io.ByteArrayOutputStream;
import java.time.Year;

/**
 * {@link ParseDate}'s fast path for the date patterns exports use most: patterns of
 * fixed-width numbers ({@code uuuu}/{@code yyyy}, {@code MM}, {@code dd}, {@code HH},
 * {@code mm}, {@code ss}, {@code S…}) between literals, with an optional {@code Z}
 * offset, such as {@code yyyy-MM-dd'T'HH:mm:ss.SSSZ}, {@code MM/dd/yyyy} or
 * {@code yyyy-MM-dd}. It reads a text by position instead of through a
 * {@link java.time.format.DateTimeFormatter}, and answers only when the answer is
 * certainly the formatter's (strict resolving, as {@link ParseDate} uses):
 * <ul>
 * <li>{@link #read(String)} gives the fields when the text has exactly the pattern's
 * shape (digits where the numbers are, the literals as written) and every value is in
 * range;</li>
 * <li>{@link #INVALID} when it has the shape and an ordinary time, but the date does not
 * exist ({@code 25/12/2020} read as {@code MM/dd/yyyy}, {@code 02/30/2020}): strict
 * resolving refuses it too, and the next format is tried without the cost of an
 * exception;</li>
 * <li>null for anything else (another shape, a literal in another case, a signed or
 * longer year, an hour of 24, an offset of 18 hours or more …), which the formatter then
 * decides.</li>
 * </ul>
 * {@code FixedDateFormatTests} compares it with the formatters on random and mutated
 * texts. Instances are immutable and may be shared by threads.
 */
final class FixedDateFormat {

    /** The text has the pattern's shape but names a day that does not exist. */
    static final int[] INVALID = new int[0];

    /** Indexes into the fields {@link #read(String)} returns. */
    static final int YEAR = 0;

    static final int MONTH = 1;

    static final int DAY = 2;

    static final int HOUR = 3;

    static final int MINUTE = 4;

    static final int SECOND = 5;

    static final int NANO = 6;

    static final int OFFSET_SECONDS = 7;

    private static final int FIELDS = 8;

    /** What is at each position of a matching text (digits as {@code 0}). */
    private final char[] shape;

    /**
     * For each position: the field its digit belongs to, {@link #LITERAL} or
     * {@link #OFFSET} (the offset's sign and digits).
     */
    private final byte[] fieldAt;

    private static final byte LITERAL = -1;

    private static final byte OFFSET = -2;

    /** The position of the offset's sign, or -1. */
    private final int offsetAt;

    private final boolean hasTime;

    private final boolean hasSeconds;

    private final int fractionDigits;

    private FixedDateFormat(char[] shape, byte[] fieldAt, int offsetAt, boolean hasTime, boolean hasSeconds,
            int fractionDigits) {
        this.shape = shape;
        this.fieldAt = fieldAt;
        this.offsetAt = offsetAt;
        this.hasTime = hasTime;
        this.hasSeconds = hasSeconds;
        this.fractionDigits = fractionDigits;
    }

    boolean hasTime() {
        return this.hasTime;
    }

    boolean hasOffset() {
        return this.offsetAt >= 0;
    }

    /**
     * @param pattern a {@code DateTimeFormatter} pattern, years already as {@code u}
     * @return its fast reader, or null when the pattern is not one of the simple kind
     */
    static FixedDateFormat of(String pattern) {
        StringBuilder shape = new StringBuilder();
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        int offsetAt = -1;
        boolean[] seen = new boolean[FIELDS];
        int fractionDigits = 0;
        boolean lastWasNumber = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                if (end <= i + 1) {
                    // an escaped quote or an unterminated literal
                    return null;
                }
                for (int k = i + 1; k < end; k++) {
                    if (!literal(pattern.charAt(k), shape, fields)) {
                        return null;
                    }
                }
                lastWasNumber = false;
                i = end + 1;
                continue;
            }
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                int count = 1;
                while (i + count < pattern.length() && pattern.charAt(i + count) == c) {
                    count++;
                }
                i += count;
                if (c == 'Z' && count <= 3) {
                    if (offsetAt >= 0) {
                        return null;
                    }
                    offsetAt = shape.length();
                    shape.append("+0000");
                    for (int k = 0; k < 5; k++) {
                        fields.write(OFFSET);
                    }
                    lastWasNumber = false;
                    continue;
                }
                int field = switch (c) {
                    case 'u' -> (count == 4) ? YEAR : -1;
                    case 'M' -> (count == 2) ? MONTH : -1;
                    case 'd' -> (count == 2) ? DAY : -1;
                    case 'H' -> (count == 2) ? HOUR : -1;
                    case 'm' -> (count == 2) ? MINUTE : -1;
                    case 's' -> (count == 2) ? SECOND : -1;
                    case 'S' -> (count <= 9) ? NANO : -1;
                    default -> -1;
                };
                if (field < 0 || seen[field] || lastWasNumber) {
                    return null;
                }
                seen[field] = true;
                if (field == NANO) {
                    fractionDigits = count;
                }
                for (int k = 0; k < count; k++) {
                    shape.append('0');
                    fields.write(field);
                }
                lastWasNumber = true;
                continue;
            }
            if ("[]{}#".indexOf(c) >= 0 || !literal(c, shape, fields)) {
                return null;
            }
            lastWasNumber = false;
            i++;
        }
        boolean date = seen[YEAR] && seen[MONTH] && seen[DAY];
        boolean time = seen[HOUR] && seen[MINUTE];
        boolean anyTime = seen[HOUR] || seen[MINUTE] || seen[SECOND] || seen[NANO];
        if (!date || (anyTime && !time) || (seen[NANO] && !seen[SECOND]) || (offsetAt >= 0 && !time)) {
            return null;
        }
        return new FixedDateFormat(shape.toString().toCharArray(), fields.toByteArray(), offsetAt, time, seen[SECOND],
                fractionDigits);
    }

    /**
     * A literal character; digits and signs are left to the formatter, as they could be
     * read as part of a number.
     */
    private static boolean literal(char c, StringBuilder shape, ByteArrayOutputStream fields) {
        if ((c >= '0' && c <= '9') || c == '+') {
            return false;
        }
        shape.append(c);
        fields.write(LITERAL);
        return true;
    }

    /**
     * @param text the text, stripped
     * @return the fields (see the index constants; {@code HOUR} is -1 without a time,
     * {@code OFFSET_SECONDS} {@link Integer#MIN_VALUE} without an offset),
     * {@link #INVALID}, or null when the formatter has to decide
     */
    int[] read(String text) {
        char[] shape = this.shape;
        if (text.length() != shape.length) {
            return null;
        }
        int[] values = new int[FIELDS];
        for (int i = 0; i < shape.length; i++) {
            char c = text.charAt(i);
            byte field = this.fieldAt[i];
            if (field >= 0) {
                if (c < '0' || c > '9') {
                    return null;
                }
                values[field] = values[field] * 10 + (c - '0');
            }
            else if (field == OFFSET) {
                boolean ok = (i == this.offsetAt) ? (c == '+' || c == '-') : (c >= '0' && c <= '9');
                if (!ok) {
                    return null;
                }
            }
            else if (c != shape[i]) {
                return null;
            }
        }
        if (this.hasTime) {
            if (values[HOUR] > 23 || values[MINUTE] > 59 || values[SECOND] > 59) {
                return null;
            }
            for (int k = this.fractionDigits; k < 9; k++) {
                values[NANO] *= 10;
            }
        }
        else {
            values[HOUR] = -1;
        }
        values[OFFSET_SECONDS] = Integer.MIN_VALUE;
        if (this.offsetAt >= 0) {
            int hours = digit(text, this.offsetAt + 1) * 10 + digit(text, this.offsetAt + 2);
            int minutes = digit(text, this.offsetAt + 3) * 10 + digit(text, this.offsetAt + 4);
            if (hours > 17 || minutes > 59) {
                return null;
            }
            int seconds = hours * 3600 + minutes * 60;
            values[OFFSET_SECONDS] = (text.charAt(this.offsetAt) == '-') ? -seconds : seconds;
        }
        int month = values[MONTH];
        int day = values[DAY];
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(values[YEAR], month)) {
            return INVALID;
        }
        return values;
    }

    private static int digit(String text, int index) {
        return text.charAt(index) - '0';
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

}
