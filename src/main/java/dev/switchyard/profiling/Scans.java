package dev.switchyard.profiling;

/**
 * Hand-written character scans classifying a trimmed, non-blank value (no regular
 * expressions: these run once per value).
 */
final class Scans {

    private Scans() {
    }

    /** true/false, yes/no, y/n, 1/0, any case. */
    static boolean isBoolean(String s) {
        int n = s.length();
        if (n == 1) {
            char c = Character.toLowerCase(s.charAt(0));
            return c == '1' || c == '0' || c == 'y' || c == 'n';
        }
        return n <= 5 && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") || s.equalsIgnoreCase("yes")
                || s.equalsIgnoreCase("no"));
    }

    /**
     * A pragmatic e-mail check: one {@code @}, a non-empty local part, a domain with an
     * inner dot, no white space.
     */
    static boolean isEmail(String s) {
        int n = s.length();
        int at = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            }
            else if (Character.isWhitespace(c) || c == ',' || c == ';' || c == '<' || c == '>') {
                return false;
            }
        }
        if (at <= 0 || at + 1 >= n || s.charAt(at + 1) == '.' || s.charAt(n - 1) == '.') {
            return false;
        }
        int dot = s.indexOf('.', at + 1);
        return dot > 0 && s.indexOf("..", at) < 0;
    }

    /** Starts with http://, https:// or www., no white space. */
    static boolean isUrl(String s) {
        int start;
        if (s.regionMatches(true, 0, "https://", 0, 8)) {
            start = 8;
        }
        else if (s.regionMatches(true, 0, "http://", 0, 7)) {
            start = 7;
        }
        else if (s.regionMatches(true, 0, "www.", 0, 4)) {
            start = 4;
        }
        else {
            return false;
        }
        if (s.length() <= start) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** 15 or 18 ASCII letters and digits, at least one digit. */
    static boolean isSalesforceId(String s) {
        int n = s.length();
        if (n != 15 && n != 18) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            }
            else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return digit;
    }

    /** 8-4-4-4-12 hexadecimal digits. */
    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            }
            else if (Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the field's name suggests US ZIP codes. */
    static boolean isPostalCodeName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("zip") || lower.contains("postal") || lower.contains("postcode");
    }

    /** Whether the field's name suggests phone numbers. */
    static boolean isPhoneName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("phone") || lower.contains("fax") || lower.contains("mobile") || lower.contains("tel");
    }

    /** Whether the field's name suggests e-mail addresses. */
    static boolean isEmailName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("email") || lower.contains("e-mail") || lower.contains("e_mail");
    }

    static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

}
