package dev.switchyard.connector.hubspot;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.FieldType;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceRecord;
import dev.switchyard.support.hubspot.HubSpotStubPortal;
import dev.switchyard.support.hubspot.MashmatrixPortal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HubSpotSourceConnectorTests {

    private final HubSpotStubPortal portal = new HubSpotStubPortal();

    @AfterEach
    void stopPortal() {
        this.portal.close();
    }

    @Test
    void describesPropertiesWithTypesOptionsUniqueAndReadOnlyProperties() {
        try (HubSpotSourceConnector source = Portals.source(this.portal, HubSpotProperties.defaults(),
                new Portals.CountingMeter())) {
            SchemaSnapshot schema = source.describe();

            assertThat(schema.objects()).extracting(ObjectSchema::name)
                .containsExactly("contacts", "companies", "deals", "tickets", "notes", "calls", "emails", "meetings",
                        "tasks");
            assertThat(schema.problems()).isEmpty();
            ObjectSchema companies = schema.object("companies").orElseThrow();
            assertThat(companies.idField()).isEqualTo("hs_object_id");
            assertThat(field(companies, "industry").type()).isEqualTo(FieldType.PICKLIST);
            assertThat(field(companies, "industry").picklistValues()).contains("ACCOUNTING", "TECHNOLOGY", "OTHER");
            assertThat(field(companies, "industry").nativeType()).isEqualTo("enumeration/select");
            assertThat(field(companies, "legacy_id").unique()).isTrue();
            assertThat(field(companies, "legacy_id").attributes()).containsEntry("externalId", true)
                .containsEntry("custom", true);
            assertThat(field(companies, "hs_object_id").attributes()).doesNotContainKey("externalId");
            assertThat(field(companies, "name").unique()).isFalse();
            assertThat(field(companies, "annualrevenue").type()).isEqualTo(FieldType.DECIMAL);
            assertThat(field(companies, "phone").type()).isEqualTo(FieldType.PHONE);
            assertThat(field(companies, "hs_lastmodifieddate").generated()).isTrue();
            assertThat(field(companies, "hs_object_id").type()).isEqualTo(FieldType.ID);
            ObjectSchema contacts = schema.object("contacts").orElseThrow();
            assertThat(field(contacts, "num_associated_deals").generated()).isTrue();
            assertThat(field(contacts, "email").type()).isEqualTo(FieldType.EMAIL);
            assertThat(field(contacts, "associations_companies_primary").type()).isEqualTo(FieldType.REFERENCE);
            assertThat(field(contacts, "associations_companies_primary").referenceTo()).isEqualTo("companies");
            assertThat(field(contacts, "associations_deals").generated()).isTrue();
            assertThat(field(schema.object("tasks").orElseThrow(), "hs_task_status").picklistValues())
                .containsExactly("NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED");
        }
    }

    @Test
    void listsAnObjectTheTokenHasNoScopeForAsUnavailableAndDescribesTheRest() {
        this.portal.withoutScope("tickets");
        try (HubSpotSourceConnector source = Portals.source(this.portal, HubSpotProperties.defaults(),
                new Portals.CountingMeter())) {
            SchemaSnapshot schema = source.describe();

            assertThat(schema.objects()).extracting(ObjectSchema::name)
                .doesNotContain("tickets")
                .contains("contacts", "deals", "notes", "tasks");
            assertThat(schema.problems()).hasSize(1);
            assertThat(schema.problems().get(0).object()).isEqualTo("tickets");
            assertThat(schema.problems().get(0).message()).startsWith("Unavailable: HubSpot refused")
                .contains("403 MISSING_SCOPES")
                .contains("required scopes");
        }
    }

    @Test
    void readsRecordsWithoutTheAssociationsToAnObjectTheTokenHasNoScopeFor() {
        Map<String, String> ids = MashmatrixPortal.seed(this.portal);
        this.portal.withoutScope("deals");
        try (HubSpotSourceConnector source = Portals.source(this.portal, HubSpotProperties.defaults(),
                new Portals.CountingMeter())) {
            Portals.Collected contacts = Portals.extract(source, "contacts", ExtractWindow.full());

            assertThat(contacts.records).hasSize(133);
            assertThat(contacts.records).allSatisfy((r) -> assertThat(r.values().get("associations_deals")).isNull());
            assertThat(contacts.records).extracting((r) -> r.values().get("associations_companies_primary"))
                .doesNotContainNull()
                .isSubsetOf(ids.values());
            assertThat(contacts.problems).singleElement().satisfies((p) -> {
                assertThat(p.field()).isEqualTo("associations_deals");
                assertThat(p.message()).contains("associations to deals cannot be read").contains("MISSING_SCOPES");
            });
        }
    }

    @Test
    void readsEveryPageOfTheRealExportWithEachContactsPrimaryCompanyAndEveryAssociation() {
        Map<String, String> ids = MashmatrixPortal.seed(this.portal);
        String contactId = ids.get(MashmatrixPortal.contacts().get(0).get("legacy_id"));
        String otherCompany = ids.get(MashmatrixPortal.companies().get(5).get("legacy_id"));
        this.portal.associate("contacts", contactId, "companies", otherCompany, 279);
        Portals.CountingMeter meter = new Portals.CountingMeter();
        try (HubSpotSourceConnector source = Portals.source(this.portal, HubSpotProperties.defaults(), meter)) {
            source.describe();
            Portals.Collected contacts = Portals.extract(source, "contacts", ExtractWindow.full());
            Portals.Collected deals = Portals.extract(source, "deals", ExtractWindow.full());

            assertThat(contacts.records).hasSize(133);
            assertThat(contacts.problems).isEmpty();
            assertThat(contacts.records).extracting(SourceRecord::id).doesNotHaveDuplicates();
            assertThat(deals.records).hasSize(774);
            assertThat(this.portal.calls().get("GET list")).isEqualTo(2 + 8);
            for (Map<String, String> contact : MashmatrixPortal.contacts()) {
                SourceRecord record = record(contacts, ids.get(contact.get("legacy_id")));
                assertThat(record.values().get("legacy_id")).isEqualTo(contact.get("legacy_id"));
                assertThat(record.values().get("associations_companies_primary"))
                    .isEqualTo(ids.get(contact.get("_account")));
            }
            SourceRecord manyToMany = record(contacts, contactId);
            String primaryCompany = (String) manyToMany.values().get("associations_companies_primary");
            assertThat((String) manyToMany.values().get("associations_companies")).contains(
                    "{\"object\":\"companies\",\"id\":\"" + primaryCompany + "\",\"typeId\":1,\"label\":\"Primary\"}",
                    "{\"object\":\"companies\",\"id\":\"" + primaryCompany + "\",\"typeId\":279,\"label\":null}",
                    "{\"object\":\"companies\",\"id\":\"" + otherCompany + "\",\"typeId\":279,\"label\":null}");
            SourceRecord deal = deals.records.get(0);
            assertThat(deal.values().get("amount")).isInstanceOf(java.math.BigDecimal.class);
            assertThat(deal.values().get("closedate")).isInstanceOf(java.time.OffsetDateTime.class);
            assertThat(deal.values().get("associations_companies_primary")).isNotNull();
            assertThat(meter.last.max()).isEqualTo(250_000);
            assertThat(meter.calls()).isEqualTo(meter.answers);
        }
    }

    @Test
    void readsEveryAssociationOfACompanyWithMoreThanOneAnswerOfThem() {
        Map<String, String> ids = MashmatrixPortal.seed(this.portal);
        this.portal.associationPageSize(3);
        Map<String, Long> contactsPerCompany = new java.util.HashMap<>();
        MashmatrixPortal.contacts().forEach((c) -> contactsPerCompany.merge(ids.get(c.get("_account")), 1L, Long::sum));
        try (HubSpotSourceConnector source = Portals.source(this.portal,
                Portals.properties(Map.of("companies", List.of("contacts")), 200, 10_000, 4),
                new Portals.CountingMeter())) {
            Portals.Collected companies = Portals.extract(source, "companies", ExtractWindow.full());

            assertThat(contactsPerCompany.values()).anyMatch((n) -> n > 3);
            for (SourceRecord company : companies.records) {
                String list = (String) company.values().get("associations_contacts");
                long typeTwoEighty = (list == null) ? 0 : list.split("\"typeId\":280").length - 1;
                assertThat(typeTwoEighty).as(company.id()).isEqualTo(contactsPerCompany.getOrDefault(company.id(), 0L));
            }
            assertThat(this.portal.calls()).containsKey("v4 list");
        }
    }

    @Test
    void readsADeltaOfMoreThanTenThousandChangesInSlicesWithoutMissingOrRepeatingAny() {
        Instant since = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 120; i++) {
            this.portal.seed("deals", Map.of("dealname", "old " + i), since.minusSeconds(1 + i));
        }
        Set<String> changed = new HashSet<>();
        for (int i = 0; i < 10_250; i++) {
            changed.add(this.portal.seed("deals", Map.of("dealname", "changed " + i), since.plusMillis(i / 3)));
        }
        this.portal.window(10_000, 10_000);
        this.portal.searchLimit(1_000);
        try (HubSpotSourceConnector source = Portals.source(this.portal,
                Portals.properties(Map.of("deals", List.of()), 200, 10_000, 1_000), new Portals.CountingMeter())) {
            Portals.Collected delta = Portals.extract(source, "deals", new ExtractWindow("hs_lastmodifieddate", since));

            assertThat(delta.problems).isEmpty();
            assertThat(delta.records).extracting(SourceRecord::id).doesNotHaveDuplicates();
            assertThat(delta.records).extracting(SourceRecord::id).containsExactlyInAnyOrderElementsOf(changed);
            assertThat(this.portal.calls().get("POST search")).isGreaterThan(10_000 / 200);
            assertThat(source.filtersByWindow()).isTrue();
        }
    }

    @Test
    void readsMoreRecordsSharingOneModificationInstantThanOneSliceReachesByAscendingId() {
        Instant since = Instant.parse("2026-03-01T00:00:00Z");
        Set<String> changed = new HashSet<>();
        for (int i = 0; i < 1_250; i++) {
            changed.add(this.portal.seed("notes", Map.of("hs_note_body", "same " + i), since.plusSeconds(5)));
        }
        changed.add(this.portal.seed("notes", Map.of("hs_note_body", "later"), since.plusSeconds(9)));
        this.portal.window(10_000, 10_000);
        this.portal.searchLimit(1_000);
        try (HubSpotSourceConnector source = Portals.source(this.portal,
                Portals.properties(Map.of("notes", List.of()), 100, 500, 1_000), new Portals.CountingMeter())) {
            Portals.Collected delta = Portals.extract(source, "notes", new ExtractWindow("hs_lastmodifieddate", since));

            assertThat(delta.records).extracting(SourceRecord::id).doesNotHaveDuplicates();
            assertThat(delta.records).extracting(SourceRecord::id).containsExactlyInAnyOrderElementsOf(changed);
        }
    }

    @Test
    void listsLiveIdsForTheDeletionCheckAndArchivedIdsApart() {
        String kept = this.portal.seed("companies", Map.of("name", "Kept"));
        String gone = this.portal.seed("companies", Map.of("name", "Gone"));
        this.portal.archive("companies", gone);
        try (HubSpotSourceConnector source = Portals.source(this.portal, HubSpotProperties.defaults(),
                new Portals.CountingMeter())) {
            List<String> live = new java.util.ArrayList<>();
            List<String> archived = new java.util.ArrayList<>();
            source.listIds("companies", live::add);
            source.listArchivedIds("companies", archived::add);

            assertThat(live).containsExactly(kept);
            assertThat(archived).containsExactly(gone);
        }
    }

    private static FieldSchema field(ObjectSchema object, String name) {
        return object.fields().stream().filter((f) -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static SourceRecord record(Portals.Collected collected, String id) {
        return collected.records.stream().filter((r) -> r.id().equals(id)).findFirst().orElseThrow();
    }

}
