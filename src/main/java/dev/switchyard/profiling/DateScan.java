package dev.switchyard.profiling;

/**
 * Recognises dates and date-times by hand-written scans, leaving the format, a
 * chronological key and the day/month reading of slash dates in its fields (reused per
 * value: not thread-safe).
 *
 * <p>
 * Formats: {@value #ISO_DATE}, {@code yyyy/MM/dd}, {@code MM/dd/yyyy},
 * {@code dd/MM/yyyy}, {@code M/d/yyyy}, {@code d/M/yyyy}, {@code dd.MM.yyyy},
 * {@value #ISO_DATETIME}, {@value #ISO_DATETIME_ZONED} and {@value #SQL_DATETIME}; and
 * the report style of CRM report exports: slash (or dot) dates with a two-digit year
 * ({@code MM/dd/yy}, read in the hundred years from the pivot, 1950 by default) and/or a
 * time ({@code MM/dd/yy hh:mm a}, {@code M/d/yyyy H:mm}, with or without seconds).
 * Ambiguous slash dates (both parts 12 or less) are read month-first.
 */
final class DateScan {

    static final String ISO_DATE = "yyyy-MM-dd";

    static final String ISO_DATETIME = "ISO datetime";

    static final String ISO_DATETIME_ZONED = "ISO datetime with zone";

    static final String SQL_DATETIME = "yyyy-MM-dd HH:mm:ss";

    /** The default first year of two-digit years: 1950–2049. */
    static final int DEFAULT_PIVOT = 1950;

    /**
     * A slash date: not one, both readings possible, day-first only, month-first only.
     */
    enum Slash {

        NONE, AMBIGUOUS, DAY_FIRST, MONTH_FIRST

    }

    /**
     * The time part of a report-style date.
     */
    enum TimeKind {

        NONE, HOURS_MINUTES, HOURS_MINUTES_SECONDS, AM_PM, AM_PM_SECONDS

    }

    /**
     * What a report-style value says about the zero padding of its numbers.
     */
    enum Padding {

        /** A leading zero: {@code 01/05/24}. */
        PADDED,

        /** A single digit: {@code 1/5/24}. */
        UNPADDED,

        /** Two digits without a leading zero: {@code 12/15/24} fits both. */
        EITHER

    }

    String format;

    boolean dateTime;

    /** Seconds since the epoch (UTC when zoned), comparable across values. */
    long key;

    Slash slash;

    /** Whether the last report-style value had a two-digit year. */
    boolean twoDigitYear;

    /**
     * The zero padding the last report-style value shows, null for the other formats.
     */
    Padding reportPadding;

    /** The last report-style value's pattern without zero padding, else null. */
    String unpaddedFormat;

    private TimeKind timeKind = TimeKind.NONE;

    private long timeSeconds;

    /** Two-digit years are read as the hundred years from this one. */
    final int pivot;

    /**
     * Reads two-digit years as the years from {@value #DEFAULT_PIVOT} to 99 years later.
     */
    DateScan() {
        this(DEFAULT_PIVOT);
    }

    /**
     * @param pivot the first year two-digit years are read as (1950: 50–99 are 1950–1999,
     * 00–49 are 2000–2049)
     */
    DateScan(int pivot) {
        this.pivot = pivot;
    }

    boolean scan(String s) {
        int n = s.length();
        if (n < 6 || !digit(s, 0)) {
            return false;
        }
        this.slash = Slash.NONE;
        this.dateTime = false;
        this.twoDigitYear = false;
        this.reportPadding = null;
        this.unpaddedFormat = null;
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
        int yearAt = second + secondLength + 1;
        if (!digit(s, second) || yearAt > n || s.charAt(yearAt - 1) != separator) {
            return false;
        }
        int yearLength = 0;
        while (yearAt + yearLength < n && digit(s, yearAt + yearLength)) {
            yearLength++;
        }
        if (yearLength != 4 && (yearLength != 2 || separator != '/')) {
            return false;
        }
        int a = number(s, 0, firstLength);
        int b = number(s, second, secondLength);
        int year = (yearLength == 4) ? number(s, yearAt, 4) : fullYear(number(s, yearAt, 2));
        int end = yearAt + yearLength;
        boolean plain = yearLength == 4 && end == n;
        if (!plain && !reportTime(s, end)) {
            return false;
        }
        boolean padded = firstLength == 2 && secondLength == 2;
        boolean dayFirst;
        if (separator == '.') {
            dayFirst = true;
        }
        else if (a > 12) {
            this.slash = Slash.DAY_FIRST;
            dayFirst = true;
        }
        else {
            this.slash = (b > 12) ? Slash.MONTH_FIRST : Slash.AMBIGUOUS;
            dayFirst = false;
        }
        boolean valid = dayFirst ? date(year, b, a) : date(year, a, b);
        if (!valid) {
            return false;
        }
        if (plain) {
            this.format = (separator == '.') ? "dd.MM.yyyy"
                    : dayFirst ? (padded ? "dd/MM/yyyy" : "d/M/yyyy") : (padded ? "MM/dd/yyyy" : "M/d/yyyy");
            return true;
        }
        // report style: a two-digit year and/or a time; the padding is told across the
        // field's values (see ValueChecks), so each value names its family and evidence
        this.twoDigitYear = yearLength == 2;
        this.reportPadding = padding(s, 0, firstLength, this.reportPadding);
        this.reportPadding = padding(s, second, secondLength, this.reportPadding);
        this.key += this.timeSeconds;
        this.dateTime = this.timeKind != TimeKind.NONE;
        this.format = reportFormat(separator, dayFirst, yearLength, this.timeKind, true);
        this.unpaddedFormat = reportFormat(separator, dayFirst, yearLength, this.timeKind, false);
        return true;
    }

