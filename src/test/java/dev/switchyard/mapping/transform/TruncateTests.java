package dev.switchyard.mapping.transform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Truncation of real texts, always with a note.
 */
class TruncateTests {

    @Test
    void truncatingRealAccountDescriptionsToTheTargetLengthNotesEveryCut() {
        List<Map<String, Object>> accounts = TextSamples.mashmatrix("Account");
        Truncate truncate = new Truncate(null);
        int cut = 0;
        for (Map<String, Object> account : accounts) {
            TransformContext context = TextSamples.context(account, "Description__c", 255);
            String description = (String) account.get("Description");
            String result = (String) truncate.apply(description, context);
            assertThat(result.codePointCount(0, result.length())).isLessThanOrEqualTo(255);
            if (description.length() > 255) {
                cut++;
                assertThat(result).isEqualTo(description.substring(0, 255));
                assertThat(context.notes())
                    .containsExactly("truncated from " + description.length() + " to 255 characters");
            }
            else {
                assertThat(result).isSameAs(description);
                assertThat(context.notes()).isEmpty();
            }
        }
        assertThat(cut).isEqualTo(76);
    }

    @Test
    void truncationCountsCodePointsAndNeverSplitsAnEmoji() {
        // apex-recipes Opportunity "Malagasy ground boa": 7 code points, 11 chars
        String monkeys = TextSamples.sObjectTree("sf-apex-recipes/data/Opportunities.json")
            .stream()
            .filter((row) -> "Malagasy ground boa".equals(row.get("name")))
            .map((row) -> (String) row.get("description"))
            .findFirst()
            .orElseThrow();
        assertThat(monkeys).isEqualTo("🐵 🙈 🙉 🙊");
        TransformContext context = new TransformContext("OpportunityRef", Map.of(), "Description", 7);
        assertThat(new Truncate(null).apply(monkeys, context)).isEqualTo(monkeys);
        assertThat(context.notes()).isEmpty();
        assertThat(new Truncate(3).apply(monkeys, context)).isEqualTo("🐵 🙈");
        assertThat(context.notes()).containsExactly("truncated from 7 to 3 characters");
    }

    @Test
    void withoutAnyLengthTheValuePassesUnchanged() {
        TransformContext context = new TransformContext("r", Map.of(), "Description", null);
        assertThat(new Truncate(null).apply("x".repeat(1000), context)).isEqualTo("x".repeat(1000));
        assertThat(new Truncate(5).apply(null, context)).isNull();
        assertThat(context.notes()).isEmpty();
    }

}
