package dev.switchyard.connector.hubspot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.AssociationWriter.AssociationInput;
import dev.switchyard.connector.AssociationWriter.AssociationOutcome;
import dev.switchyard.connector.AssociationWriter.AssociationType;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.RowRejection;
import dev.switchyard.connector.TargetCapabilities;
import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;
import dev.switchyard.connector.WriteResult.Outcome;
import dev.switchyard.support.hubspot.HubSpotStubPortal;
import dev.switchyard.support.hubspot.MashmatrixPortal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSpotTargetConnectorTests {

    private final HubSpotStubPortal portal = new HubSpotStubPortal();

    @AfterEach
    void stopPortal() {
        this.portal.close();
    }

    @Test
    void requiresAUniquePropertyAsMatchKeyAndWritesInChunksOfAHundred() {
        try (HubSpotTargetConnector target = Portals.target(this.portal, new Portals.CountingMeter())) {
            assertThat(target.capabilities()).isEqualTo(new TargetCapabilities(true, 100, true));
            assertThat(target.callsToWrite("companies", 83)).isEqualTo(1);
            assertThat(target.callsToWrite("deals", 774)).isEqualTo(8);
            assertThatThrownBy(() -> target.write("companies", "hs_object_id", companies(), WriteMode.UPSERT))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("unique property");
        }
    }

    @Test
    void reUpsertingTheRealExportOnItsUniquePropertyCreatesNoDuplicate() {
        try (HubSpotTargetConnector target = Portals.target(this.portal, new Portals.CountingMeter())) {
            List<TargetRecord> deals = deals();
            List<WriteResult> first = target.write("deals", "legacy_id", deals, WriteMode.UPSERT);
            List<WriteResult> again = target.write("deals", "legacy_id", deals, WriteMode.UPSERT);

            assertThat(first).hasSize(774).allMatch((r) -> r.outcome() == Outcome.CREATED);
            assertThat(again).hasSize(774).allMatch((r) -> r.outcome() == Outcome.UPDATED);
            for (int i = 0; i < deals.size(); i++) {
                assertThat(first.get(i).sourceId()).isEqualTo(deals.get(i).sourceId());
                assertThat(again.get(i).targetId()).isEqualTo(first.get(i).targetId());
            }
            assertThat(this.portal.records("deals")).hasSize(774);
            assertThat(this.portal.calls().get("POST batch/upsert")).isEqualTo(16);
            Map<String, String> existing = target.existingByMatchKey("deals", "legacy_id",
                    deals.stream().map(TargetRecord::sourceId).toList());
            assertThat(existing).hasSize(774);
            assertThat(existing.get(deals.get(0).sourceId())).isEqualTo(first.get(0).targetId());
        }
    }

    @Test
    void quarantinesEachRecordOfAMultiStatusAnswerWithHubSpotsReason() {
        List<TargetRecord> contacts = new ArrayList<>(contacts().subList(0, 6));
        contacts.set(1, with(contacts.get(1), "email", "not-an-address"));
        contacts.set(4, with(contacts.get(4), "lifecyclestage", "prospect"));
        try (HubSpotTargetConnector target = Portals.target(this.portal, new Portals.CountingMeter())) {
            List<WriteResult> results = target.write("contacts", "legacy_id", contacts, WriteMode.UPSERT);

            assertThat(results).extracting(WriteResult::outcome)
                .containsExactly(Outcome.CREATED, Outcome.REJECTED, Outcome.CREATED, Outcome.CREATED, Outcome.REJECTED,
                        Outcome.CREATED);
            assertThat(results).extracting(WriteResult::sourceId)
                .containsExactlyElementsOf(contacts.stream().map(TargetRecord::sourceId).toList());
            assertThat(results.get(1).column()).isEqualTo("email");
            assertThat(results.get(1).code()).isEqualTo("VALIDATION_ERROR");
            assertThat(results.get(1).message()).contains("not-an-address is invalid");
            assertThat(results.get(4).column()).isEqualTo("lifecyclestage");
            assertThat(results.get(4).reason()).startsWith("VALIDATION_ERROR: ")
                .contains("prospect was not one of the allowed options");
            assertThat(this.portal.records("contacts")).hasSize(4);
        }
    }

    @Test
    void createsWithoutMatchKeyAndUpdatesByUniquePropertyRejectingUnknownKeys() {
        try (HubSpotTargetConnector target = Portals.target(this.portal, new Portals.CountingMeter())) {
            List<TargetRecord> companies = new ArrayList<>(companies().subList(0, 4));
            companies.set(2, with(companies.get(2), "industry", "Aerospace"));
            List<WriteResult> created = target.write("companies", null, companies, WriteMode.CREATE);
            assertThat(created).extracting(WriteResult::outcome)
                .containsExactly(Outcome.CREATED, Outcome.CREATED, Outcome.REJECTED, Outcome.CREATED);
            assertThat(created.get(2).column()).isEqualTo("industry");
            assertThat(created.get(2).message()).contains("Aerospace was not one of the allowed options");
            assertThat(created).extracting(WriteResult::targetId).containsNull().doesNotHaveDuplicates();
            assertThat(this.portal.records("companies")).extracting((r) -> r.get("legacy_id"))
                .containsExactly(companies.get(0).sourceId(), companies.get(1).sourceId(), companies.get(3).sourceId());

            List<TargetRecord> updates = List.of(with(companies.get(0), "city", "Osaka"),
                    with(with(companies.get(1), "legacy_id", "001NOPE"), "city", "Kyoto"));
            List<WriteResult> updated = target.write("companies", "legacy_id", updates, WriteMode.UPDATE);

            assertThat(updated.get(0).outcome()).isEqualTo(Outcome.UPDATED);
            assertThat(updated.get(0).targetId()).isEqualTo(created.get(0).targetId());
            assertThat(updated.get(1).outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(updated.get(1).code()).isEqualTo("OBJECT_NOT_FOUND");
            assertThat(target.read("companies", "hs_object_id", List.of(created.get(0).targetId()))
                .get(created.get(0).targetId())).containsEntry("city", "Osaka");
        }
    }

    @Test
    void readsBackSearchesCountsPatchesAndArchives() {
        try (HubSpotTargetConnector target = Portals.target(this.portal, new Portals.CountingMeter())) {
            List<WriteResult> written = target.write("deals", "legacy_id", deals().subList(0, 30), WriteMode.UPSERT);
            String first = written.get(0).targetId();

            Map<String, Object> stored = target.read("deals", "hs_object_id", List.of(first)).get(first);
            assertThat(stored.get("amount")).isInstanceOf(BigDecimal.class);
            assertThat(target.asStored("deals", Map.of("amount", "1500.0", "closedate", LocalDate.of(2024, 6, 14))))
                .containsEntry("amount", new BigDecimal("1500.0"))
                .containsEntry("closedate", java.time.OffsetDateTime.parse("2024-06-14T00:00:00Z"));
            assertThat(target.readWhere("deals", "dealstage", "closedwon", 100)).isNotEmpty()
                .allSatisfy((id, values) -> assertThat(values).containsEntry("dealstage", "closedwon"));
            assertThat(target.count("deals")).isEqualTo(30);

            List<RowRejection> patched = target.patch("deals", "hs_object_id",
                    Map.of(first, Map.of("dealstage", "closedlost"), "999999", Map.of("dealstage", "closedlost")));
            assertThat(patched).singleElement().satisfies((r) -> {
                assertThat(r.targetId()).isEqualTo("999999");
                assertThat(r.message()).contains("OBJECT_NOT_FOUND");
            });
            assertThat(target.read("deals", "hs_object_id", List.of(first)).get(first)).containsEntry("dealstage",
                    "closedlost");

            assertThat(target.delete("deals", "hs_object_id", List.of(first, written.get(1).targetId()))).isEmpty();
            assertThat(target.count("deals")).isEqualTo(28);
            assertThat(target.recordUrl("deals", first)).isEmpty();
        }
    }

    @Test
    void createsAssociationsManyToManyAndPrimaryWithOneOutcomeEach() {
        try (HubSpotTargetConnector target = Portals.target(this.portal, new Portals.CountingMeter())) {
            List<WriteResult> companies = target.write("companies", "legacy_id", companies().subList(0, 2),
                    WriteMode.UPSERT);
            List<WriteResult> contacts = target.write("contacts", "legacy_id", contacts().subList(0, 2),
                    WriteMode.UPSERT);
            List<AssociationType> types = target.associationTypes("contacts", "companies");
            assertThat(types).contains(new AssociationType("HUBSPOT_DEFINED", 279, null),
                    new AssociationType("HUBSPOT_DEFINED", 1, "Primary"));
            AssociationType primary = types.stream().filter((t) -> !t.unlabelled()).findFirst().orElseThrow();
            AssociationType plain = types.stream().filter(AssociationType::unlabelled).findFirst().orElseThrow();
            String anna = contacts.get(0).targetId();
            String ben = contacts.get(1).targetId();
            String acme = companies.get(0).targetId();
            String globex = companies.get(1).targetId();

            List<AssociationInput> inputs = List.of(new AssociationInput(anna, acme, primary),
                    new AssociationInput(anna, acme, plain), new AssociationInput(anna, globex, plain),
                    new AssociationInput(ben, acme, plain), new AssociationInput(ben, "424242", plain));
            List<AssociationOutcome> outcomes = target.createAssociations("contacts", "companies", inputs);

            assertThat(outcomes).extracting(AssociationOutcome::created).containsExactly(true, true, true, true, false);
            assertThat(outcomes.get(4).message()).contains("does not exist");
            assertThat(outcomes.get(4).code()).isEqualTo("VALIDATION_ERROR");
            assertThat(this.portal.associations("contacts", anna, "companies")).containsExactlyInAnyOrder(acme + ":1",
                    acme + ":279", globex + ":279");
            assertThat(this.portal.associations("companies", acme, "contacts")).containsExactlyInAnyOrder(anna + ":2",
                    anna + ":280", ben + ":280");

            HubSpotSourceConnector source = Portals.source(this.portal, HubSpotProperties.defaults(),
                    new Portals.CountingMeter());
            Portals.Collected read = Portals.extract(source, "contacts", dev.switchyard.connector.ExtractWindow.full());
            assertThat(read.records).filteredOn((r) -> r.id().equals(anna))
                .singleElement()
                .satisfies((r) -> assertThat(r.values()).containsEntry("associations_companies_primary", acme));
            source.close();
        }
    }

    private static List<TargetRecord> companies() {
        return records(MashmatrixPortal.companies());
    }

    private static List<TargetRecord> contacts() {
        return records(MashmatrixPortal.contacts());
    }

    private static List<TargetRecord> deals() {
        return records(MashmatrixPortal.deals());
    }

    private static List<TargetRecord> records(List<Map<String, String>> rows) {
        List<TargetRecord> records = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Map<String, Object> values = new LinkedHashMap<>(row);
            values.remove("_account");
            records.add(new TargetRecord(row.get("legacy_id"), values));
        }
        return records;
    }

    private static TargetRecord with(TargetRecord record, String field, Object value) {
        Map<String, Object> values = new LinkedHashMap<>(record.values());
        values.put(field, value);
        return new TargetRecord(record.sourceId(), values);
    }

}
