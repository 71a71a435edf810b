package dev.switchyard.profiling;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicate candidates on real and crafted records.
 */
class DuplicateDetectorTests {

    private static String text(Map<String, Object> row, String field) {
        return (String) row.get(field);
    }

    @Test
    void groupsTheTwoNissanMotorsAccountsOfTheMashmatrixExport() {
        DuplicateDetector detector = new DuplicateDetector();
        for (Map<String, Object> row : Mashmatrix.rows("Account")) {
            detector.add(text(row, "Id"), text(row, "Name"), null, text(row, "Phone"), text(row, "Website"));
        }
        List<DuplicateGroup> groups = detector.groups();
        assertThat(groups).singleElement().satisfies((group) -> {
            assertThat(group.recordIds()).containsExactly("001f4000009wJD7AAM", "001f4000003NkdGAAS");
            assertThat(group.matchedBy()).containsExactlyInAnyOrder(MatchKind.NAME, MatchKind.PHONE);
            assertThat(group.score()).isEqualTo(1.0);
            assertThat(group.examples()).extracting(Example::value).containsOnly("nissan motors");
        });
        ObjectProfile account = Mashmatrix.profile("Account");
        assertThat(Findings.of(account, groups)).filteredOn((f) -> f.kind() == Finding.Kind.DUPLICATE_CANDIDATES)
            .singleElement()
            .satisfies((f) -> {
                assertThat(f.count()).isEqualTo(2);
                assertThat(f.examples()).extracting(Example::recordId)
                    .containsExactly("001f4000009wJD7AAM", "001f4000003NkdGAAS");
                assertThat(f.message()).contains("NAME, PHONE");
            });
    }

    @Test
    void ignoresAnEmailAddressSharedByTooManyContactsAndDoesNotConfuseNamesSharingAFirstName() {
        DuplicateDetector detector = new DuplicateDetector();
        for (Map<String, Object> row : Mashmatrix.rows("Contact")) {
            detector.add(text(row, "Id"), text(row, "Name"), text(row, "Email"), text(row, "Phone"), null);
        }
        assertThat(detector.groups()).as("one e-mail for all 133; Matthew Johnson is no Matthew Jones").isEmpty();
    }

    @Test
    void matchesNamesDifferingOnlyInCaseAccentsPunctuationAndLegalSuffix() {
        DuplicateDetector detector = new DuplicateDetector();
        detector.add("a1", "Acme, Inc.", null, null, null);
        detector.add("a2", "ACME Corp", null, null, null);
        detector.add("a3", "Acmé", null, null, null);
        detector.add("a4", "Kabushiki Toyo K.K.", null, null, null);
        detector.add("a5", "kabushiki toyo", null, null, null);
        detector.add("a6", "Globex", null, null, null);
        assertThat(detector.groups()).extracting(DuplicateGroup::recordIds)
            .containsExactly(List.of("a1", "a2", "a3"), List.of("a4", "a5"));
    }

    @Test
    void matchesSimilarNamesWithAScoreBelowOne() {
        DuplicateDetector detector = new DuplicateDetector();
        detector.add("c1", "Johnson Controls", null, null, null);
        detector.add("c2", "Johnsen Controls", null, null, null);
        detector.add("c3", "General Electric", null, null, null);
        detector.add("c4", "General Motors", null, null, null);
        assertThat(detector.groups()).singleElement().satisfies((group) -> {
            assertThat(group.recordIds()).containsExactly("c1", "c2");
            assertThat(group.matchedBy()).containsExactly(MatchKind.SIMILAR_NAME);
            assertThat(group.score()).isBetween(0.92, 0.999);
        });
    }

    @Test
    void matchesASharedEmailByItsNormalisedKeyButNotAPhoneOrDomainAlone() {
        DuplicateDetector detector = new DuplicateDetector();
        detector.add("p1", "Ann Smith", "Ann.Smith@Example.com ", null, null);
        detector.add("p2", "A. Smith", "ann.smith@example.com", null, null);
        detector.add("p3", "Bob", null, "+1 (415) 555-0100", null);
        detector.add("p4", "Robert", null, "415.555.0100", null);
        detector.add("p5", "Initech", null, null, "https://www.initech.com/about");
        detector.add("p6", "Initrode", null, null, "initech.com");
        detector.add("p7", "Nobody", null, "123", "not a site");
        List<DuplicateGroup> groups = detector.groups();
        assertThat(groups).extracting(DuplicateGroup::recordIds).containsExactly(List.of("p1", "p2"));
        assertThat(groups).extracting(DuplicateGroup::matchedBy).containsExactly(java.util.Set.of(MatchKind.EMAIL));
    }

    @Test
    void matchesAPhoneOrDomainWhenTheNamesAreAlikeToo() {
        DuplicateDetector detector = new DuplicateDetector();
        detector.add("c1", "Globex Industries", null, "+1 (415) 555-0100", null);
        detector.add("c2", "Globex Industres", null, "415.555.0100", null);
        detector.add("c3", "Umbrella", null, null, null);
        assertThat(detector.groups()).singleElement().satisfies((group) -> {
            assertThat(group.recordIds()).containsExactly("c1", "c2");
            assertThat(group.matchedBy()).containsExactlyInAnyOrder(MatchKind.SIMILAR_NAME, MatchKind.PHONE);
        });
    }

    @Test
    void staysQuietOnASharedSwitchboardNumberNamesDifferingOnlyByAPlaceAndRepeatedProductLines() {
        DuplicateDetector contacts = new DuplicateDetector();
        contacts.add("k1", "Maria Garcia", "maria@acme.com", "+1 212 555 0100", null);
        contacts.add("k2", "Kenji Sato", "kenji@acme.com", "+1 212 555 0100", null);
        contacts.add("k3", "Lena Weber", "lena@acme.com", "+1 212 555 0100", null);
        contacts.add("k4", "Omar Haddad", "omar@acme.com", "+1 212 555 0100", null);
        contacts.add("k5", "Ana Lima", "ana@acme.com", "+1 212 555 0199", null);
        contacts.add("k6", "Tom Berg", "tom@acme.com", "+1 212 555 0199", null);
        assertThat(contacts.groups()).as("a switchboard number is no evidence").isEmpty();

        DuplicateDetector accounts = new DuplicateDetector();
        accounts.add("a1", "Nissan Motors", null, "+81 3 3543 5523", "nissan.co.jp");
        accounts.add("a2", "Nissan Motors Europe", null, "+44 20 7946 0000", "nissan.co.jp");
        accounts.add("a3", "Acme Japan", null, null, null);
        accounts.add("a4", "Acme", null, null, null);
        assertThat(accounts.groups()).as("branches named after where they are").isEmpty();

        DuplicateDetector deals = new DuplicateDetector();
        String[] products = { "System Assessment", "Pilot 100 users", "Proof of Concept", "Training 30 hours" };
        for (int i = 0; i < 40; i++) {
            deals.add("o" + i, products[i % products.length], null, null, null);
        }
        deals.add("o40", "Migration Proposal", null, null, null);
        deals.add("o41", "Migration Proposal", null, null, null);
        assertThat(deals.groups()).as("deals named after the product line they sell").isEmpty();
    }

}
