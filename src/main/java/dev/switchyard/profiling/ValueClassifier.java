package dev.switchyard.profiling;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import dev.switchyard.connector.FieldType;

/**
 * Classifies one value into the set of dictionary types it fits, as a bit mask of
 * {@link FieldType} ordinals, leaving what it parsed (number, date, phone shape) in its
 * fields for the caller (reused per value: not thread-safe).
 */
final class ValueClassifier {

    static final int TEXT = bit(FieldType.TEXT);

    static final int BOOLEAN = bit(FieldType.BOOLEAN);

    static final int INTEGER = bit(FieldType.INTEGER);

    static final int DECIMAL = bit(FieldType.DECIMAL);

    static final int DATE = bit(FieldType.DATE);

    static final int DATETIME = bit(FieldType.DATETIME);

    static final int EMAIL = bit(FieldType.EMAIL);

    static final int PHONE = bit(FieldType.PHONE);

    static final int URL = bit(FieldType.URL);

    static final int ID = bit(FieldType.ID);

    final DateScan date;

    /** The numeric value, when the mask has INTEGER or DECIMAL. */
    double number;

    /** The phone shape, when the mask has PHONE. */
    String phoneShape;

    /** Whether the value is a Salesforce id (the mask has ID and it is no UUID). */
    boolean salesforceId;

    ValueClassifier() {
        this(DateScan.DEFAULT_PIVOT);
    }

    /**
     * @param pivot the first year two-digit years are read as
     */
    ValueClassifier(int pivot) {
        this.date = new DateScan(pivot);
    }

    static int bit(FieldType type) {
        return 1 << type.ordinal();
    }

    /** Classifies a trimmed, non-blank string. */
    int classify(String s) {
        int mask = TEXT;
        if (Scans.isBoolean(s)) {
            mask |= BOOLEAN;
        }
        mask |= number(s);
        boolean isDate = this.date.scan(s);
        if (isDate) {
            mask |= this.date.dateTime ? DATETIME : (DATE | DATETIME);
        }
        if (s.indexOf('@') > 0 && Scans.isEmail(s)) {
            mask |= EMAIL;
        }
        this.phoneShape = ((mask & DECIMAL) != 0 && (mask & INTEGER) == 0 || isDate) ? null : PhoneShape.of(s);
        if (this.phoneShape != null) {
            mask |= PHONE;
        }
        if (Scans.isUrl(s)) {
            mask |= URL;
        }
        this.salesforceId = Scans.isSalesforceId(s);
        if (this.salesforceId || Scans.isUuid(s)) {
            mask |= ID;
        }
        return mask;
    }

    /** Classifies a typed value, setting the number or the date key. */
    int classifyTyped(Object value) {
        this.salesforceId = false;
        this.phoneShape = null;
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            this.number = ((Number) value).doubleValue();
            return TEXT | INTEGER | DECIMAL;
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            this.number = ((Number) value).doubleValue();
            return TEXT | DECIMAL;
        }
        if (value instanceof Boolean) {
            return TEXT | BOOLEAN;
        }
        if (value instanceof LocalDate date) {
            this.date.key = date.toEpochDay() * 86_400L;
            return TEXT | DATE | DATETIME;
        }
        Instant instant = null;
        if (value instanceof LocalDateTime dateTime) {
            instant = dateTime.toInstant(ZoneOffset.UTC);
        }
        else if (value instanceof OffsetDateTime dateTime) {
            instant = dateTime.toInstant();
        }
        else if (value instanceof ZonedDateTime dateTime) {
            instant = dateTime.toInstant();
        }
        else if (value instanceof Instant i) {
            instant = i;
        }
        if (instant != null) {
            this.date.key = instant.getEpochSecond();
            return TEXT | DATETIME;
        }
        return TEXT;
    }

    /**
     * INTEGER | DECIMAL, DECIMAL or 0; numbers with a leading zero are codes, not
     * numbers.
     */
    private int number(String s) {
        int n = s.length();
        int i = (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        int start = i;
        int before = 0;
        int after = 0;
        boolean dot = false;
        long whole = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (dot) {
                    after++;
                }
                else {
                    before++;
                    whole = whole * 10 + (c - '0');
                }
            }
            else if (c == '.' && !dot) {
                dot = true;
            }
            else {
                return 0;
            }
        }
        if (before + after == 0 || (dot && after == 0) || (before > 1 && s.charAt(start) == '0')) {
            return 0;
        }
        if (dot || before > 18) {
            this.number = Double.parseDouble(s);
            return dot ? DECIMAL : (INTEGER | DECIMAL);
        }
        this.number = (s.charAt(0) == '-') ? -whole : whole;
        return INTEGER | DECIMAL;
    }

}
