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
    void loadsEveryDataPlanRecognisedByItsContentAndReportsTheFilesNoPlanListsWithoutReadingThem() throws Exception {
        Path export = Files.createDirectories(this.folder.resolve("export"));
        for (String name : List.of("Accounts.json", "Contacts.json", "Campaigns.json")) {
            Files.copy(APEX.resolve(name), export.resolve(name));
        }
        // plans named as their authors liked, not *-plan.json; one lists a file the other
        // lists too, and a file that is missing
        Files.writeString(export.resolve("accounts-and-contacts.json"), """
                [{"sobject": "Account", "saveRefs": true, "resolveRefs": false, "files": ["Accounts.json"]},
                 {"sobject": "Contact", "saveRefs": true, "resolveRefs": true, "files": ["Contacts.json"]}]
                """);
        Files.writeString(export.resolve("marketing.json"), """
                [{"sobject": "Campaign", "files": ["Campaigns.json"]},
                 {"sobject": "Account", "files": ["Accounts.json"]},
                 {"sobject": "Lead", "files": ["Leads.json"]}]
                """);
        Files.writeString(export.resolve("Stray.json"), """
                {"records": [{"attributes": {"type": "Lead", "referenceId": "LeadRef1"}, "LastName": "Stray"}]}
                """);
        try (SourceConnector connector = open(this.folder, Map.of(), Map.of())) {
            SchemaSnapshot schema = connector.describe();
            assertThat(schema.objects()).extracting(ObjectSchema::name, ObjectSchema::recordCount)
                .containsExactly(tuple("Account", 50L), tuple("Contact", 150L), tuple("Campaign", 15L));
            assertThat(schema.object("Account").orElseThrow().origin())
                .isEqualTo("Accounts.json (data plan accounts-and-contacts.json)");
            assertThat(schema.problems()).extracting(ExtractionProblem::location, ExtractionProblem::message)
                .containsExactlyInAnyOrder(
                        tuple("marketing.json", "the plan lists Leads.json, which is not in the folder"),
                        tuple("Stray.json",
                                "Stray.json was not read (no data plan in use lists it): its records, if any, are not "
                                        + "staged"));
            assertThat(extract(connector, "Campaign").records()).hasSize(15);
            assertThat(extract(connector, "Account").records()).as("read once though two plans list it").hasSize(50);
        }
        try (SourceConnector connector = open(this.folder, Map.of("plan", "marketing.json"), Map.of())) {
            SchemaSnapshot schema = connector.describe();
            assertThat(schema.objects()).extracting(ObjectSchema::name).containsExactly("Campaign", "Account");
            assertThat(schema.problems()).extracting(ExtractionProblem::location)
                .contains("accounts-and-contacts.json", "Contacts.json", "Stray.json");
        }
    }

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
