package dev.switchyard.mapping.transform;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Joins several source fields of the record into one text, e.g. {@code FirstName} and
 * {@code LastName} with a space into a full name. The step's input value is ignored: the
 * fields are read from {@link TransformContext#field(String)}, so this is normally the
 * first step of a chain.
 *
 * <p>
 * Non-text values are joined by their {@code toString()}. A null field counts as empty
 * text. With {@code skipBlanks}, null, empty and whitespace-only fields are left out
 * together with their separator (no doubled or dangling separators); without it they take
 * their place as empty text. When nothing is left the result is {@code ""} (follow with
 * {@link NullPolicy} to make it null).
 *
 * <p>
 * JSON: {@code {"type":"concatenate","fields":["FirstName","LastName"],"separator":"
 * ","skipBlanks":true}}.
 *
 * @param fields the source fields, in order (at least one)
 * @param separator put between the parts; null means none
 * @param skipBlanks whether blank fields are left out
 */
public record Concatenate(List<String> fields, String separator, boolean skipBlanks) implements Transform {

    public Concatenate {
        Objects.requireNonNull(fields, "fields");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("Concatenate needs at least one field");
        }
        fields = List.copyOf(fields);
        separator = (separator != null) ? separator : "";
    }

    @Override
    public Object apply(Object ignored, TransformContext context) {
        StringJoiner joined = new StringJoiner(this.separator);
        for (String field : this.fields) {
            Object value = context.field(field);
            String text = (value != null) ? value.toString() : "";
            if (this.skipBlanks && text.isBlank()) {
                continue;
            }
            joined.add(text);
        }
        return joined.toString();
    }

    @Override
    public String describe() {
        return "concatenate " + String.join(", ", this.fields) + " with '" + this.separator + "'"
                + (this.skipBlanks ? " (skipping blanks)" : "");
    }

}
