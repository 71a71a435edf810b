package dev.switchyard.run;

import java.util.List;

/**
 * The load order of a run: object mappings, parents before children, and the reference
 * fields loaded in a second pass because they close a cycle (self references such as
 * {@code reports_to_id}, or objects referencing each other).
 *
 * @param steps the object mappings in load order
 * @param warnings what could go wrong, said before the run starts (no match key …)
 */
public record RunPlan(List<Step> steps, List<String> warnings) {

    public RunPlan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    /**
     * One object mapping of the plan.
     *
     * @param source the source object
     * @param target the target object
     * @param matchKey the target field holding the match key, or null
     * @param idColumn the target's primary key column
     * @param parents the source objects it references and that load before it
     * @param deferred the target reference fields set in the second pass
     */
    public record Step(String source, String target, String matchKey, String idColumn, List<String> parents,
            List<String> deferred) {

        public Step {
            parents = List.copyOf(parents);
            deferred = List.copyOf(deferred);
        }

    }

}
