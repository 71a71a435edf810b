package dev.switchyard.mapping.transform;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountriesTests {

    @Test
    void theFastKeyOfAsciiTextIsTheRegularExpressionsKey() {
        List<String> samples = List.of("United States", "U.S.A.", "  the Netherlands ", "Saint Kitts & Nevis",
                "SAINT LUCIA", "saint", "saints", "st. saint", "Saint_Martin", "1saint", "saint1", "saint&saint",
                "&saint&", "x_saint", "Bosnia&Herzegovina", "Korea, Republic of", "Cote d'Ivoire", "", " ", "&", "_",
                "Washington, D.C.", "US-CA", "New\tYork\n", "\u0000saint\u007f");
        for (String sample : samples) {
            assertThat(Countries.key(sample)).as(sample).isEqualTo(Countries.regexKey(sample));
        }
        SplittableRandom random = new SplittableRandom(42);
        String alphabet = "saintSAINTxyz019 _&.,'-()\t";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(16);
            for (int c = 0; c < length; c++) {
                text.append(random.nextInt(8) == 0 ? (char) random.nextInt(128)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String sample = text.toString();
            assertThat(Countries.key(sample)).as(sample).isEqualTo(Countries.regexKey(sample));
        }
    }

    @Test
    void nonAsciiTextIsMatchedByTheRegularExpressions() {
        assertThat(Countries.key("Côte d’Ivoire")).isEqualTo("cotedivoire")
            .isEqualTo(Countries.regexKey("Côte d’Ivoire"));
        assertThat(Countries.key("Österreich")).isEqualTo("osterreich");
    }

    @Test
    void aRepeatedLookupGivesTheSameAnswer() {
        for (int i = 0; i < 3; i++) {
            assertThat(Countries.alpha2("United States")).contains("US");
            assertThat(Countries.alpha2("London")).isEmpty();
            assertThat(Subdivisions.code("US", "California")).contains("CA");
            assertThat(Subdivisions.code("CA", "California")).isEmpty();
            assertThat(Subdivisions.code("AU", "WA")).contains("WA");
            assertThat(Subdivisions.code("AU", "Western Australia")).contains("WA");
            assertThat(Subdivisions.code("US", "Western Australia")).isEmpty();
        }
    }

}
