package dev.switchyard.mapping.transform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text to a number, with {@link BigDecimal} only (never {@code double}): accepts the
 * locale's thousands and decimal separators, currency symbols ({@code $}, {@code €},
 * {@code £}, …) and ISO currency codes ({@code USD}) before or after the number,
 * surrounding spaces, and a leading minus or parentheses for negatives. For example
 * {@code "$7,450,000.00 "} is {@code 7450000.00} and {@code "(1,200.50)"} is
 * {@code -1200.50}.
 *
 * <p>
 * Thousands separators must group digits by three ({@code "1,5"} is not fifteen in
 * {@code en-US}); exponents ({@code -1E02}) and percent signs are not accepted. A blank
 * value is null; anything else that does not parse is a {@link TransformException}.
 *
 * @param locale the BCP 47 language tag giving the separators (null: {@code en-US})
 * @param scale the number of decimals to round to, or null to keep the value's own
 * @param rounding the rounding mode for {@code scale} and {@code toInteger} (null:
 * {@link RoundingMode#HALF_UP})
 * @param toInteger whether to round to a whole number and return a {@link Long}
 */
public record ParseNumber(String locale, Integer scale, RoundingMode rounding, boolean toInteger) implements Transform {

    private static final Pattern CURRENCY_CODE_PREFIX = Pattern.compile("^([A-Za-z]{3})\\s*(?=[-+(\\d.,])");

    private static final Pattern CURRENCY_CODE_SUFFIX = Pattern.compile("(?<=[\\d.,)])\\s*([A-Za-z]{3})$");

    /** The separators and number pattern per locale, made once. */
    private static final MemoCache<Syntax> SYNTAX = new MemoCache<>(64);

    /**
     * A plain number in {@code en-US}, keeping its scale.
     */
    public ParseNumber() {
        this(null, null, null, false);
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        if (value == null) {
            return null;
        }
        BigDecimal number;
        if (value instanceof BigDecimal decimal) {
            number = decimal;
        }
        else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        }
        else {
            String text = value.toString().replace('\u00a0', ' ').replace('\u202f', ' ').strip();
            if (text.isEmpty()) {
                return null;
            }
            number = parse(text);
            if (number == null) {
                throw new TransformException(context, value, describe(), "'" + value + "' is not a number");
            }
        }
        RoundingMode mode = (this.rounding != null) ? this.rounding : RoundingMode.HALF_UP;
        try {
            if (this.scale != null) {
                number = number.setScale(this.scale, mode);
            }
            if (this.toInteger) {
                return number.setScale(0, mode).longValueExact();
            }
        }
        catch (ArithmeticException ex) {
            throw new TransformException(context, value, describe(),
                    "'" + value + "' cannot be rounded that way (" + ex.getMessage() + ")");
        }
        return number;
    }

    private BigDecimal parse(String text) {
        Syntax syntax = syntax();
        BigDecimal plainNumber = plainNumber(text, syntax.decimal());
        if (plainNumber != null) {
            return plainNumber;
        }
        boolean negative = false;
        String s = text;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        s = stripCurrency(s);
        if (s.startsWith("-")) {
            if (negative) {
                return null;
            }
            negative = true;
            s = stripCurrency(s.substring(1).strip());
        }
        else if (s.startsWith("+")) {
            s = stripCurrency(s.substring(1).strip());
        }
        char decimal = syntax.decimal();
        char grouping = syntax.grouping();
        if (s.isEmpty() || !syntax.pattern().matcher(s).matches() || s.equals(String.valueOf(decimal))) {
            return null;
        }
        String plain = s.replace(String.valueOf(grouping), "").replace(decimal, '.');
        if (plain.isEmpty()) {
            return null;
        }
        BigDecimal number = new BigDecimal(plain.startsWith(".") ? "0" + plain : plain);
        return negative ? number.negate() : number;
    }

    /**
     * The common case without the general rules: ASCII digits, with at most one decimal
     * separator followed by digits ({@code 7450000}, {@code 7450000.00}, {@code .5}),
     * which those rules read as exactly this number.
     * @return the number, or null when the text is anything else
     */
    private static BigDecimal plainNumber(String text, char decimal) {
        int length = text.length();
        int point = -1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == decimal && point < 0 && i < length - 1) {
                point = i;
            }
            else if (c < '0' || c > '9') {
                return null;
            }
        }
        if (point < 0) {
            return new BigDecimal(text);
        }
        String plain = (decimal == '.') ? text : text.replace(decimal, '.');
        return new BigDecimal((point == 0) ? "0" + plain : plain);
    }

    private Syntax syntax() {
        String key = (this.locale != null) ? this.locale : "";
        Syntax cached = SYNTAX.get(key, null);
        if (cached != null) {
            return cached;
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(javaLocale());
        char decimal = symbols.getDecimalSeparator();
        char grouping = symbols.getGroupingSeparator();
        if (Character.isSpaceChar(grouping)) {
            grouping = ' ';
        }
        String g = Pattern.quote(String.valueOf(grouping));
        String d = Pattern.quote(String.valueOf(decimal));
        Pattern pattern = Pattern.compile("(\\d{1,3}(" + g + "\\d{3})+|\\d+)?(" + d + "\\d+)?");
        return SYNTAX.put(key, null, new Syntax(decimal, grouping, pattern));
    }

    private static String stripCurrency(String text) {
        String s = text;
        while (!s.isEmpty() && Character.getType(s.charAt(0)) == Character.CURRENCY_SYMBOL) {
            s = s.substring(1).strip();
        }
        while (!s.isEmpty() && Character.getType(s.charAt(s.length() - 1)) == Character.CURRENCY_SYMBOL) {
            s = s.substring(0, s.length() - 1).strip();
        }
        var prefix = CURRENCY_CODE_PREFIX.matcher(s);
        if (prefix.find() && isCurrency(prefix.group(1))) {
            s = s.substring(prefix.end()).strip();
        }
        var suffix = CURRENCY_CODE_SUFFIX.matcher(s);
        if (suffix.find() && isCurrency(suffix.group(1))) {
            s = s.substring(0, suffix.start()).strip();
        }
        return s;
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code.toUpperCase(Locale.ROOT));
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private Locale javaLocale() {
        return (this.locale != null && !this.locale.isBlank()) ? Locale.forLanguageTag(this.locale) : Locale.US;
    }

    @Override
    public String describe() {
        StringBuilder rule = new StringBuilder("number (locale ").append(javaLocale().toLanguageTag());
        if (this.scale != null) {
            rule.append(", scale ").append(this.scale);
        }
        if (this.toInteger) {
            rule.append(", whole number");
        }
        if (this.scale != null || this.toInteger) {
            rule.append(", rounding ").append((this.rounding != null) ? this.rounding : RoundingMode.HALF_UP);
        }
        return rule.append(")").toString();
    }

    /**
     * A locale's number syntax.
     *
     * @param decimal the decimal separator
     * @param grouping the thousands separator (a space for any space character)
     * @param pattern a number with them, without sign or currency
     */
    private record Syntax(char decimal, char grouping, Pattern pattern) {

    }

}
