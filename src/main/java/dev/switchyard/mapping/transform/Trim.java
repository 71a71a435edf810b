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
        if (this.collapseSpaces) {
            text = HORIZONTAL_RUN.matcher(text).replaceAll(" ");
            text = AROUND_LINE_BREAK.matcher(text).replaceAll("$1");
        }
        return text;
    }

    @Override
    public String describe() {
        return this.collapseSpaces ? "trim and collapse spaces" : "trim";
    }

}
