package dev.switchyard.profiling;

/**
 * Recognises dates and date-times by hand-written scans, leaving the format, a
 * chronological key and the day/month reading of slash dates in its fields (reused per
 * value: not thread-safe).
 *
 * <p>
 * Formats: {@value #ISO_DATE}, {@code yyyy/MM/dd}, {@code MM/dd/yyyy},
 * {@code dd/MM/yyyy}, {@code M/d/yyyy}, {@code d/M/yyyy}, {@code dd.MM.yyyy},
 * {@value #ISO_DATETIME}, {@value #ISO_DATETIME_ZONED} and {@value #SQL_DATETIME}.
 * Ambiguous slash dates (both parts 12 or less) are read month-first.
 */
final class DateScan {

    static final String ISO_DATE = "yyyy-MM-dd";

    static final String ISO_DATETIME = "ISO datetime";

    static final String ISO_DATETIME_ZONED = "ISO datetime with zone";

    static final String SQL_DATETIME = "yyyy-MM-dd HH:mm:ss";

    /**
     * A slash date: not one, both readings possible, day-first only, month-first only.
     */
    enum Slash {

        NONE, AMBIGUOUS, DAY_FIRST, MONTH_FIRST

    }

    String format;

    boolean dateTime;

    /** Seconds since the epoch (UTC when zoned), comparable across values. */
    long key;

    Slash slash;

    boolean scan(String s) {
        int n = s.length();
        if (n < 8 || !digit(s, 0)) {
            return false;
        }
        this.slash = Slash.NONE;
        this.dateTime = false;
        if (n >= 10 && digits(s, 0, 4) && (s.charAt(4) == '-' || s.charAt(4) == '/') && s.charAt(7) == s.charAt(4)
                && digits(s, 5, 2) && digits(s, 8, 2)) {
            char separator = s.charAt(4);
            if (!date(number(s, 0, 4), number(s, 5, 2), number(s, 8, 2))) {
                return false;
            }
            if (n == 10) {
                this.format = (separator == '-') ? ISO_DATE : "yyyy/MM/dd";
                return true;
            }
            return separator == '-' && time(s);
        }
        return dayMonthYear(s);
    }

    private boolean dayMonthYear(String s) {
        int n = s.length();
        int firstLength = digit(s, 1) ? 2 : 1;
        char separator = s.charAt(firstLength);
        if (separator != '/' && separator != '.') {
            return false;
        }
        int second = firstLength + 1;
        int secondLength = digit(s, second + 1) ? 2 : 1;
        if (!digit(s, second) || second + secondLength + 5 != n || s.charAt(second + secondLength) != separator
                || !digits(s, n - 4, 4)) {
            return false;
        }
        int a = number(s, 0, firstLength);
        int b = number(s, second, secondLength);
        int year = number(s, n - 4, 4);
        boolean padded = firstLength == 2 && secondLength == 2;
        if (separator == '.') {
            this.format = "dd.MM.yyyy";
            return date(year, b, a);
        }
        if (a > 12) {
            this.slash = Slash.DAY_FIRST;
            this.format = padded ? "dd/MM/yyyy" : "d/M/yyyy";
            return date(year, b, a);
        }
        this.slash = (b > 12) ? Slash.MONTH_FIRST : Slash.AMBIGUOUS;
        this.format = padded ? "MM/dd/yyyy" : "M/d/yyyy";
        return date(year, a, b);
    }

    private boolean time(String s) {
        int n = s.length();
        char t = s.charAt(10);
        if ((t != 'T' && t != ' ') || n < 16 || !digits(s, 11, 2) || s.charAt(13) != ':' || !digits(s, 14, 2)) {
            return false;
        }
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = 0;
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            if (i + 3 > n || !digits(s, i + 1, 2)) {
                return false;
            }
            second = number(s, i + 1, 2);
            i += 3;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                i++;
                while (i < n && digit(s, i)) {
                    i++;
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 60) {
            return false;
        }
        int offset = 0;
        boolean zoned = i < n;
        if (zoned) {
            offset = offset(s, i);
            if (offset == Integer.MIN_VALUE || t != 'T') {
                return false;
            }
        }
        this.dateTime = true;
        this.format = (t == ' ') ? SQL_DATETIME : (zoned ? ISO_DATETIME_ZONED : ISO_DATETIME);
        this.key += hour * 3600L + minute * 60L + second - offset;
        return true;
    }

    /** Z, ±HH, ±HHmm, ±HH:mm from i to the end, in seconds; MIN_VALUE when invalid. */
    private static int offset(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == 'Z' && i + 1 == n) {
            return 0;
        }
        if ((c != '+' && c != '-') || !digits(s, i + 1, 2)) {
            return Integer.MIN_VALUE;
        }
        int seconds = number(s, i + 1, 2) * 3600;
        int rest = n - (i + 3);
        if (rest == 2 && digits(s, i + 3, 2)) {
            seconds += number(s, i + 3, 2) * 60;
        }
        else if (rest == 3 && s.charAt(i + 3) == ':' && digits(s, i + 4, 2)) {
            seconds += number(s, i + 4, 2) * 60;
        }
        else if (rest != 0) {
            return Integer.MIN_VALUE;
        }
        return (c == '-') ? -seconds : seconds;
    }

    private boolean date(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return false;
        }
        this.key = epochDay(year, month, day) * 86_400L;
        return true;
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        long y = (month <= 2) ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + ((month > 2) ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static boolean digit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static boolean digits(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!digit(s, i)) {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

}
