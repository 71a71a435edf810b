package dev.switchyard.profiling;

/**
 * Recognises phone numbers by shape: digits and the separators space, hyphen, dot and
 * parentheses, an optional leading {@code +}, 7 to 15 digits, and an optional extension
 * ({@code x123}, {@code ext. 123}). The shape shows digits as {@code 9}:
 * {@code (999) 999-9999}, {@code +99 9 9999 9999}, {@code 999-999-9999 x999}.
 */
final class PhoneShape {

    private PhoneShape() {
    }

    /** The value's phone shape, or null when it is not shaped like a phone number. */
    static String of(String s) {
        int n = s.length();
        if (n < 7 || n > 40) {
            return null;
        }
        char first = s.charAt(0);
        if (!(first == '+' || first == '(' || (first >= '0' && first <= '9')) || dateLike(s)) {
            return null;
        }
        StringBuilder shape = new StringBuilder(n);
        int digits = 0;
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                shape.append('9');
            }
            else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || (c == '+' && i == 0)) {
                shape.append(c);
            }
            else if (c == 'x' || c == 'X' || c == 'e' || c == 'E') {
                break;
            }
            else {
                return null;
            }
        }
        if (digits < 7 || digits > 15) {
            return null;
        }
        if (i < n) {
            int extension = extensionDigits(s, i);
            if (extension <= 0) {
                return null;
            }
            while (shape.length() > 0 && shape.charAt(shape.length() - 1) == ' ') {
                shape.setLength(shape.length() - 1);
            }
            shape.append(" x").append("9".repeat(extension));
        }
        return shape.toString();
    }

    /** yyyy-MM-dd or yyyy/MM/dd shaped, even when not a valid date. */
    private static boolean dateLike(String s) {
        return s.length() >= 10 && (s.charAt(4) == '-' || s.charAt(4) == '/') && s.charAt(7) == s.charAt(4);
    }

    private static int extensionDigits(String s, int i) {
        int n = s.length();
        if (s.regionMatches(true, i, "ext", 0, 3)) {
            i += 3;
        }
        else if (s.charAt(i) == 'x' || s.charAt(i) == 'X') {
            i++;
        }
        else {
            return -1;
        }
        while (i < n && (s.charAt(i) == '.' || s.charAt(i) == ' ')) {
            i++;
        }
        int digits = n - i;
        if (digits < 1 || digits > 6) {
            return -1;
        }
        for (; i < n; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return digits;
    }

}
