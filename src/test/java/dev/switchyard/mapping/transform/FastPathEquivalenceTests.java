package dev.switchyard.mapping.transform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text and number transforms' fast paths against the code they replace, kept here
 * verbatim as the reference, on random texts made of the characters that matter to each.
 */
class FastPathEquivalenceTests {

    private static final TransformContext CONTEXT = new TransformContext("r1", Map.of(), "Target__c", null);

    @Test
    void trimCollapsesExactlyAsTheRegularExpressionsDo() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "ab  \t\n\r\u000b\f\u00a0\u2003\u202f\u3000\u001f,";
        Trim trim = new Trim(true);
        for (int i = 0; i < 100_000; i++) {
            String text = random(random, alphabet, 12);
            assertThat(trim.apply(text, CONTEXT)).as(escape(text)).isEqualTo(referenceTrim(text));
        }
    }

    @Test
    void titleCaseIsAsBefore() {
        SplittableRandom random = new SplittableRandom(12);
        String alphabet = "aBc1 -'\u2019.éÉß\u01c6\ud801\udc00\ud801\udc28\ud801";
        ChangeCase title = new ChangeCase(ChangeCase.Mode.TITLE);
        for (int i = 0; i < 100_000; i++) {
            String text = random(random, alphabet, 10);
            assertThat(title.apply(text, CONTEXT)).as(escape(text)).isEqualTo(referenceTitle(text));
        }
    }

    @Test
    void numbersAreReadAsBefore() {
        SplittableRandom random = new SplittableRandom(13);
        List<ParseNumber> rules = List.of(new ParseNumber(), new ParseNumber("de-DE", 2, RoundingMode.HALF_EVEN, false),
                new ParseNumber("fr-FR", null, null, true), new ParseNumber("en-US", null, RoundingMode.HALF_UP, true));
        String alphabet = "0123456789012345678901234567890.,. -+()$€ \u00a0\u202fUSD";
        for (int i = 0; i < 100_000; i++) {
            String text = random(random, alphabet, 10);
            ParseNumber rule = rules.get(random.nextInt(rules.size()));
            assertThat(outcome(() -> rule.apply(text, CONTEXT))).as(rule + " " + escape(text))
                .isEqualTo(outcome(() -> referenceNumber(rule, text)));
        }
    }

    @Test
    void addressSegmentsAreSplitAndSpacedAsByTheRegularExpressions() {
        SplittableRandom random = new SplittableRandom(14);
        String alphabet = "ab1 ,,\n\r\t\u000b\f\u00a0";
        Pattern segmentBreak = Pattern.compile("[,\\n\\r]+");
        Pattern whitespace = Pattern.compile("\\s+");
        for (int i = 0; i < 100_000; i++) {
            String text = random(random, alphabet, 12);
            List<String> expected = java.util.Arrays.stream(segmentBreak.split(text))
                .filter((segment) -> !segment.isBlank())
                .toList();
            assertThat(AddressSplit.segments(text).stream().filter((segment) -> !segment.isBlank()).toList())
                .as(escape(text))
                .isEqualTo(expected);
            String stripped = text.strip();
            if (AddressSplit.hasOnlySingleSpaces(stripped)) {
                assertThat(whitespace.matcher(stripped).replaceAll(" ")).as(escape(text)).isEqualTo(stripped);
            }
        }
    }

    private static Object outcome(java.util.function.Supplier<Object> result) {
        try {
            Object value = result.get();
            // BigDecimal equality includes the scale
            return (value instanceof BigDecimal decimal) ? decimal.toString() + "/" + decimal.scale() : value;
        }
        catch (TransformException ex) {
            return "refused: " + ex.getMessage();
        }
    }

    private static String random(SplittableRandom random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
            .forEach((c) -> out
                .append((c >= 0x20 && c < 0x7f) ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\u%04x", c)));
        return out.toString();
    }

    // ------------------------------------------------------------ the code replaced

    private static String referenceTrim(String value) {
        String text = value.strip();
        text = Pattern.compile("[\\h\\x0B\\f]+").matcher(text).replaceAll(" ");
        return Pattern.compile(" ?(\\r\\n|\\n|\\r) ?").matcher(text).replaceAll("$1");
    }

    private static String referenceTitle(String text) {
        StringBuilder result = new StringBuilder(text.length());
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int codePoint = codePoints[i];
            boolean upper = startsWord(codePoints, i);
            result.appendCodePoint(upper ? Character.toTitleCase(codePoint) : Character.toLowerCase(codePoint));
        }
        return result.toString();
    }

    private static boolean startsWord(int[] codePoints, int i) {
        if (i == 0) {
            return true;
        }
        int previous = codePoints[i - 1];
        if (isApostrophe(previous)) {
            return i >= 2 && Character.isLetter(codePoints[i - 2]) && (i == 2 || !isWordPart(codePoints[i - 3]));
        }
        return !isWordPart(previous);
    }

    private static boolean isWordPart(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || isApostrophe(codePoint);
    }

    private static boolean isApostrophe(int codePoint) {
        return codePoint == '\'' || codePoint == '\u2019';
    }

    private static final Pattern CURRENCY_CODE_PREFIX = Pattern.compile("^([A-Za-z]{3})\\s*(?=[-+(\\d.,])");

    private static final Pattern CURRENCY_CODE_SUFFIX = Pattern.compile("(?<=[\\d.,)])\\s*([A-Za-z]{3})$");

    private static Object referenceNumber(ParseNumber rule, Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().replace('\u00a0', ' ').replace('\u202f', ' ').strip();
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal number = parse(rule, text);
        if (number == null) {
            throw new TransformException(CONTEXT, value, rule.describe(), "'" + value + "' is not a number");
        }
        RoundingMode mode = (rule.rounding() != null) ? rule.rounding() : RoundingMode.HALF_UP;
        try {
            if (rule.scale() != null) {
                number = number.setScale(rule.scale(), mode);
            }
            if (rule.toInteger()) {
                return number.setScale(0, mode).longValueExact();
            }
        }
        catch (ArithmeticException ex) {
            throw new TransformException(CONTEXT, value, rule.describe(),
                    "'" + value + "' cannot be rounded that way (" + ex.getMessage() + ")");
        }
        return number;
    }

    private static BigDecimal parse(ParseNumber rule, String text) {
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
        Locale locale = (rule.locale() != null && !rule.locale().isBlank()) ? Locale.forLanguageTag(rule.locale())
                : Locale.US;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        char decimal = symbols.getDecimalSeparator();
        char grouping = symbols.getGroupingSeparator();
        if (Character.isSpaceChar(grouping)) {
            grouping = ' ';
        }
        String g = Pattern.quote(String.valueOf(grouping));
        String d = Pattern.quote(String.valueOf(decimal));
        String pattern = "(\\d{1,3}(" + g + "\\d{3})+|\\d+)?(" + d + "\\d+)?";
        if (s.isEmpty() || !s.matches(pattern) || s.equals(String.valueOf(decimal))) {
            return null;
        }
        String plain = s.replace(String.valueOf(grouping), "").replace(decimal, '.');
        if (plain.isEmpty()) {
            return null;
        }
        BigDecimal number = new BigDecimal(plain.startsWith(".") ? "0" + plain : plain);
        return negative ? number.negate() : number;
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

}
