package dev.switchyard.validation;

import java.util.Collection;

/**
 * The result of a check, a field, a tile or a whole validation. Worse verdicts come
 * later: a tile is as bad as its worst part.
 */
public enum Verdict {

    /** Within the pass threshold. */
    PASS,

    /** Below the pass threshold, within the warn threshold. */
    WARN,

    /** Below the warn threshold, or a difference that must not happen. */
    FAIL,

    /** Could not be read back: never shown as passing. */
    UNVERIFIED;

    /**
     * @param verdicts some verdicts
     * @return the worst of them, PASS when there are none
     */
    public static Verdict worst(Collection<Verdict> verdicts) {
        Verdict worst = PASS;
        for (Verdict verdict : verdicts) {
            if (verdict != null && verdict.ordinal() > worst.ordinal()) {
                worst = verdict;
            }
        }
        return worst;
    }

    /**
     * @return the Bootstrap colour of its tile
     */
    public String colour() {
        return switch (this) {
            case PASS -> "success";
            case WARN -> "warning";
            case FAIL -> "danger";
            case UNVERIFIED -> "secondary";
        };
    }

    /**
     * @return how a tile names it
     */
    public String label() {
        return switch (this) {
            case PASS -> "Pass";
            case WARN -> "Warn";
            case FAIL -> "Fail";
            case UNVERIFIED -> "Could not verify";
        };
    }

}
