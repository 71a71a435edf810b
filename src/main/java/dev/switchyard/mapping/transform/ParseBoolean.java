package dev.switchyard.mapping.transform;

import java.util.List;
import java.util.Locale;

/**
 * Text to a {@link Boolean}. The accepted words are compared case-insensitively after
 * trimming; by default {@code true/false}, {@code yes/no}, {@code y/n}, {@code 1/0} and
 * {@code on/off}. A blank value is null, unless {@code blankIsFalse}: the Salesforce
 * checkbox export convention writes {@code 1} for checked and nothing for unchecked
 * (mashmatrix {@code IsClosed}, {@code IsWon}), so there a blank is {@code false}. Any
 * other word is a {@link TransformException}.
 *
 * @param trueValues the words meaning true (null or empty: the defaults)
 * @param falseValues the words meaning false (null or empty: the defaults)
 * @param blankIsFalse whether a blank (or null) value means false
 */
public record ParseBoolean(List<String> trueValues, List<String> falseValues,
        boolean blankIsFalse) implements Transform {

    /** The words meaning true when none are given. */
    public static final List<String> DEFAULT_TRUE = List.of("true", "yes", "y", "1", "on");

    /** The words meaning false when none are given. */
    public static final List<String> DEFAULT_FALSE = List.of("false", "no", "n", "0", "off");

    public ParseBoolean {
        trueValues = (trueValues == null || trueValues.isEmpty()) ? DEFAULT_TRUE : List.copyOf(trueValues);
        falseValues = (falseValues == null || falseValues.isEmpty()) ? DEFAULT_FALSE : List.copyOf(falseValues);
    }

    /**
     * The default words; a blank is null.
     */
    public ParseBoolean() {
        this(null, null, false);
    }

    /**
     * @return the Salesforce checkbox export convention: {@code 1} or blank (false)
     */
    public static ParseBoolean salesforceCheckbox() {
        return new ParseBoolean(null, null, true);
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = (value != null) ? value.toString().strip() : "";
        if (text.isEmpty()) {
            return this.blankIsFalse ? Boolean.FALSE : null;
        }
        if (contains(this.trueValues, text)) {
            return Boolean.TRUE;
        }
        if (contains(this.falseValues, text)) {
            return Boolean.FALSE;
        }
        throw new TransformException(context, value, describe(),
                "'" + value + "' is neither " + this.trueValues + " (true) nor " + this.falseValues + " (false)");
    }

    private static boolean contains(List<String> words, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (word.strip().toLowerCase(Locale.ROOT).equals(lower)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "yes/no (true: " + String.join("/", this.trueValues) + "; false: " + String.join("/", this.falseValues)
                + (this.blankIsFalse ? "; blank: false" : "") + ")";
    }

}
