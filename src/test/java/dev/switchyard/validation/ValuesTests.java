package dev.switchyard.validation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.switchyard.support.TestFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How validation compares values and what its content checks catch, on the "naughty
 * strings" of the apex-recipes opportunities (Korean, Chinese, Japanese, emoticons,
 * exponents) and the mashmatrix accounts' multi-line descriptions.
 */
class ValuesTests {

    @Test
    void comparesByValueNotByTextForm() {
        assertThat(Values.same(new BigDecimal("100.50"), new BigDecimal("100.5"))).isTrue();
        assertThat(Values.same(new BigDecimal("100"), 100L)).isTrue();
        assertThat(Values.same(12.5d, new BigDecimal("12.50"))).isTrue();
        assertThat(Values.same(new BigDecimal("12.345"), new BigDecimal("12.35"))).isFalse();
        assertThat(Values.same(OffsetDateTime.of(2024, 6, 14, 10, 0, 0, 0, ZoneOffset.ofHours(2)),
                OffsetDateTime.of(2024, 6, 14, 8, 0, 0, 0, ZoneOffset.UTC)))
            .isTrue();
        assertThat(Values.same(LocalDateTime.of(2024, 6, 14, 8, 0), LocalDateTime.of(2024, 6, 14, 8, 0, 0, 0)))
            .isTrue();
        assertThat(Values.same("", null)).isTrue();
        assertThat(Values.same("null", null)).isFalse();
        assertThat(Values.same("Acme ", "Acme")).isFalse();
        assertThat(Values.same(List.of("a", "b"), "a;b")).isTrue();
    }

    @Test
    void nonLatinTextOfARealExportIsCheckedAndItsDamageFound() throws Exception {
        List<String> descriptions = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder()
            .ofNamedCsvRecord(TestFiles.data("sf-apex-recipes/data/Opportunities.csv"), StandardCharsets.UTF_8)) {
            csv.forEach((row) -> descriptions.add(row.getField("description")));
        }
        List<String> nonLatin = descriptions.stream().filter(Values::beyondLatin).toList();
        assertThat(nonLatin).contains("사회과학원 어학연구소", "部落格", "울란바토르");
        for (String text : nonLatin) {
            assertThat(Values.Check.NON_LATIN.applies(text, text, text)).isTrue();
            assertThat(Values.Check.NON_LATIN.fails(text, text, text)).as(text).isFalse();
            String mangled = text.replaceAll("[^\\x00-\\x7F]", "?");
            assertThat(Values.Check.NON_LATIN.fails(text, text, mangled)).as(mangled).isTrue();
            String replaced = text.replaceAll("[^\\x00-\\x7F]", "\uFFFD");
            assertThat(Values.Check.NON_LATIN.fails(text, text, replaced)).isTrue();
        }
        // Latin text, exponents and superscripts are not the check's business
        assertThat(Values.Check.NON_LATIN.applies("-1E02", "-1E02", "-1E02")).isFalse();
        assertThat(Values.Check.NON_LATIN.applies("Crème brûlée", "Crème brûlée", "Creme brulee")).isFalse();
    }

    @Test
    void lineBreaksTruncationNullStringsAndShiftedDates() {
        String text = "Line one\r\nLine two\nLine three";
        assertThat(Values.Check.LINE_BREAKS.applies(text, text, text)).isTrue();
        assertThat(Values.Check.LINE_BREAKS.fails(text, text, "Line one\nLine two\nLine three")).isFalse();
        assertThat(Values.Check.LINE_BREAKS.fails(text, text, "Line one Line two Line three")).isTrue();
        assertThat(Values.Check.LINE_BREAKS.applies("one line", "one line", "one line")).isFalse();

        assertThat(Values.Check.TRUNCATION.fails(text, text, "Line one\r\nLi")).isTrue();
        assertThat(Values.Check.TRUNCATION.fails(text, text, text)).isFalse();

        assertThat(Values.Check.NULL_STRING.applies("", null, "null")).isTrue();
        assertThat(Values.Check.NULL_STRING.fails("", null, "null")).isTrue();
        assertThat(Values.Check.NULL_STRING.fails("", null, "NULL")).isTrue();
        assertThat(Values.Check.NULL_STRING.fails("", null, null)).isFalse();
        assertThat(Values.Check.NULL_STRING.applies("Acme", "Acme", "null")).isFalse();

        assertThat(Values.Check.DATE_ONLY.applies("2024-06-14", LocalDate.of(2024, 6, 14), LocalDate.of(2024, 6, 13)))
            .isTrue();
        assertThat(Values.Check.DATE_ONLY.fails("2024-06-14", LocalDate.of(2024, 6, 14), LocalDate.of(2024, 6, 13)))
            .isTrue();
        assertThat(Values.Check.DATE_ONLY.fails("2024-06-14", LocalDate.of(2024, 6, 14), LocalDate.of(2024, 6, 14)))
            .isFalse();
        // a date-only value in a timestamp column, shifted by a time zone
        assertThat(Values.Check.DATE_ONLY.fails("2024-06-14", LocalDate.of(2024, 6, 14),
                OffsetDateTime.of(2024, 6, 13, 22, 0, 0, 0, ZoneOffset.UTC)))
            .isTrue();
    }

}
