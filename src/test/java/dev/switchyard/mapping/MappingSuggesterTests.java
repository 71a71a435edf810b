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

    @Test
    void suggestsADateTransformThatParsesReportStyleDatesFromThePivotYear() {
        DictionaryField closed = new DictionaryField(0, "Close Date", null, null, FieldType.DATETIME,
                FieldType.DATETIME, null, 17, false, false, false, false, null, false, 1.0, 40L, false, List.of(),
                Map.of("formats", Map.of("dateFormats", List.of(Map.of("format", "MM/dd/yy hh:mm a", "count", 40)),
                        "twoDigitYearPivot", 1950)));
        DictionaryObject source = object("Opportunity", "Id", field("Id", FieldType.ID, List.of()), closed);
        DictionaryObject target = object("deals", "id", generated("id"),
                field("close_date", FieldType.DATE, List.of()));
        MappingSuggester.Result result = this.suggester.suggest(
                new MappingInputs.Inputs(null, List.of(source), "sandbox", 1L, List.of(target)),
                new MappingDocument(0, List.of(new ObjectMapping("Opportunity", "deals", null, null, List.of())),
                        List.of(), List.of()));
        FieldMapping date = result.mapping()
            .object("Opportunity", "deals")
            .orElseThrow()
            .field("close_date")
            .orElseThrow();
        assertThat(date.transforms()).containsExactly(
                new dev.switchyard.mapping.transform.ParseDate(List.of("MM/dd/yy hh:mm a"), true, null, 1950));
        assertThat(date.chain()
            .apply("03/04/24 09:15 PM",
                    new dev.switchyard.mapping.transform.TransformContext("r1", Map.of(), "close_date", null))
            .value()).isEqualTo(java.time.LocalDate.of(2024, 3, 4));
        assertThat(result.suggestions()).filteredOn((s) -> "close_date".equals(s.field()))
            .extracting(Suggestion::description)
            .first()
            .asString()
            .contains("two-digit years are read as 1950–2049");
    }

    @Test
    void offersTheValueAMisspellingMeansToThePicklistMapping() {
        DictionaryField industry = new DictionaryField(0, "Industry", null, null, FieldType.PICKLIST,
                FieldType.PICKLIST, null, 12, false, false, false, false, null, false, 1.0, 3L, false,
                List.of(Map.of("value", "High Tech", "count", 30), Map.of("value", "Retail", "count", 10),
                        Map.of("value", "Hihg Tech", "count", 2)),
                Map.of("nearDuplicates", List.of(Map.of("value", "Hihg Tech", "count", 2, "canonical", "High Tech",
                        "canonicalCount", 30, "edits", 1))));
        DictionaryObject source = object("Account", "Id", field("Id", FieldType.ID, List.of()), industry);
        DictionaryObject target = object("companies", "id", generated("id"), field("industry", FieldType.PICKLIST,
                List.of(Map.of("value", "Technology"), Map.of("value", "Retail"), Map.of("value", "Other"))));
        MappingDocument document = new MappingDocument(0,
                List.of(new ObjectMapping("Account", "companies", null, null,
                        List.of(new FieldMapping("industry", List.of("Industry"),
                                List.of(new dev.switchyard.mapping.transform.PicklistMap(
                                        Map.of("High Tech", "Technology"), null, true)),
                                null)))),
                List.of(), List.of());
        MappingSuggester.Result result = this.suggester
            .suggest(new MappingInputs.Inputs(null, List.of(source), "sandbox", 1L, List.of(target)), document);
        Suggestion misspelt = result.suggestions()
            .stream()
            .filter((s) -> "Hihg Tech".equals(s.value()))
            .findFirst()
            .orElseThrow();
        assertThat(misspelt.valueTarget()).isEqualTo("Technology");
        assertThat(misspelt.description()).contains("likely a misspelling of 'High Tech'");
    }

    @Test
    void aCrmsExternalIdGetsTheSourceIdNeverASourceFieldOfTheSameNameAndAnythingElseIsRefusedAsMatchKey() {
        // a Salesforce source org that has its own Legacy_Id__c, into a Salesforce target
        DictionaryObject source = object("Account", "Id", field("Id", FieldType.ID, List.of()),
                field("Name", FieldType.TEXT, List.of()), field("Legacy_Id__c", FieldType.TEXT, List.of()));
        DictionaryField externalId = new DictionaryField(0, "Legacy_Id__c", "string", FieldType.TEXT, null,
                FieldType.TEXT, 18, null, false, false, true, false, null, false, null, null, false, List.of(),
                Map.of("declared", Map.of("externalId", true)));
        DictionaryObject target = object("Account", "Id", generated("Id"), field("Name", FieldType.TEXT, List.of()),
                externalId);
        MappingInputs.Inputs crm = new MappingInputs.Inputs(null, List.of(source), "sandbox", 1L, List.of(target),
                dev.switchyard.connector.ConnectorType.SALESFORCE);
        MappingSuggester.Result result = this.suggester.suggest(crm, MappingDocument.empty());
        ObjectMapping mapping = result.mapping().object("Account", "Account").orElseThrow();
        assertThat(mapping.matchKey()).isEqualTo("Legacy_Id__c");
        assertThat(mapping.field("Legacy_Id__c").orElseThrow().sources()).containsExactly("Id");

        MappingValidator validator = new MappingValidator(null, new TargetPicklists(null, null), null, null);
        MappingDocument byName = MappingDocument.empty()
            .withObjects(List.of(new ObjectMapping("Account", "Account", null, "Name",
                    List.of(new FieldMapping("Name", List.of("Name"), List.of(), null)))));
        assertThat(validator.validate(crm, byName).errors()).anySatisfy((e) -> assertThat(e.message())
            .contains("Name is not an external-id field of Account", "use Legacy_Id__c"));
        MappingDocument none = MappingDocument.empty()
            .withObjects(List.of(new ObjectMapping("Account", "Account", null, null,
                    List.of(new FieldMapping("Name", List.of("Name"), List.of(), null)))));
        assertThat(validator.validate(crm, none).errors()).anySatisfy((e) -> assertThat(e.message())
            .contains("Account needs a match key: an external-id field holding the source id (Legacy_Id__c)"));
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