    /**
     * The pattern of a report-style date, e.g. {@code MM/dd/yy hh:mm a} (padded) or
     * {@code M/d/yy h:mm a}.
     */
    static String reportFormat(char separator, boolean dayFirst, int yearLength, TimeKind time, boolean padded) {
        String day = padded ? "dd" : "d";
        String month = padded ? "MM" : "M";
        String year = (yearLength == 4) ? "yyyy" : "yy";
        String date = dayFirst ? day + separator + month + separator + year
                : month + separator + day + separator + year;
        return switch (time) {
            case NONE -> date;
            case HOURS_MINUTES -> date + (padded ? " HH:mm" : " H:mm");
            case HOURS_MINUTES_SECONDS -> date + (padded ? " HH:mm:ss" : " H:mm:ss");
            case AM_PM -> date + (padded ? " hh:mm a" : " h:mm a");
            case AM_PM_SECONDS -> date + (padded ? " hh:mm:ss a" : " h:mm:ss a");
        };
    }

    /**
     * Reads an optional time after a slash date: nothing, or a space and {@code H:mm},
     * {@code H:mm:ss}, either followed by a space and AM or PM (then the hour is 1–12).
     */
    private boolean reportTime(String s, int i) {
        int n = s.length();
        this.timeKind = TimeKind.NONE;
        this.timeSeconds = 0;
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != ' ' || !digit(s, i + 1)) {
            return false;
        }
        int hourAt = i + 1;
        int hourLength = digit(s, hourAt + 1) ? 2 : 1;
        int colon = hourAt + hourLength;
        if (colon >= n || s.charAt(colon) != ':' || !digits(s, colon + 1, 2)) {
            return false;
        }
        int hour = number(s, hourAt, hourLength);
        int minute = number(s, colon + 1, 2);
        int second = 0;
        int j = colon + 3;
        boolean seconds = false;
        if (j < n && s.charAt(j) == ':') {
            if (!digits(s, j + 1, 2)) {
                return false;
            }
            second = number(s, j + 1, 2);
            seconds = true;
            j += 3;
        }
        boolean amPm = false;
        if (j < n) {
            if (j + 3 != n || s.charAt(j) != ' ' || !amPm(s, j + 1)) {
                return false;
            }
            amPm = true;
            if (hour < 1 || hour > 12) {
                return false;
            }
            boolean pm = Character.toUpperCase(s.charAt(j + 1)) == 'P';
            hour = (hour % 12) + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return false;
        }
        this.reportPadding = padding(s, hourAt, hourLength, this.reportPadding);
        this.timeKind = amPm ? (seconds ? TimeKind.AM_PM_SECONDS : TimeKind.AM_PM)
                : (seconds ? TimeKind.HOURS_MINUTES_SECONDS : TimeKind.HOURS_MINUTES);
        this.timeSeconds = hour * 3600L + minute * 60L + second;
        return true;
    }

    private static boolean amPm(String s, int i) {
        char first = Character.toUpperCase(s.charAt(i));
        return (first == 'A' || first == 'P') && Character.toUpperCase(s.charAt(i + 1)) == 'M';
    }

    /**
     * What a number part says about zero padding: a single digit is unpadded, a leading
     * zero padded, two digits without one could be either.
     */
    private static Padding padding(String s, int from, int length, Padding so) {
        Padding part = (length == 1) ? Padding.UNPADDED : (s.charAt(from) == '0') ? Padding.PADDED : Padding.EITHER;
        if (so == Padding.UNPADDED || part == Padding.UNPADDED) {
            return Padding.UNPADDED;
        }
        return (so == Padding.PADDED || part == Padding.PADDED) ? Padding.PADDED : Padding.EITHER;
    }

    /**
     * A two-digit year as a full year in the hundred years from the pivot.
     */
    int fullYear(int twoDigits) {
        int century = this.pivot - Math.floorMod(this.pivot, 100);
        int year = century + twoDigits;
        return (year < this.pivot) ? year + 100 : year;
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
