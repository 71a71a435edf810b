package dev.switchyard.mapping.transform;

import java.util.Objects;

/**
 * Decides how "no value" is represented in the target: as null or as empty text. Sources
 * mix them (CSV exports have only empty text, databases have both), and targets differ
 * (Salesforce stores empty text as null), so comparing source and target needs one rule.
 * Whitespace-only text counts as blank.
 *
 * <ul>
 * <li>{@link Mode#BLANK_TO_NULL}: null, {@code ""} and whitespace-only text become
 * null;</li>
 * <li>{@link Mode#NULL_TO_BLANK}: null and whitespace-only text become {@code ""};</li>
 * <li>{@link Mode#KEEP}: nothing changes.</li>
 * </ul>
 * Other values (numbers, dates, non-blank text) always pass unchanged.
 *
 * <p>
 * JSON: {@code {"type":"null-policy","mode":"BLANK_TO_NULL"}}.
 *
 * @param mode the policy
 */
public record NullPolicy(Mode mode) implements Transform {

    /** How a blank value is represented. */
    public enum Mode {

        /** Blank text becomes null. */
        BLANK_TO_NULL,

        /** Null becomes empty text. */
        NULL_TO_BLANK,

        /** Values are left as they are. */
        KEEP

    }

    public NullPolicy {
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        boolean blank = value == null || (value instanceof CharSequence text && text.toString().isBlank());
        if (!blank) {
            return value;
        }
        return switch (this.mode) {
            case BLANK_TO_NULL -> null;
            case NULL_TO_BLANK -> "";
            case KEEP -> value;
        };
    }

    @Override
    public String describe() {
        return switch (this.mode) {
            case BLANK_TO_NULL -> "blank to null";
            case NULL_TO_BLANK -> "null to blank";
            case KEEP -> "keep null and blank";
        };
    }

}
