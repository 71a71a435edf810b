package dev.switchyard.mapping.transform;

import java.util.regex.Pattern;

/**
 * Removes leading and trailing whitespace (Unicode whitespace, as
 * {@link String#strip()}), and optionally collapses runs of spaces inside the text.
 *
 * <p>
 * With {@code collapseSpaces}, every run of horizontal whitespace (spaces, tabs, no-break
 * spaces and other Unicode space separators) becomes a single space, but line breaks are
 * kept, because multi-line fields (streets, descriptions) carry meaning in them;
 * horizontal whitespace at the start or end of each line is removed too. So
 * {@code "105 Challenger Road   6 Th Floor"} becomes
 * {@code "105 Challenger Road 6 Th Floor"} and {@code "Line 1  \n  Line 2"} becomes
 * {@code "Line 1\nLine 2"}. Line break characters ({@code \r\n}, {@code \n}) are kept as
 * they are.
 *
 * <p>
 * Null stays null; a whitespace-only text becomes {@code ""} (follow with
 * {@link NullPolicy} to make it null). Non-text values are trimmed as their
 * {@code toString()}.
 *
 * <p>
 * JSON: {@code {"type":"trim","collapseSpaces":true}}.
 *
 * @param collapseSpaces whether inner runs of spaces and tabs become one space
 */
public record Trim(boolean collapseSpaces) implements Transform {

    private static final Pattern HORIZONTAL_RUN = Pattern.compile("[\\h\\x0B\\f]+");

    private static final Pattern AROUND_LINE_BREAK = Pattern.compile(" ?(\\r\\n|\\n|\\r) ?");

    @Override
    public Object apply(Object value, TransformContext context) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        if (this.collapseSpaces && !isCollapsed(text)) {
            text = HORIZONTAL_RUN.matcher(text).replaceAll(" ");
            text = AROUND_LINE_BREAK.matcher(text).replaceAll("$1");
        }
        return text;
    }

    /**
     * Whether collapsing would leave the text as it is (the usual case, checked without
     * regular expressions): no horizontal whitespace other than single spaces, no
     * vertical tab or form feed, and no space next to a line break.
     */
    private static boolean isCollapsed(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                char next = (i + 1 < length) ? text.charAt(i + 1) : 'x';
                char previous = (i > 0) ? text.charAt(i - 1) : 'x';
                if (next == ' ' || isLineBreak(next) || isLineBreak(previous) || isOtherHorizontal(next)) {
                    return false;
                }
            }
            else if ((c < ' ' && !isLineBreak(c)) || isOtherHorizontal(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** {@code \h} other than the space and the tab (which is below a space). */
    private static boolean isOtherHorizontal(char c) {
        return c == '\u00a0' || c == '\u1680' || c == '\u180e' || (c >= '\u2000' && c <= '\u200a') || c == '\u202f'
                || c == '\u205f' || c == '\u3000';
    }

    @Override
    public String describe() {
        return this.collapseSpaces ? "trim and collapse spaces" : "trim";
    }

}
