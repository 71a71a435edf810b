package dev.switchyard.mapping.transform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchyard.mapping.transform.AddressSplit.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AddressSplitTests {

    private static final Path TESTCASES = Path
        .of("src/test/resources/data/address-formatting-testcases/testcases/countries");

    private static final Path MASHMATRIX = Path.of("src/test/resources/data/sf-export-mashmatrix");

    @Test
    void theBriefsExampleKeepsTheSuiteInTheStreetAndReadsCityStateAndZipPlusFour() {
        assertThat(split("12 Main St, Suite 4, Glendale(AZ) 85301-1234", "US")).containsExactly("12 Main St, Suite 4",
                "Glendale", "AZ", "85301-1234", null);
    }

    @Test
    void salesforceCompoundAddressExportsAreRead() throws IOException {
        // mashmatrix Contact.csv MailingAddress of "Emma Brown" (city with its state in
        // parentheses)
        String emma = compoundAddress("Contact.csv", "South Lake Tahoe(CA)");
        assertThat(split(emma, "US")).containsExactly("9569 Kathy St.", "South Lake Tahoe", "CA", "96308", "US");
        // mashmatrix Account.csv BillingAddress of "Xerox Corporation": the ZIP lost its
        // leading zero
        String xerox = compoundAddress("Account.csv", "Norwalk");
        assertThat(split(xerox, "US")).containsExactly("45 Glover Ave.", "Norwalk", "CT", "06850", "US");
    }

    @Test
    void mashmatrixFieldsJoinedIntoOneLineAreSplitBack() {
        // mashmatrix Account.csv "Burton Snowboards": BillingStreet, City, State,
        // PostalCode (5403), Country
        assertThat(split("30 Community Dr Ste 3, South Burlington, VT 5403, United States", "US"))
            .containsExactly("30 Community Dr Ste 3", "South Burlington", "VT", "05403", "US");
        // mashmatrix Account.csv "facebook": its BillingStreet has two spaces before
        // "Suite"
        assertThat(split("156 University Avenue  Suite 300, Palo Alto, CA 94301, United States", "US"))
            .containsExactly("156 University Avenue Suite 300", "Palo Alto", "CA", "94301", "US");
        // mashmatrix Account.csv "Research In Motion" (Canada)
        assertThat(split("295 Phillip Street, Waterloo, ON N2L 3W8, Canada", "US"))
            .containsExactly("295 Phillip Street", "Waterloo", "ON", "N2L 3W8", "CA");
        // coral-cloud data-Contact.json ContactRef71: a state that is also a country name
        assertThat(split("57404 Reindahl Alley, Atlanta, Georgia 30323", "US")).containsExactly("57404 Reindahl Alley",
                "Atlanta", "GA", "30323", null);
        // coral-cloud data-Contact.json ContactRef8
        assertThat(split("237 Cordelia Drive, Washington, District of Columbia 20370, United States", "US"))
            .containsExactly("237 Cordelia Drive", "Washington", "DC", "20370", "US");
    }

    @Test
    void withoutCommasTheCityFollowsTheLastStreetWord() {
        // mashmatrix Contact.csv "Emma Brown": MailingStreet, MailingCity and
        // MailingPostalCode on one line
        assertThat(split("9569 Kathy St. South Lake Tahoe(CA) 96308", "US")).containsExactly("9569 Kathy St.",
                "South Lake Tahoe", "CA", "96308", null);
        // mashmatrix Account.csv "Redwood Trust": BillingStreet with a suite number,
        // City, State, PostalCode
        assertThat(split("One Belvedere Place Suite 300 Mill Valley CA 94941", "US"))
            .containsExactly("One Belvedere Place Suite 300", "Mill Valley", "CA", "94941", null);
    }

    @Test
    void unitedStatesTestcasesOfAddressFormattingAreSplit() throws IOException {
        // address-formatting-testcases us.yaml
        assertThat(split(expected("us.yaml", "house number in California"), null))
            .containsExactly("301 Hamilton Avenue", "Palo Alto", "CA", "94303", "US");
        assertThat(split(expected("us.yaml", "state code for Washington, D.C."), null)).containsExactly(null,
                "Washington", "DC", "20500", "US");
        assertThat(split(expected("us.yaml", "Library in Charlotte Amalie, 18.34119,-64.93546"), null)).containsExactly(
                "Enid M Baa Library and Archives, Dronningens Gade", "Charlotte Amalie", "VI", "00803", "US");
    }

    @Test
    void canadianTestcasesOfAddressFormattingAreSplit() throws IOException {
        // address-formatting-testcases ca.yaml
        assertThat(split(expected("ca.yaml", "London treated as county - 42.95608,-81.23792"), null))
            .containsExactly("6 Cowan Avenue", "London", "ON", "N6C 2W9", "CA");
        assertThat(split(expected("ca.yaml", "locality"), null)).containsExactly("7931 Tenth Line", "Halton Hills",
                "ON", "L5N 8P7", "CA");
        assertThat(split(expected("ca.yaml", "postcode and suburb"), null)).containsExactly("Parkdale", "Toronto", "ON",
                "M6K 1V2", "CA");
    }

    @Test
    void britishTestcasesGiveThePostcodePostTownAndCountry() throws IOException {
        // address-formatting-testcases gb.yaml: no states in British addresses
        List<String> lokku = split(expected("gb.yaml", "Lokku office"), null);
        assertThat(lokku.subList(1, 5)).containsExactly("London", null, "EC1M 5RF", "GB");
        assertThat(lokku.get(0)).endsWith("82 Clerkenwell Road");
        List<String> hilton = split(expected("gb.yaml", "village in Cambridgeshire, 52.281523,-0.115179"), null);
        assertThat(hilton.subList(1, 5)).containsExactly("Hilton", null, "PE28 9QA", "GB");
    }

    @Test
    void otherCountriesGiveTheirNumericPostalCodeAndCountry() {
        // mashmatrix Account.csv "Fujitsu": BillingStreet, City, PostalCode, Country
        // joined (its BillingState "CO" left out)
        List<String> tokyo = split("1-5-2 Higashi-Shimbashi, Tokyo 105-7123, Japan", "US");
        assertThat(tokyo.get(3)).isEqualTo("105-7123");
        assertThat(tokyo.get(4)).isEqualTo("JP");
    }

    @Test
    void aTextWithNoPostalCodeStateOrCountryFails() {
        // mashmatrix Account.csv BillingStreet of "Gateway" alone
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new AddressSplit(Part.CITY, "US").apply("Gateway, Inc. 7565 Irvine Center Drive",
                    ParseTestContexts.of("BillingCity")))
            .withMessageContaining("no postal code, state or country found");
        assertThat(new AddressSplit(Part.CITY, "US").apply("  ", ParseTestContexts.of("BillingCity"))).isNull();
    }

    @Test
    void anAddressReadOnceGivesEveryPartAndCountryAsReadAfresh() {
        // the parts are remembered per text and default country: every part, both
        // countries and more addresses than the memo holds, twice
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            addresses.add((i + 1) + " Main St" + ((i % 3 == 0) ? ", Suite " + i : "") + ", Glendale(AZ) "
                    + String.format(java.util.Locale.ROOT, "%05d", 85000 + i));
        }
        addresses.add("295 Phillip Street, Waterloo, ON N2L 3W8");
        addresses.add("10 Downing Street, London SW1A 2AA");
        addresses.add("Main Street");
        for (int round = 0; round < 2; round++) {
            for (String address : addresses) {
                for (String country : List.of("US", "CA", "GB")) {
                    AddressSplit.Parts fresh = new AddressSplit(Part.STREET, country).parse(address);
                    for (Part part : Part.values()) {
                        Object expected = (fresh != null) ? fresh.get(part) : "refused";
                        Object actual;
                        try {
                            actual = new AddressSplit(part, country).apply(address, ParseTestContexts.of("Address"));
                        }
                        catch (TransformException ex) {
                            actual = "refused";
                        }
                        assertThat(actual).as(address + " " + country + " " + part).isEqualTo(expected);
                    }
                }
            }
        }
    }

    private static List<String> split(String text, String defaultCountry) {
        List<String> parts = new ArrayList<>();
        for (Part part : Part.values()) {
            parts.add((String) new AddressSplit(part, defaultCountry).apply(text, ParseTestContexts.of("Address")));
        }
        return parts;
    }

    /**
     * The {@code expected} text of the first testcase with this description.
     */
    private static String expected(String file, String description) throws IOException {
        for (String document : Files.readString(TESTCASES.resolve(file)).split("\n---")) {
            List<String> lines = Arrays.asList(document.split("\n"));
            if (lines.stream().noneMatch((line) -> line.strip().equals("description: " + description))) {
                continue;
            }
            Map<Integer, String> block = new LinkedHashMap<>();
            boolean inBlock = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("expected:")) {
                    inBlock = true;
                }
                else if (inBlock && line.startsWith(" ") && !line.isBlank()) {
                    block.put(i, line.strip());
                }
                else if (inBlock) {
                    break;
                }
            }
            return String.join("\n", block.values());
        }
        throw new IllegalArgumentException(description);
    }

    /**
     * The compound-address JSON column of the mashmatrix row whose city is given.
     */
    private static String compoundAddress(String file, String city) throws IOException {
        Matcher json = Pattern.compile("\"(\\{\"\"city\"\":\"\"" + Pattern.quote(city) + "\"\"[^}]*})\"")
            .matcher(Files.readString(MASHMATRIX.resolve(file)));
        assertThat(json.find()).isTrue();
        return json.group(1).replace("\"\"", "\"");
    }

}
