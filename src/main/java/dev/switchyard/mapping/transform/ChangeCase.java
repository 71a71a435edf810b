package dev.switchyard.mapping.transform;

import java.util.Locale;
import java.util.Objects;

/**
 * Changes the letter case of a text, locale-independently ({@link Locale#ROOT}, so a
 * Turkish server does not turn {@code i} into a dotted capital).
 *
 * <p>
 * {@link Mode#TITLE} is a simple rule for names and cities: the first letter of each word
 * is upper case (title case) and the other letters lower case. A word starts after any
 * character that is not a letter, digit or apostrophe, so hyphenated parts are
 * capitalised ({@code MINATO-KU} → {@code Minato-Ku}, {@code jean-luc} →
 * {@code Jean-Luc}) and digits keep the following letters lower case ({@code 11TH} →
 * {@code 11th}). After an apostrophe, a letter is capitalised only when the apostrophe
 * follows a one-letter word start ({@code o'brien} → {@code O'Brien}, {@code d'angelo} →
 * {@code D'Angelo}) but not otherwise ({@code kids'} stays, {@code don't} →
 * {@code Don't}).
 *
 * <p>
 * Limits of TITLE: it knows no name rules, so {@code McDONALD} becomes {@code Mcdonald},
 * {@code van der BERG} becomes {@code Van Der Berg} and acronyms such as {@code IBM}
 * become {@code Ibm}; use a {@link PicklistMap} or {@link RegexReplace} for such
 * exceptions.
 *
 * <p>
 * Null stays null; non-text values are changed as their {@code toString()}.
 *
 * <p>
 * JSON: {@code {"type":"change-case","mode":"TITLE"}}.
 *
 * @param mode upper, lower or title case
 */
public record ChangeCase(Mode mode) implements Transform {

    /** The case to change to. */
    public enum Mode {

        /** All letters upper case. */
        UPPER,

        /** All letters lower case. */
        LOWER,

        /** The first letter of each word upper case, the rest lower case. */
        TITLE

    }

    public ChangeCase {
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return switch (this.mode) {
            case UPPER -> text.toUpperCase(Locale.ROOT);
            case LOWER -> text.toLowerCase(Locale.ROOT);
            case TITLE -> title(text);
        };
    }

    private static String title(String text) {
        StringBuilder result = new StringBuilder(text.length());
        // the three code points before the current one, -1 before the start
        int previous = -1;
        int beforePrevious = -1;
        int third = -1;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            boolean upper = startsWord(previous, beforePrevious, third);
            result.appendCodePoint(upper ? Character.toTitleCase(codePoint) : Character.toLowerCase(codePoint));
            third = beforePrevious;
            beforePrevious = previous;
            previous = codePoint;
            i += Character.charCount(codePoint);
        }
        return result.toString();
    }

    private static boolean startsWord(int previous, int beforePrevious, int third) {
        if (previous < 0) {
            return true;
        }
        if (isApostrophe(previous)) {
            // O'Brien, D'Angelo: one letter at a word start before the apostrophe
            return beforePrevious >= 0 && Character.isLetter(beforePrevious) && (third < 0 || !isWordPart(third));
        }
        return !isWordPart(previous);
    }

    private static boolean isWordPart(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || isApostrophe(codePoint);
    }

    private static boolean isApostrophe(int codePoint) {
        return codePoint == '\'' || codePoint == '\u2019';
    }

    @Override
    public String describe() {
        return this.mode.name().toLowerCase(Locale.ROOT) + " case";
    }

}
