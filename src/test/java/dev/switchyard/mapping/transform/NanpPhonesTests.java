package dev.switchyard.mapping.transform;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path for North American numbers against libphonenumber itself.
 */
class NanpPhonesTests {

    private static final List<String> SHAPES = List.of("(%s) %s-%s", "(%s)%s-%s", "%s-%s-%s", "%s.%s.%s", "%s %s %s",
            "%s%s%s", "+1 %s %s %s", "+1-%s-%s-%s", "+1 (%s) %s-%s", "+1%s%s%s", "+1.%s.%s.%s");

    @Test
    void theFastPathIsOnWithThisLibphonenumber() {
        // off, every number would still be right (through libphonenumber), only slower:
        // a libphonenumber update changed the parsing rules NanpPhones relies on
        assertThat(NanpPhones.load()).isTrue();
    }

    @Test
    void everyAreaCodeGivesWhatLibphonenumberGives() {
        SplittableRandom random = new SplittableRandom(1);
        int valid = 0;
        int invalid = 0;
        for (int area = 200; area <= 999; area++) {
            for (int n = 0; n < 12; n++) {
                String text = number(random, area);
                String region = (n % 3 == 0) ? "CA" : "US";
                PhoneE164.Outcome fast = PhoneE164.nanp(text, region);
                assertThat(fast).as(text).isNotNull().isEqualTo(PhoneE164.libphonenumber(text, region));
                if (fast.e164() != null) {
                    valid++;
                }
                else {
                    invalid++;
                }
            }
        }
        // both answers are well represented
        assertThat(valid).isGreaterThan(1000);
        assertThat(invalid).isGreaterThan(1000);
    }

    @Test
    void numbersWithPlusOneGiveWhatLibphonenumberGivesInAnyRegion() {
        SplittableRandom random = new SplittableRandom(2);
        for (String region : List.of("US", "CA", "GB", "JP", "PR", "XX")) {
            for (int n = 0; n < 2_000; n++) {
                String shape = SHAPES.get(6 + random.nextInt(SHAPES.size() - 6));
                String text = String.format(Locale.ROOT, shape, digits(random, 3, 2), digits(random, 3, 0),
                        digits(random, 4, 0));
                assertThat(PhoneE164.nanp(text, region)).as(text + " in " + region)
                    .isNotNull()
                    .isEqualTo(PhoneE164.libphonenumber(text, region));
            }
        }
    }

    @Test
    void theCaribbeanAndTollFreeNumbersOfCallingCodeOneToo() {
        for (String area : List.of("268", "264", "684", "246", "441", "242", "767", "809", "829", "849", "473", "671",
                "876", "658", "869", "345", "758", "670", "664", "787", "939", "721", "649", "868", "784", "284", "340",
                "800", "833", "844", "855", "866", "877", "888", "900", "500", "521", "533", "544", "566", "577",
                "588")) {
            SplittableRandom random = new SplittableRandom(area.hashCode());
            for (int n = 0; n < 40; n++) {
                String text = area + "-" + digits(random, 3, 0) + "-" + digits(random, 4, 0);
                assertThat(PhoneE164.nanp(text, "US")).as(text).isEqualTo(PhoneE164.libphonenumber(text, "US"));
                String plus = "+1 " + area + " " + digits(random, 3, 0) + " " + digits(random, 4, 0);
                assertThat(PhoneE164.nanp(plus, "JP")).as(plus).isEqualTo(PhoneE164.libphonenumber(plus, "JP"));
            }
        }
    }

    @Test
    void otherShapesAndRegionsAreLeftToLibphonenumber() {
        for (String text : List.of("1-315-538-2900", "(949) 471-7000 ext. 12", "196-794-6794", "096-794-6794",
                "+1 196 794 6794", "949-471-700", "949-471-70000", "949--471-7000", "(949 471-7000", "949) 471-7000",
                "949/471/7000", "+44 20 7946 0018", "+81 3 3543 5523", "949-471-7000 ", "9494717000x12", "n/a", "+1",
                "+1 ", "(949)", "949-471-7O00", "９４９-471-7000")) {
            assertThat(PhoneE164.nanp(text, "US")).as(text).isNull();
        }
        assertThat(PhoneE164.nanp("949-471-7000", "GB")).isNull();
        assertThat(PhoneE164.nanp("03-3543-5523", "JP")).isNull();
        assertThat(PhoneE164.nanp("949-471-7000", "US")).isNotNull();
    }

    @Test
    void leadingDigitsOfDigitsAndClassesAreMatchedAsPrefixesOthersAsPatterns() {
        assertThat(NanpPhones.LeadingDigits.prefixes("268")).containsExactly("268");
        assertThat(NanpPhones.LeadingDigits.prefixes("8001|8[024]9")).containsExactly("8001", "809", "829", "849");
        assertThat(NanpPhones.LeadingDigits.prefixes("6[5-7]8|9")).containsExactly("658", "668", "678", "9");
        for (String other : List.of("(?:268)", "26\\d", "8[^0]9", "26|", "[]", "2[3", "2-3", "8[02-]9")) {
            assertThat(NanpPhones.LeadingDigits.prefixes(other)).as(other).isNull();
        }
        SplittableRandom random = new SplittableRandom(3);
        for (String regex : List.of("268", "8001|8[024]9", "658|876", "787|939", "6[5-7]8|9", "26\\d")) {
            NanpPhones.LeadingDigits leading = NanpPhones.LeadingDigits.of(regex);
            for (int n = 0; n < 20_000; n++) {
                String number = digits(random, 10, 0);
                assertThat(leading.claims(number)).as(regex + " " + number)
                    .isEqualTo(java.util.regex.Pattern.compile(regex).matcher(number).lookingAt());
            }
        }
    }

    private static String number(SplittableRandom random, int area) {
        String shape = SHAPES.get(random.nextInt(SHAPES.size()));
        return String.format(Locale.ROOT, shape, area, digits(random, 3, 0), digits(random, 4, 0));
    }

    private static String digits(SplittableRandom random, int count, int firstAtLeast) {
        StringBuilder digits = new StringBuilder();
        digits.append((char) ('0' + firstAtLeast + random.nextInt(10 - firstAtLeast)));
        for (int i = 1; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

}
