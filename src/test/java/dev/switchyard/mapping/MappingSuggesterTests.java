package dev.switchyard.mapping;

import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldType;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suggestions from dictionaries alone (no staged records): names with their variants,
 * generated columns left alone, and a picklist matched by its values when no name is
 * alike.
 */
class MappingSuggesterTests {

    private final MappingSuggester suggester = new MappingSuggester(new TargetPicklists(null, null), null);

    @Test
    void matchesNamesPluralsAndSalesforceConventionsButNeverGeneratedColumns() {
        DictionaryObject source = object("accounts", "Id", field("Id", FieldType.ID, List.of()),
                field("Account_Name__c", FieldType.TEXT, List.of()), field("StageName", FieldType.TEXT, List.of()));
        DictionaryObject target = object("account", "id", generated("id"),
                field("account_name", FieldType.TEXT, List.of()), field("stage_name", FieldType.TEXT, List.of()),
                field("legacy_id", FieldType.TEXT, List.of()));
        MappingSuggester.Result result = this.suggester.suggest(
                new MappingInputs.Inputs(null, List.of(source), "sandbox", 1L, List.of(target)),
                MappingDocument.empty());
        assertThat(result.suggestions()).extracting(Suggestion::key)
            .containsExactly("object:accounts>account", "field:accounts>account:account_name",
                    "field:accounts>account:stage_name", "field:accounts>account:legacy_id",
                    "match-key:accounts>account");
        ObjectMapping mapping = result.mapping().object("accounts", "account").orElseThrow();
        assertThat(mapping.matchKey()).isEqualTo("legacy_id");
        assertThat(mapping.field("legacy_id").orElseThrow().sources()).containsExactly("Id");
        assertThat(mapping.field("id")).isEmpty();
    }

    @Test
    void matchesAPicklistByItsValuesWhenNoNameIsAlike() {
        DictionaryObject source = object("Deal__c", "Id", field("Id", FieldType.ID, List.of()),
                field("Phase__c", FieldType.PICKLIST, List.of(Map.of("value", "Closed Won", "count", 40),
                        Map.of("value", "closed lost", "count", 10), Map.of("value", "Qualify", "count", 5))));
        DictionaryObject target = object("deals", "id", generated("id"), field("stage", FieldType.PICKLIST,
                List.of(Map.of("value", "Closed Won"), Map.of("value", "Closed Lost"), Map.of("value", "Open"))));
        MappingSuggester.Result result = this.suggester.suggest(
                new MappingInputs.Inputs(null, List.of(source), "sandbox", 1L, List.of(target)), new MappingDocument(0,
                        List.of(new ObjectMapping("Deal__c", "deals", null, null, List.of())), List.of(), List.of()));
        Suggestion stage = result.suggestions()
            .stream()
            .filter((s) -> "stage".equals(s.field()))
            .findFirst()
            .orElseThrow();
        assertThat(stage.description()).contains("stage ← Phase__c", "values alike: 91%");
        assertThat(MappingSuggester.picklistValues(stage.fieldMapping())).containsEntry("Closed Won", "Closed Won")
            .containsEntry("closed lost", "Closed Lost")
            .doesNotContainKey("Qualify");
    }

    private static DictionaryObject object(String name, String id, DictionaryField... fields) {
        return new DictionaryObject(null, name, name, id, 10L, Map.of(), List.of(fields));
    }

    private static DictionaryField field(String name, FieldType type, List<Map<String, Object>> values) {
        return new DictionaryField(0, name, null, type, null, type, 255, null, false, false, false, false, null, false,
                1.0, null, false, values, Map.of());
    }

    private static DictionaryField generated(String name) {
        return new DictionaryField(0, name, "int8", FieldType.INTEGER, null, FieldType.INTEGER, null, null, true, true,
                true, true, null, false, 1.0, null, false, List.of(), Map.of());
    }

}
