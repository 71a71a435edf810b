package dev.switchyard.mapping.transform;

import java.util.Collection;

/**
 * Gives a default text when the value is blank: null, empty, whitespace-only or an empty
 * multi-select list; any other value (of any type) passes unchanged. E.g.
 * {@code LastName} is required in Salesforce, so a blank one becomes {@code "Unknown"}.
 *
 * <p>
 * JSON: {@code {"type":"default-when-blank","value":"Unknown"}}.
 *
 * @param value the default
 */
public record DefaultWhenBlank(String value) implements Transform {

    @Override
    public Object apply(Object input, TransformContext context) {
        return isBlank(input) ? this.value : input;
    }

    static boolean isBlank(Object value) {
        return value == null || (value instanceof CharSequence text && text.toString().isBlank())
                || (value instanceof Collection<?> values && values.isEmpty());
    }

    @Override
    public String describe() {
        return "'" + this.value + "' when blank";
    }

}
