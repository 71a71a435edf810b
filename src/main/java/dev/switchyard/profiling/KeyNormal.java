package dev.switchyard.profiling;

import java.text.Normalizer;

/**
 * The normal form of a business key (a name, a code) for matching a reference to its
 * parent ignoring case, spaces, punctuation and accents: {@code "ACME, Inc."},
 * {@code "Acme Inc"} and {@code "acmé inc."} are all {@code acmeinc}. Profiling,
 * reference inference and the runs' reference lookup all use this one definition.
 */
public final class KeyNormal {

    private KeyNormal() {
    }

    /**
     * @param value a key as written (may be null)
     * @return its letters and digits, lower case, without accents; empty for null
     */
    public static String of(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                text = Normalizer.normalize(text, Normalizer.Form.NFD);
                break;
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /**
     * @param value a key as written
     * @return the key as compared exactly: without leading and trailing white space
     */
    public static String exact(String value) {
        return (value != null) ? value.strip() : "";
    }

}
