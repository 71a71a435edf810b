package dev.switchyard.mapping.transform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ParseDate}'s fast path and cached formatters against the formatters alone, as
 * {@link ParseDate} used them before: same value, or both refuse.
 */
class FixedDateFormatTests {

    private static final List<String> PATTERNS = List.of("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "MM/dd/yyyy", "dd/MM/yyyy",
            "yyyy-MM-dd", "dd.MM.yyyy", "yyyy-MM-dd HH:mm", "uuuu/MM/dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssZ",
            "dd-MM-yyyy HH:mm:ss.SSSSSS", "yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static final String MUTATIONS = "0123456789tT +-/.:Z";

    @Test
    void simplePatternsHaveAFastReaderOthersNot() {
        for (String pattern : PATTERNS) {
            assertThat(FixedDateFormat.of(pattern.replace('y', 'u'))).as(pattern).isNotNull();
        }
        for (String pattern : List.of("MMM d, uuuu", "uuuuMMdd", "M/d/uuuu", "uu-MM-dd", "uuuu-MM", "HH:mm",
                "uuuu-MM-dd HH", "uuuu-MM-dd[ HH:mm]", "uuuu-MM-dd'T'HH:mm:ssXXX", "dd/MM/uuuu''", "uuuu-MM-ddZ",
                "uuuu-MM-dd HH:mm.SSS", "uuuu+MM+dd", "uuuu-MM-dd'T'HH:mm:ssSSS", "uuuu-MM-dd 12")) {
            assertThat(FixedDateFormat.of(pattern)).as(pattern).isNull();
        }
    }

    @Test
    void randomAndMutatedTextsGiveWhatTheFormattersGive() {
        SplittableRandom random = new SplittableRandom(7);
        List<List<String>> formatLists = new ArrayList<>();
        PATTERNS.forEach((pattern) -> formatLists.add(List.of(pattern)));
        formatLists.add(List.of("MM/dd/yyyy", "dd/MM/yyyy"));
        formatLists.add(ParseDate.DEFAULT_FORMATS);
        int fast = 0;
        for (List<String> formats : formatLists) {
            for (boolean dateOnly : new boolean[] { true, false }) {
                for (String zone : new String[] { null, "Pacific/Auckland", "America/New_York" }) {
                    ParseDate parse = new ParseDate(formats, dateOnly, zone);
                    for (int n = 0; n < 1_500; n++) {
                        String pattern = formats.get(random.nextInt(formats.size()));
                        String text = sample(pattern.startsWith("ISO_") ? "yyyy-MM-dd'T'HH:mm:ss" : pattern, random);
                        if (random.nextInt(3) == 0) {
                            text = mutate(text, random);
                        }
                        Object expected = reference(formats, dateOnly, zone, text);
                        Object actual;
                        try {
                            actual = parse.apply(text, ParseTestContexts.of("CloseDate"));
                        }
                        catch (TransformException ex) {
                            actual = "refused";
                        }
                        assertThat(actual).as(formats + " " + dateOnly + " " + zone + ": " + text).isEqualTo(expected);
                        if (!"refused".equals(actual)) {
                            fast++;
                        }
                    }
                }
            }
        }
        assertThat(fast).isGreaterThan(5_000);
    }

    /** A text in the pattern's shape with random (often impossible) values. */
    private static String sample(String pattern, SplittableRandom random) {
        String shape = pattern.replace("'T'", "T").replace("'Z'", "Z!");
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < shape.length()) {
            char c = shape.charAt(i);
            int count = 1;
            while (i + count < shape.length() && shape.charAt(i + count) == c && Character.isLetter(c)) {
                count++;
            }
            i += count;
            switch (c) {
                case 'y', 'u' -> text.append(String.format(Locale.ROOT, "%04d",
                        (random.nextInt(10) == 0) ? random.nextInt(10_000) : 1900 + random.nextInt(200)));
                case 'M' -> text.append(String.format(Locale.ROOT, "%02d",
                        (random.nextInt(8) == 0) ? random.nextInt(20) : 1 + random.nextInt(12)));
                case 'd' -> text.append(String.format(Locale.ROOT, "%02d",
                        (random.nextInt(8) == 0) ? random.nextInt(40) : 1 + random.nextInt(31)));
                case 'H' -> text.append(String.format(Locale.ROOT, "%02d", random.nextInt(26)));
                case 'm', 's' -> text.append(String.format(Locale.ROOT, "%02d", random.nextInt(62)));
                case 'S' -> {
                    for (int k = 0; k < count; k++) {
                        text.append((char) ('0' + random.nextInt(10)));
                    }
                }
                case 'Z' -> {
                    if (i < shape.length() && shape.charAt(i) == '!') {
                        text.append('Z');
                        i++;
                    }
                    else {
                        text.append(random.nextBoolean() ? '+' : '-')
                            .append(String.format(Locale.ROOT, "%02d%02d", random.nextInt(20), random.nextInt(62)));
                    }
                }
                default -> text.append(c);
            }
        }
        return text.toString();
    }

    private static String mutate(String text, SplittableRandom random) {
        StringBuilder mutated = new StringBuilder(text);
        int at = random.nextInt(mutated.length() + 1);
        char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
        switch (random.nextInt(4)) {
            case 0 -> mutated.insert(at, c);
            case 1 -> {
                if (at < mutated.length()) {
                    mutated.deleteCharAt(at);
                }
            }
            case 2 -> {
                if (at < mutated.length()) {
                    mutated.setCharAt(at, c);
                }
            }
            default -> mutated.insert(0, random.nextBoolean() ? "+1" : "-");
        }
        return mutated.toString().strip();
    }

    /** ParseDate as it was: every format through its formatter, exceptions and all. */
    private static Object reference(List<String> formats, boolean dateOnly, String zone, String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        ZoneId zoneId = (zone != null && !zone.isBlank()) ? ZoneId.of(zone) : ZoneOffset.UTC;
        for (String format : formats) {
            try {
                TemporalAccessor parsed = ParseDate.formatter(format).parse(text);
                if (dateOnly) {
                    return LocalDate.from(parsed);
                }
                if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                    return OffsetDateTime.from(parsed).withOffsetSameInstant(ZoneOffset.UTC);
                }
                LocalDateTime local = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalDateTime.from(parsed)
                        : LocalDate.from(parsed).atStartOfDay();
                return local.atZone(zoneId).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            }
            catch (DateTimeException ex) {
                // next
            }
        }
        return "refused";
    }

}
