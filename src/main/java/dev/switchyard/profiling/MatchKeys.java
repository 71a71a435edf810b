package dev.switchyard.profiling;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Normalises names, e-mail addresses, phone numbers and web sites into duplicate-matching
 * keys. Each method returns null when the input yields no usable key.
 */
final class MatchKeys {

    private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "incorporated", "corp", "corporation", "co",
            "company", "ltd", "limited", "llc", "llp", "lp", "plc", "gmbh", "ag", "kk", "sa", "sas", "srl", "bv", "nv",
            "pty", "pte");

    private MatchKeys() {
    }

    /**
     * Lower case, accents stripped, dots and apostrophes dropped, other punctuation made
     * spaces, spaces collapsed, trailing legal suffixes (inc, corp, co, ltd, llc, gmbh,
     * kk…) dropped.
     */
    static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                text = Normalizer.normalize(text, Normalizer.Form.NFD);
                break;
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        int lastSpace = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
            else if (c == '.' || c == '\'' || c == '’' || Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        String[] tokens = out.toString().trim().split(" ");
        int end = tokens.length;
        while (end > 1 && LEGAL_SUFFIXES.contains(tokens[end - 1])) {
            end--;
        }
        String name = String.join(" ", java.util.Arrays.asList(tokens).subList(0, end));
        return name.isEmpty() ? null : name;
    }

    static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        return (email.indexOf('@') > 0) ? email : null;
    }

    /** Digits only; the last 10 of an 11-digit number starting with 1; at least 7. */
    static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == 'x' || c == 'X' || c == 'e' || c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            return digits.substring(1);
        }
        return (digits.length() >= 7) ? digits.toString() : null;
    }

    /** The host, lower-cased, without scheme, {@code www.}, port, path or query. */
    static String domain(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String url = raw.strip().toLowerCase(Locale.ROOT);
        int scheme = url.indexOf("://");
        if (scheme >= 0) {
            url = url.substring(scheme + 3);
        }
        if (url.startsWith("www.")) {
            url = url.substring(4);
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                url = url.substring(0, i);
                break;
            }
        }
        return (url.indexOf('.') > 0) ? url : null;
    }

}
