package dev.switchyard.mapping.transform;

/**
 * Cuts a text to a maximum length, counted in Unicode code points (characters as people
 * and Salesforce count them), so a surrogate pair (an emoji, a rare CJK character) is
 * never split in half.
 *
 * <p>
 * The length is the given one or, when null, the target field's length
 * ({@link TransformContext#targetLength()}); when neither is known the text passes
 * unchanged. A cut is never silent: it is reported with
 * {@link TransformContext#note(String)} as "truncated from N to M characters", which
 * becomes a finding. Null stays null; non-text values are cut as their {@code toString()}
 * only when too long, otherwise passed unchanged.
 *
 * <p>
 * JSON: {@code {"type":"truncate","length":255}} or {@code {"type":"truncate"}} for the
 * target's length.
 *
 * @param length the maximum number of characters, or null for the target field's length
 */
public record Truncate(Integer length) implements Transform {

    public Truncate {
        if (length != null && length < 0) {
            throw new IllegalArgumentException("Truncate length must not be negative: " + length);
        }
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        Integer limit = (this.length != null) ? this.length : context.targetLength();
        if (value == null || limit == null) {
            return value;
        }
        String text = value.toString();
        int count = text.codePointCount(0, text.length());
        if (count <= limit) {
            return value;
        }
        context.note("truncated from " + count + " to " + limit + " characters");
        return text.substring(0, text.offsetByCodePoints(0, limit));
    }

    @Override
    public String describe() {
        return (this.length != null) ? "truncate to " + this.length + " characters"
                : "truncate to the target field's length";
    }

}
