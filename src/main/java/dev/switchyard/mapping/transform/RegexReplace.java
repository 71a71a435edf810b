package dev.switchyard.mapping.transform;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Replaces every match of a regular expression ({@link java.util.regex.Pattern} syntax)
 * with a replacement that may refer to groups ({@code $1}, {@code ${name}}), e.g.
 * {@code [^0-9]} → {@code ""} to keep only the digits of a phone number.
 *
 * <p>
 * The pattern is compiled once, when the record is made (an invalid pattern is an
 * {@link IllegalArgumentException} naming it), and shared by equal records. Because a
 * badly written pattern can backtrack catastrophically, inputs longer than
 * {@value #MAX_INPUT_LENGTH} characters are refused, and a replacement that runs longer
 * than {@value #TIME_LIMIT_MILLIS} ms is stopped; both are a {@link TransformException}
 * for that record only. A replacement referring to a group the pattern does not have is a
 * {@link TransformException} too.
 *
 * <p>
 * Null stays null; non-text values are replaced in their {@code toString()}.
 *
 * <p>
 * JSON: {@code {"type":"regex-replace","pattern":"[^0-9]","replacement":""}}.
 *
 * @param pattern the regular expression
 * @param replacement the replacement; null means {@code ""}
 */
public record RegexReplace(String pattern, String replacement) implements Transform {

    /** The longest input accepted, in chars. */
    public static final int MAX_INPUT_LENGTH = 100_000;

    /** The longest a single replacement may run. */
    public static final long TIME_LIMIT_MILLIS = 1_000;

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    public RegexReplace {
        Objects.requireNonNull(pattern, "pattern");
        replacement = (replacement != null) ? replacement : "";
        compiled(pattern);
    }

    private static Pattern compiled(String pattern) {
        Pattern compiled = COMPILED.get(pattern);
        if (compiled == null) {
            try {
                compiled = Pattern.compile(pattern);
            }
            catch (PatternSyntaxException ex) {
                throw new IllegalArgumentException(
                        "Invalid regular expression '" + pattern + "': " + ex.getDescription(), ex);
            }
            COMPILED.putIfAbsent(pattern, compiled);
        }
        return compiled;
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        if (text.length() > MAX_INPUT_LENGTH) {
            throw new TransformException(context, text.substring(0, 50) + "…", describe(), "text of " + text.length()
                    + " characters is longer than the " + MAX_INPUT_LENGTH + " a regular expression may be run on");
        }
        try {
            CharSequence limited = new Deadline(text, System.nanoTime() + TIME_LIMIT_MILLIS * 1_000_000);
            return compiled(this.pattern).matcher(limited).replaceAll(this.replacement);
        }
        catch (TimeoutException ex) {
            throw new TransformException(context, value, describe(),
                    "regular expression took longer than " + TIME_LIMIT_MILLIS + " ms");
        }
        catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
            throw new TransformException(context, value, describe(), "invalid replacement: " + ex.getMessage());
        }
    }

    @Override
    public String describe() {
        return "replace /" + this.pattern + "/ with '" + this.replacement + "'";
    }

    /** A text that stops the matcher reading it once its time is up. */
    private record Deadline(String text, long deadline) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (System.nanoTime() > this.deadline) {
                throw new TimeoutException();
            }
            return this.text.charAt(index);
        }

        @Override
        public int length() {
            return this.text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(this.text.substring(start, end), this.deadline);
        }

        @Override
        public String toString() {
            return this.text;
        }

    }

    private static final class TimeoutException extends RuntimeException {

        TimeoutException() {
            super(null, null, false, false);
        }

    }

}
