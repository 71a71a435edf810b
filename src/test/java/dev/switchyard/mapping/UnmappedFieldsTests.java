package dev.switchyard.mapping;

import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldType;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which source fields an object mapping sends nowhere, with what profiling saw in them,
 * the analyst's decisions, and validation's warnings about those nobody decided.
 */
class UnmappedFieldsTests {

    private static final DictionaryObject ACCOUNT = new DictionaryObject(1L, "Account", "Account.csv", "Id", 10L,
            Map.of(),
            List.of(field(0, "Id", 1.0, List.of()), field(1, "Name", 1.0, List.of()),
                    field(2, "Fax", 0.3, List.of(top("+1 555 0100", 2), top("+1 555 0199", 1))),
                    field(3, "Description", 0.9,
                            List.of(top("x".repeat(100), 1), top("a", 1), top("b", 1), top("c", 1))),
                    field(4, "Jigsaw", 0.0, List.of()), field(5, "Site", 0.1, List.of(top("HQ", 1))),
                    field(6, "Rating", null, List.of())));

    private static final MappingInputs.Inputs INPUTS = new MappingInputs.Inputs(1L, List.of(ACCOUNT), "sandbox", 2L,
            List.of());

    @Test
    void listsTheFieldsNoObjectMappingReadsWithFillRateAndFrequentValues() {
        ObjectMapping account = account(List.of());
        UnmappedFields.View view = UnmappedFields.of(INPUTS, document(account), account);
        assertThat(view.sourceKnown()).isTrue();
        // Id is the record id (the cross-reference keeps it), Name is mapped, Jigsaw is
        // empty
        assertThat(view.fields()).extracting(UnmappedFields.Field::name)
            .containsExactly("Fax", "Description", "Site", "Rating");
        assertThat(view.empty()).containsExactly("Jigsaw");
        UnmappedFields.Field fax = view.fields().get(0);
        assertThat(fax.fillRate()).isEqualTo(0.3);
        assertThat(fax.filled()).isEqualTo(3L);
        assertThat(fax.type()).isEqualTo("TEXT");
        assertThat(fax.samples()).containsExactly(new UnmappedFields.Sample("+1 555 0100", 2),
                new UnmappedFields.Sample("+1 555 0199", 1));
        // three values at most, long ones cut
        assertThat(view.fields().get(1).samples()).hasSize(3);
        assertThat(view.fields().get(1).samples().get(0).value()).hasSize(60).endsWith("…");
        // a field without a profile may hold data: it is listed, undecided
        assertThat(view.fields().get(3).hasData()).isTrue();
        assertThat(view.undecided()).hasSize(4);
    }

