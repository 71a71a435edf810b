package dev.switchyard.connector.sobjecttree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.RecordingSink;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;
import dev.switchyard.connector.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.switchyard.connector.sobjecttree.SObjectTreeConnectorTests.APEX;
import static dev.switchyard.connector.sobjecttree.SObjectTreeConnectorTests.extract;
import static dev.switchyard.connector.sobjecttree.SObjectTreeConnectorTests.field;
import static dev.switchyard.connector.sobjecttree.SObjectTreeConnectorTests.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class SObjectTreeProblemTests {

    @TempDir
    Path folder;

    @Test
    void reportsABrokenJsonFileByNameAndReadsTheOtherFiles() throws Exception {
        for (String name : List.of("data-plan.json", "Accounts.json", "Contacts.json")) {
            Files.copy(APEX.resolve(name), this.folder.resolve(name));
        }
        Files.writeString(this.folder.resolve("Opportunities.json"), "{\"records\": [ {\"name\": \"Cape starling\", ");
        try (SourceConnector connector = open(this.folder, Map.of(), Map.of())) {
            SchemaSnapshot schema = connector.describe();
            assertThat(schema.problems()).singleElement().satisfies((problem) -> {
                assertThat(problem.location()).isEqualTo("Opportunities.json");
                assertThat(problem.object()).isEqualTo("Opportunity");
                assertThat(problem.message()).contains("Opportunities.json is not valid JSON");
            });
            assertThat(schema.objects()).extracting(ObjectSchema::name).containsExactly("Account", "Contact");
            RecordingSink contacts = extract(connector, "Contact");
            assertThat(contacts.records()).hasSize(150);
            assertThat(contacts.problems()).isEmpty();
        }
    }

    @Test
    void reportsAnUnknownReferenceWithRecordFieldAndValueAndKeepsTheRawValue() throws Exception {
        Files.writeString(this.folder.resolve("Accounts.json"), """
                {"records": [{"attributes": {"type": "Account", "referenceId": "AccountRef1"}, "Name": "Acme"}]}
                """);
        Files.writeString(this.folder.resolve("Contacts.json"),
                """
                        {"records": [
                          {"attributes": {"type": "Contact", "referenceId": "ContactRef1"}, "LastName": "Known", "AccountId": "@AccountRef1"},
                          {"attributes": {"type": "Contact", "referenceId": "ContactRef2"}, "LastName": "Lost", "AccountId": "@AccountRef9",
                           "Twitter": "@ not a reference"}
                        ]}
                        """);
        try (SourceConnector connector = open(this.folder, Map.of(), Map.of())) {
            assertThat(connector.describe().object("Contact").orElseThrow().origin()).isEqualTo("Contacts.json");
            RecordingSink contacts = extract(connector, "Contact");
            assertThat(contacts.byId().get("ContactRef1").values()).containsEntry("AccountId", "AccountRef1");
            assertThat(contacts.byId().get("ContactRef2").values()).containsEntry("AccountId", "@AccountRef9")
                .containsEntry("Twitter", "@ not a reference");
            assertThat(contacts.problems()).singleElement().satisfies((problem) -> {
                assertThat(problem)
                    .extracting(ExtractionProblem::object, ExtractionProblem::location, ExtractionProblem::field,
                            ExtractionProblem::rawValue)
                    .containsExactly("Contact", "Contacts.json#ContactRef2", "AccountId", "@AccountRef9");
                assertThat(problem.message()).contains("matches no record");
            });
        }
    }

    @Test
    void turnsNestedChildRecordsIntoRecordsWithTheParentIdInTheParentField() throws Exception {
        Files.writeString(this.folder.resolve("Accounts.json"), """
                {"records": [
                  {"attributes": {"type": "Account", "referenceId": "AccountRef1"}, "Name": "Acme",
                   "Contacts": {"records": [
                     {"attributes": {"type": "Contact", "referenceId": "ContactRef1"}, "LastName": "Ng"},
                     {"attributes": {"type": "Contact", "referenceId": "ContactRef2"}, "LastName": "Ode"}]}},
                  {"attributes": {"type": "Account", "referenceId": "AccountRef2"}, "Name": "Globex"}
                ]}
                """);
        try (SourceConnector connector = open(this.folder, Map.of(), Map.of())) {
            SchemaSnapshot schema = connector.describe();
            assertThat(schema.objects()).extracting(ObjectSchema::name, ObjectSchema::recordCount)
                .containsExactly(tuple("Account", 2L), tuple("Contact", 2L));
            assertThat(schema.object("Account").orElseThrow().fields()).extracting((f) -> f.name())
                .containsExactly("referenceId", "Name");
            assertThat(field(schema.object("Contact").orElseThrow(), "AccountId").referenceTo()).isEqualTo("Account");
            RecordingSink contacts = extract(connector, "Contact");
            assertThat(contacts.records()).extracting(SourceRecord::id).containsExactly("ContactRef1", "ContactRef2");
            assertThat(contacts.records())
                .allSatisfy((contact) -> assertThat(contact.values()).containsEntry("AccountId", "AccountRef1"));
            assertThat(extract(connector, "Account").records()).extracting((r) -> r.values().keySet())
                .allSatisfy((keys) -> assertThat(keys).doesNotContain("Contacts"));
        }
    }

    @Test
    void refusesAPlanOptionThatNamesNoPlan() {
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> open(APEX, Map.of("plan", "data-plan3.json"), Map.of()))
            .withMessageContaining("data-plan3.json")
            .withMessageContaining("data-plan2.json");
    }

}
