package dev.switchyard.connector.sobjecttree;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.RecordingSink;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;
import dev.switchyard.connector.SourceRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SObjectTreeConnectorTests {

    static final Path APEX = Path.of("src/test/resources/data/sf-apex-recipes/data");

    static final Path CORAL = Path.of("src/test/resources/data/sf-coral-cloud/data");

    @Test
    void describesTheObjectsOfEveryDataPlanWithCountsAndReferenceTargetsAndReportsTheFilesNoPlanLists() {
        try (SourceConnector connector = open(APEX, Map.of(), Map.of())) {
            SchemaSnapshot schema = connector.describe();
            assertThat(schema.objects()).extracting(ObjectSchema::name, ObjectSchema::recordCount)
                .containsExactly(tuple("Account", 50L), tuple("Contact", 150L), tuple("Opportunity", 50L),
                        tuple("Campaign", 15L), tuple("Junction_Demo_1__c", 50L), tuple("Junction_Demo_2__c", 50L),
                        tuple("Junction__c", 50L));
            assertThat(schema.object("Campaign").orElseThrow().origin())
                .isEqualTo("Campaigns.json (data plan data-plan2.json)");
            // the folder also holds CSV copies of four objects: not read, and said so
            assertThat(schema.problems()).extracting(ExtractionProblem::location)
                .containsExactly("Accounts.csv", "Campaigns.csv", "Contacts.csv", "Opportunities.csv");
            assertThat(schema.problems()).allSatisfy(
                    (problem) -> assertThat(problem.message()).contains("was not read (no data plan in use lists it)"));
            ObjectSchema contact = schema.object("Contact").orElseThrow();
            assertThat(contact.idField()).isEqualTo("referenceId");
            assertThat(contact.origin()).isEqualTo("Contacts.json (data plan data-plan.json)");
            assertThat(contact.fields()).extracting(FieldSchema::name)
                .containsExactly("referenceId", "lastName", "firstName", "email", "accountId", "title", "phone");
            assertThat(field(contact, "accountId").referenceTo()).isEqualTo("Account");
            assertThat(field(contact, "email").referenceTo()).isNull();
        }
    }

    @Test
    void resolvesEveryApexRecipesReferenceToAnExtractedAccountId() {
        try (SourceConnector connector = open(APEX, Map.of(), Map.of())) {
            RecordingSink accounts = extract(connector, "Account");
            RecordingSink contacts = extract(connector, "Contact");
            RecordingSink opportunities = extract(connector, "opportunity");
            assertThat(accounts.records()).hasSize(50);
            assertThat(contacts.records()).hasSize(150);
            assertThat(opportunities.records()).hasSize(50);
            assertThat(accounts.problems()).isEmpty();
            assertThat(contacts.problems()).isEmpty();
            assertThat(opportunities.problems()).isEmpty();
            Set<String> accountIds = accounts.byId().keySet();
            assertThat(contacts.records())
                .allSatisfy((contact) -> assertThat(accountIds).contains((String) contact.values().get("accountId")));
            assertThat(opportunities.records()).allSatisfy(
                    (opportunity) -> assertThat(accountIds).contains((String) opportunity.values().get("accountId")));
            SourceRecord first = contacts.byId().get("ContactRef1");
            assertThat(first.values()).containsEntry("accountId", "AccountRef10")
                .containsEntry("lastName", "Sinisbury");
            assertThat(first.location()).isEqualTo("Contacts.json#ContactRef1");
            assertThat(accounts.byId().get("AccountRef1").values().get("NumberOfEmployees")).isInstanceOf(Long.class);
        }
    }

    @Test
    void readsTheSecondPlanWhenTheOptionNamesIt() {
        try (SourceConnector connector = open(APEX, Map.of("plan", "data-plan2.json"), Map.of())) {
            SchemaSnapshot schema = connector.describe();
            assertThat(schema.objects()).extracting(ObjectSchema::name, ObjectSchema::recordCount)
                .containsExactly(tuple("Campaign", 15L), tuple("Junction_Demo_1__c", 50L),
                        tuple("Junction_Demo_2__c", 50L), tuple("Junction__c", 50L));
            assertThat(schema.object("Junction_Demo_1__c").orElseThrow().fields()).extracting(FieldSchema::name)
                .containsExactly("referenceId");
            ObjectSchema junction = schema.object("Junction__c").orElseThrow();
            assertThat(field(junction, "parent1__c").referenceTo()).isEqualTo("Junction_Demo_1__c");
            assertThat(field(junction, "parent2__c").referenceTo()).isEqualTo("Junction_Demo_2__c");
            Set<String> ones = extract(connector, "Junction_Demo_1__c").byId().keySet();
            Set<String> twos = extract(connector, "Junction_Demo_2__c").byId().keySet();
            RecordingSink junctions = extract(connector, "Junction__c");
            assertThat(junctions.problems()).isEmpty();
            assertThat(junctions.records()).hasSize(50).allSatisfy((record) -> {
                assertThat(ones).contains((String) record.values().get("parent1__c"));
                assertThat(twos).contains((String) record.values().get("parent2__c"));
            });
        }
    }

    @Test
    void resolvesCoralCloudCasesAndReviewsToContactsAndExperiences() {
        try (SourceConnector connector = open(CORAL, Map.of(), Map.of())) {
            SchemaSnapshot schema = connector.describe();
            assertThat(schema.problems()).isEmpty();
            assertThat(schema.objects()).extracting(ObjectSchema::name, ObjectSchema::recordCount)
                .containsExactly(tuple("Experience__c", 35L), tuple("Contact", 156L), tuple("Guest_Review__c", 10L),
                        tuple("Case", 2L));
            ObjectSchema review = schema.object("Guest_Review__c").orElseThrow();
            assertThat(field(review, "Contact__c").referenceTo()).isEqualTo("Contact");
            assertThat(field(review, "Experience__c").referenceTo()).isEqualTo("Experience__c");
            Set<String> contacts = extract(connector, "Contact").byId().keySet();
            Set<String> experiences = extract(connector, "Experience__c").byId().keySet();
            assertThat(contacts).hasSize(156);
            RecordingSink cases = extract(connector, "Case");
            assertThat(cases.records()).extracting((record) -> record.values().get("ContactId"))
                .containsExactly("ContactRef155", "ContactRef155");
            assertThat(contacts).contains("ContactRef155");
            assertThat(((String) cases.records().get(0).values().get("Description"))).contains("\r\n\r\n");
            RecordingSink reviews = extract(connector, "Guest_Review__c");
            assertThat(reviews.problems()).isEmpty();
            assertThat(reviews.records()).hasSize(10).allSatisfy((record) -> {
                assertThat(contacts).contains((String) record.values().get("Contact__c"));
                assertThat(experiences).contains((String) record.values().get("Experience__c"));
            });
        }
    }

    @Test
    void reportsADuplicatedExternalIdWithBothLocationsAndKeepsTheFirst() {
        try (SourceConnector connector = open(CORAL, Map.of(), Map.of("Contact", "External_Id__c"))) {
            assertThat(connector.describe().object("Contact").orElseThrow())
                .satisfies((contact) -> assertThat(contact.idField()).isEqualTo("External_Id__c"))
                .satisfies((contact) -> assertThat(contact.recordCount()).isEqualTo(155L));
            RecordingSink contacts = extract(connector, "Contact");
            assertThat(contacts.records()).hasSize(155);
            assertThat(contacts.records().stream().map(SourceRecord::id).collect(Collectors.toSet())).hasSize(155);
            assertThat(contacts.byId().get("10009289").location()).isEqualTo("data-Contact.json#ContactRef46");
            assertThat(contacts.problems()).singleElement().satisfies((problem) -> {
                assertThat(problem.location()).isEqualTo("data-Contact.json#ContactRef79");
                assertThat(problem.field()).isEqualTo("External_Id__c");
                assertThat(problem.rawValue()).isEqualTo("10009289");
                assertThat(problem.message()).contains("data-Contact.json#ContactRef46");
            });
            RecordingSink cases = extract(connector, "Case");
            assertThat(cases.records()).extracting((record) -> record.values().get("ContactId"))
                .containsOnly("10008155");
        }
    }

    static FieldSchema field(ObjectSchema object, String name) {
        return object.fields().stream().filter((field) -> field.name().equals(name)).findFirst().orElseThrow();
    }

    static SourceConnector open(Path folder, Map<String, String> options, Map<String, String> idFields) {
        return new SObjectTreeConnectorProvider()
            .open(new ConnectionSettings(ConnectorType.SOBJECT_TREE, folder, options, null, idFields));
    }

    static RecordingSink extract(SourceConnector connector, String object) {
        RecordingSink sink = new RecordingSink();
        connector.extract(object, ExtractWindow.full(), sink);
        return sink;
    }

}
