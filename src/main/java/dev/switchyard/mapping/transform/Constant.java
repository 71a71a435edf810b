package dev.switchyard.mapping.transform;

/**
 * Ignores the input and gives a fixed text, e.g. a default {@code LeadSource} of
 * {@code "Migration"} for every record. A null value sets the target to null.
 *
 * <p>
 * JSON: {@code {"type":"constant","value":"Migration"}}.
 *
 * @param value the text to give, or null
 */
public record Constant(String value) implements Transform {

    @Override
    public Object apply(Object ignored, TransformContext context) {
        return this.value;
    }

    @Override
    public String describe() {
        return (this.value != null) ? "constant '" + this.value + "'" : "constant null";
    }

}
