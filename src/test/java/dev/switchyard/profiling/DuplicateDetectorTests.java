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
    void matchesEmailsPhonesAndWebDomainsByTheirNormalisedKeys() {
        DuplicateDetector detector = new DuplicateDetector();
        detector.add("p1", "Ann Smith", "Ann.Smith@Example.com ", null, null);
        detector.add("p2", "A. Smith", "ann.smith@example.com", null, null);
        detector.add("p3", "Bob", null, "+1 (415) 555-0100", null);
        detector.add("p4", "Robert", null, "415.555.0100", null);
        detector.add("p5", "Initech", null, null, "https://www.initech.com/about");
        detector.add("p6", "Initech Europe", null, null, "initech.com");
        detector.add("p7", "Nobody", null, "123", "not a site");
        List<DuplicateGroup> groups = detector.groups();
        assertThat(groups).extracting(DuplicateGroup::recordIds)
            .containsExactly(List.of("p1", "p2"), List.of("p3", "p4"), List.of("p5", "p6"));
        assertThat(groups).extracting(DuplicateGroup::matchedBy)
            .containsExactly(java.util.Set.of(MatchKind.EMAIL), java.util.Set.of(MatchKind.PHONE),
                    java.util.Set.of(MatchKind.WEBSITE));
    }

}
