package dev.switchyard.mapping.transform;

import java.util.regex.Pattern;

/**
 * Takes one part of a text split at a literal separator (not a regular expression), e.g.
 * the first line of a street with {@code "\n"}, or the last word with {@code " "} and
 * part {@code -1}.
 *
 * <p>
 * Parts count from 0; a negative part counts from the end ({@code -1} is the last). Empty
 * parts count (so {@code "a;;b"} has three parts) and are not trimmed. A part that does
 * not exist gives {@code ""} (blank), never an error; null stays null. Non-text values
 * are split by their {@code toString()}.
 *
 * <p>
 * JSON: {@code {"type":"split","separator":" ","part":0}}.
 *
 * @param separator the literal separator (not empty)
 * @param part the part's index, 0-based, negative from the end
 */
public record Split(String separator, int part) implements Transform {

    public Split {
        if (separator == null || separator.isEmpty()) {
            throw new IllegalArgumentException("Split needs a non-empty separator");
        }
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        if (value == null) {
            return null;
        }
        String[] parts = value.toString().split(Pattern.quote(this.separator), -1);
        int index = (this.part >= 0) ? this.part : parts.length + this.part;
        return (index >= 0 && index < parts.length) ? parts[index] : "";
    }

    @Override
    public String describe() {
        return "part " + this.part + " of the text split at '" + this.separator + "'";
    }

}
