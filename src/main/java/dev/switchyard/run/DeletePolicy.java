package dev.switchyard.run;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.switchyard.system.InvalidInputException;

/**
 * What a run does about records that earlier runs loaded into its environment and that
 * the source has deleted since.
 *
 * @param policy report, delete or deactivate
 * @param deactivate per object mapping, the target column and value that mark a row
 * inactive (the deactivate policy)
 */
public record DeletePolicy(Policy policy, List<Deactivation> deactivate) {

    /** The policy of a project that has not chosen one: report. */
    public static final DeletePolicy REPORT = new DeletePolicy(Policy.REPORT, List.of());

    public DeletePolicy {
        deactivate = (deactivate != null) ? List.copyOf(deactivate) : List.of();
    }

    /**
     * @param source a source object
     * @param target a target object
     * @return how rows of that object mapping are marked inactive, when the analyst said
     */
    public Optional<Deactivation> deactivation(String source, String target) {
        return this.deactivate.stream()
            .filter((d) -> d.source().equalsIgnoreCase(source) && d.target().equalsIgnoreCase(target))
            .findFirst();
    }

    /**
     * The policies.
     */
    public enum Policy {

        /** Count them apart, outside the balance; the target keeps them. */
        REPORT,
        /** Delete their target rows through the cross-reference, children first. */
        DELETE,
        /** Set a column that marks their target rows inactive. */
        DEACTIVATE;

        /**
         * @param name a policy's name, any case
         * @return the policy
         * @throws InvalidInputException for another name
         */
        public static Policy of(String name) {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("policy", "The delete policy is report, delete or deactivate");
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidInputException("policy",
                        "The delete policy is report, delete or deactivate, not '" + name + "'");
            }
        }

    }

    /**
     * How the rows of one object mapping are marked inactive.
     *
     * @param source the source object
     * @param target the target object
     * @param column the target column
     * @param value the value that marks a row inactive, as text (converted to the
     * column's type)
     */
    public record Deactivation(String source, String target, String column, String value) {
    }

}