    @Test
    void aDecisionInThisOrAnotherMappingOfTheSourceCounts() {
        ObjectMapping account = account(List.of(new NotMigrated("fax", "Nobody faxes")));
        ObjectMapping partners = new ObjectMapping("Account", "partners", null, null,
                List.of(new FieldMapping("site", List.of("Site"), List.of(), null)),
                List.of(new NotMigrated("Description", "Free text stays in the old CRM")));
        MappingDocument document = document(account, partners);
        UnmappedFields.View view = UnmappedFields.of(INPUTS, document, account);
        // Site goes somewhere: the partners mapping reads it
        assertThat(view.fields()).extracting(UnmappedFields.Field::name)
            .containsExactly("Fax", "Description", "Rating");
        assertThat(view.decided())
            .extracting(UnmappedFields.Field::name, UnmappedFields.Field::reason, UnmappedFields.Field::decidedIn)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("Fax", "Nobody faxes", null),
                    org.assertj.core.groups.Tuple.tuple("Description", "Free text stays in the old CRM",
                            "Account → partners"));
        assertThat(view.undecided()).extracting(UnmappedFields.Field::name).containsExactly("Rating");
        assertThat(view.stale()).isEmpty();
    }

    @Test
    void decisionsThatNoLongerApplyAreListedApart() {
        ObjectMapping account = account(List.of(new NotMigrated("Name", "Was decided before it was mapped"),
                new NotMigrated("Fax", "Nobody faxes"), new NotMigrated("Telex", "Gone")));
        UnmappedFields.View view = UnmappedFields.of(INPUTS, document(account), account);
        assertThat(view.stale()).extracting((s) -> s.decision().field(), UnmappedFields.Stale::why)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("Name", "Name is mapped, so it is migrated after all"),
                    org.assertj.core.groups.Tuple.tuple("Telex",
                            "The latest extraction of Account has no field Telex"));
        // an empty field with a decision is listed with it, not among the empty ones
        ObjectMapping decidedEmpty = account(List.of(new NotMigrated("Jigsaw", "Data.com is retired")));
        UnmappedFields.View withEmpty = UnmappedFields.of(INPUTS, document(decidedEmpty), decidedEmpty);
        assertThat(withEmpty.empty()).isEmpty();
        assertThat(withEmpty.decided()).extracting(UnmappedFields.Field::name).containsExactly("Jigsaw");
    }

    @Test
    void validationWarnsOnceForUndecidedFieldsWithDataAndForEachStaleDecision() {
        ObjectMapping account = account(
                List.of(new NotMigrated("Fax", "Nobody faxes"), new NotMigrated("Telex", "Gone")));
        List<MappingIssue> issues = UnmappedFields.warnings(UnmappedFields.of(INPUTS, document(account), account));
        assertThat(issues).extracting(MappingIssue::code).containsExactly("unmapped-source-data", "not-migrated-stale");
        assertThat(issues.get(0).message()).isEqualTo("3 source fields of Account with data go nowhere and have no "
                + "decision: Description (90% filled), Site (10% filled), Rating. Map them, or mark them not "
                + "migrated on purpose with the reason");
        assertThat(issues.get(0).field()).isNull();
        assertThat(issues.get(1).message()).isEqualTo("The decision not to migrate Telex no longer applies: The "
                + "latest extraction of Account has no field Telex. Remove it");
        ObjectMapping allDecided = account(List.of(new NotMigrated("Fax", "a"), new NotMigrated("Description", "b"),
                new NotMigrated("Site", "c"), new NotMigrated("Rating", "d")));
        assertThat(UnmappedFields.warnings(UnmappedFields.of(INPUTS, document(allDecided), allDecided))).isEmpty();
    }

    @Test
    void withoutTheSourceObjectNothingIsListed() {
        ObjectMapping lead = new ObjectMapping("Lead", "people", null, null, List.of(),
                List.of(new NotMigrated("Rating", "Scores are redone")));
        UnmappedFields.View view = UnmappedFields.of(INPUTS, document(lead), lead);
        assertThat(view.sourceKnown()).isFalse();
        assertThat(view.fields()).isEmpty();
        assertThat(view.stale()).isEmpty();
    }

    @Test
    void suggestionsLeaveAFieldMarkedNotMigratedAlone() {
        DictionaryObject companies = new DictionaryObject(null, "companies", "companies", "id", null, Map.of(),
                List.of(field(0, "fax", 1.0, List.of()), field(1, "site", 1.0, List.of())));
        MappingInputs.Inputs inputs = new MappingInputs.Inputs(null, List.of(ACCOUNT), "sandbox", 2L,
                List.of(companies));
        MappingSuggester suggester = new MappingSuggester(new TargetPicklists(null, null), null);
        ObjectMapping undecided = new ObjectMapping("Account", "companies", null, null, List.of());
        assertThat(suggester.suggest(inputs, document(undecided)).suggestions()).extracting(Suggestion::field)
            .containsExactly("fax", "site");
        ObjectMapping decided = undecided.withNotMigrated(List.of(new NotMigrated("Fax", "Nobody faxes")));
        MappingSuggester.Result result = suggester.suggest(inputs, document(decided));
        assertThat(result.suggestions()).extracting(Suggestion::field).containsExactly("site");
        // and the suggested mapping keeps the decision
        assertThat(result.mapping().object("Account", "companies").orElseThrow().notMigrated())
            .containsExactly(new NotMigrated("Fax", "Nobody faxes"));
    }

    private static ObjectMapping account(List<NotMigrated> decisions) {
        return new ObjectMapping("Account", "companies", null, "source_id",
                List.of(new FieldMapping("source_id", List.of("Id"), List.of(), null),
                        new FieldMapping("name", List.of("Name"), List.of(), null)),
                decisions);
    }

    private static MappingDocument document(ObjectMapping... objects) {
        return new MappingDocument(3, List.of(objects), List.of(), List.of());
    }

    private static DictionaryField field(int position, String name, Double fillRate, List<Map<String, Object>> top) {
        Map<String, Object> profile = (fillRate != null)
                ? Map.of("nonBlankCount", Math.round(fillRate * 10), "topValues", top) : Map.of();
        return new DictionaryField(position, name, null, null, FieldType.TEXT, FieldType.TEXT, null, null, false, false,
                false, false, null, false, fillRate, null, false, List.of(), profile);
    }

    private static Map<String, Object> top(String value, long count) {
        return Map.of("value", value, "count", count);
    }

}
