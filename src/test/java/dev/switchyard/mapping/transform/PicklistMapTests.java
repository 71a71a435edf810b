package dev.switchyard.mapping.transform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Picklist and multi-select mapping of real picklist values from apex-recipes, mashmatrix
 * and coral-cloud.
 */
class PicklistMapTests {

    private static final List<String> STANDARD_STAGES = List.of("Prospecting", "Qualification", "Needs Analysis",
            "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote",
            "Negotiation/Review", "Closed Won", "Closed Lost");

    private static Map<String, String> standardStagesPlus(String source, String target) {
        Map<String, String> values = new LinkedHashMap<>();
        STANDARD_STAGES.forEach((stage) -> values.put(stage, stage));
        values.put(source, target);
        return values;
    }

    @Test
    void apexRecipesStagesMapToStandardStagesAndTheUnknownOnesAreRefusedOneByOne() {
        PicklistMap stages = new PicklistMap(standardStagesPlus("Closed/Won", "Closed Won"), null, false);
        List<Map<String, Object>> opportunities = TextSamples.sObjectTree("sf-apex-recipes/data/Opportunities.json");
        int mapped = 0;
        int closedWon = 0;
        Map<String, Integer> unmapped = new LinkedHashMap<>();
        for (Map<String, Object> opportunity : opportunities) {
            TransformContext context = TextSamples.context(opportunity, "StageName", null);
            try {
                Object stage = stages.apply(opportunity.get("StageName"), context);
                assertThat(STANDARD_STAGES).contains((String) stage);
                mapped++;
                closedWon += "Closed Won".equals(stage) ? 1 : 0;
            }
            catch (TransformException ex) {
                assertThat(ex).hasMessageContaining("no mapping for value '" + opportunity.get("StageName") + "'");
                unmapped.merge(ex.getValue(), 1, Integer::sum);
            }
        }
        assertThat(opportunities).hasSize(50);
        assertThat(mapped).isEqualTo(42);
        assertThat(closedWon).isEqualTo(3);
        assertThat(unmapped).containsExactly(Map.entry("Assigned dynamically", 8));
    }

    @Test
    void aDefaultValueTakesTheUnmappedStages() {
        PicklistMap stages = new PicklistMap(standardStagesPlus("Closed/Won", "Closed Won"), "Prospecting", false);
        List<Object> mapped = TextSamples.sObjectTree("sf-apex-recipes/data/Opportunities.json")
            .stream()
            .map((row) -> stages.apply(row.get("StageName"), TextSamples.context(row, "StageName", null)))
            .toList();
        assertThat(mapped).hasSize(50).allSatisfy((stage) -> assertThat(STANDARD_STAGES).contains((String) stage));
        assertThat(mapped.stream().filter("Prospecting"::equals).count()).isEqualTo(8);
    }

    @Test
    void caseInsensitiveMatchingMapsAllMashmatrixStagesFromLowerCaseKeys() {
        Map<String, String> lowerCase = new LinkedHashMap<>();
        STANDARD_STAGES.forEach((stage) -> lowerCase.put(stage.toLowerCase(java.util.Locale.ROOT), stage));
        PicklistMap stages = new PicklistMap(lowerCase, null, true);
        List<Map<String, Object>> opportunities = TextSamples.mashmatrix("Opportunity");
        assertThat(opportunities).hasSize(774)
            .allSatisfy((row) -> assertThat(stages.apply(row.get("StageName"), TextSamples.context(row, "S", null)))
                .isEqualTo(row.get("StageName")));
        PicklistMap exact = new PicklistMap(lowerCase, null, false);
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> exact.apply("Closed Won", TextSamples.context(opportunities.get(0), "S", null)));
    }

    @Test
    void blankPassesThroughAsNullAndValuesAreMatchedTrimmed() {
        Map<String, Object> noIndustry = TextSamples.mashmatrix("Account")
            .stream()
            .filter((row) -> "".equals(row.get("Industry")))
            .findFirst()
            .orElseThrow();
        PicklistMap industry = new PicklistMap(Map.of("Software", "Technology"), null, false);
        TransformContext context = TextSamples.context(noIndustry, "Industry", null);
        assertThat(industry.apply(noIndustry.get("Industry"), context)).isNull();
        assertThat(industry.apply(null, context)).isNull();
        assertThat(industry.apply(" Software ", context)).isEqualTo("Technology");
    }

    @Test
    void keysThatClashIgnoringCaseAreRefusedWhenCaseInsensitive() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new PicklistMap(Map.of("Closed Won", "A", "closed won", "B"), null, true));
        assertThat(new PicklistMap(Map.of("Closed Won", "A", "closed won", "B"), null, false).values()).hasSize(2);
    }

    @Test
    void coralCloudInterestsWithAmpersandsMapAsOneMultiSelectWithDuplicatesRemoved() {
        Map<String, String> interests = new LinkedHashMap<>();
        interests.put("Tennis & Pickleball", "Racket Sports");
        interests.put("Golf", "Golf");
        interests.put("Swimming Pools", "Water");
        interests.put("Water Sports", "Water");
        interests.put("Beaches & Snorkeling", "Water");
        MultiPicklistMap multi = new MultiPicklistMap(interests, "Other", false);
        Concatenate joined = new Concatenate(List.of("Interest1__c", "Interest2__c", "Interest3__c"), ";", true);
        List<Map<String, Object>> contacts = TextSamples.sObjectTree("sf-coral-cloud/data/data-Contact.json");
        int withDuplicates = 0;
        for (Map<String, Object> contact : contacts) {
            TransformContext context = TextSamples.context(contact, "Interests__c", null);
            String source = (String) joined.apply(null, context);
            String target = (String) multi.apply(source, context);
            List<String> values = Arrays.asList(target.split(";"));
            assertThat(values).doesNotHaveDuplicates()
                .isSubsetOf("Racket Sports", "Golf", "Water", "Other")
                .hasSizeLessThanOrEqualTo(3);
            if (values.size() < source.split(";").length) {
                withDuplicates++;
            }
        }
        assertThat(contacts).hasSize(156);
        assertThat(withDuplicates).isPositive();
        TransformContext context = TextSamples.context(contacts.get(0), "Interests__c", null);
        assertThat(multi.apply("Swimming Pools;Tennis & Pickleball;Water Sports;Golf", context))
            .isEqualTo("Water;Racket Sports;Golf");
        assertThat(multi.apply(List.of("Golf", "Spa & Wellness"), context)).isEqualTo("Golf;Other");
        assertThat(multi.apply(" ; ", context)).isNull();
    }

    @Test
    void unmappedMultiSelectValuesAreNamedTogetherWithoutADefault() {
        MultiPicklistMap multi = new MultiPicklistMap(Map.of("golf", "Golf"), null, true);
        TransformContext context = new TransformContext("ContactRef1", Map.of(), "Interests__c", null);
        assertThat(multi.apply("GOLF;golf", context)).isEqualTo("Golf");
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> multi.apply("Dining Experiences;Golf;Cultural Tours & Workshops", context))
            .withMessageContaining("no mapping for values 'Dining Experiences', 'Cultural Tours & Workshops'");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new MultiPicklistMap(Map.of("Golf", "Golf;Tennis"), null, false));
    }

}
