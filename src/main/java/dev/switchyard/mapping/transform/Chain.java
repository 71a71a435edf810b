package dev.switchyard.mapping.transform;

import java.util.List;
import java.util.Objects;

/**
 * The transforms of one field mapping, applied in order: each step gets the previous
 * step's result (the first gets the source field's value). An empty chain copies the
 * value. The notes the steps make on the context are collected in the {@link Result} with
 * the value; the first {@link TransformException} stops the chain for that record.
 *
 * <p>
 * A chain is stored as its JSON list of steps ({@link TransformJson}).
 *
 * @param steps the transforms, in order
 */
public record Chain(List<Transform> steps) {

    public Chain {
        Objects.requireNonNull(steps, "steps");
        steps = List.copyOf(steps);
    }

    /**
     * @param steps the transforms, in order
     * @return the chain
     */
    public static Chain of(Transform... steps) {
        return new Chain(List.of(steps));
    }

    /**
     * @param value the source field's value
     * @param context the record and target field; its notes grow with the steps' notes
     * @return the value after the last step and the notes this run made
     * @throws TransformException when a step cannot transform its value
     */
    public Result apply(Object value, TransformContext context) {
        int before = context.notes().size();
        Object result = value;
        for (Transform step : this.steps) {
            result = step.apply(result, context);
        }
        int after = context.notes().size();
        List<String> notes = (after == before) ? List.of() : List.copyOf(context.notes().subList(before, after));
        return new Result(result, notes);
    }

    /**
     * @return the steps' descriptions joined with "then"
     */
    public String describe() {
        return this.steps.isEmpty() ? "copy"
                : String.join(", then ", this.steps.stream().map(Transform::describe).toList());
    }

    /**
     * What a chain made of one value.
     *
     * @param value the value to load
     * @param notes deliberate losses reported by the steps, e.g. a truncation
     */
    public record Result(Object value, List<String> notes) {

    }

}
