package dev.switchyard.mapping.transform;

/**
 * Passes the value on unchanged, of whatever type it is. The usual first (and often only)
 * step of a mapping between fields of the same kind.
 *
 * <p>
 * JSON: {@code {"type":"copy"}}.
 */
public record Copy() implements Transform {

    @Override
    public Object apply(Object value, TransformContext context) {
        return value;
    }

    @Override
    public String describe() {
        return "copy";
    }

}
