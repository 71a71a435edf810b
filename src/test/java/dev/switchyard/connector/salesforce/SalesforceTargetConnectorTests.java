package dev.switchyard.connector.salesforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;
import dev.switchyard.connector.WriteResult.Outcome;
import dev.switchyard.support.salesforce.MashmatrixOrg;
import dev.switchyard.support.salesforce.SalesforceStubOrg;
import dev.switchyard.support.salesforce.StubObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.switchyard.connector.salesforce.SalesforceSourceConnectorTests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SalesforceTargetConnectorTests {

    private SalesforceStubOrg org;

    @BeforeEach
    void define() {
        this.org = SalesforceStubOrg.start();
        MashmatrixOrg.define(this.org);
    }

    @AfterEach
    void stop() {
        this.org.close();
    }

    @Test
    void loadsAChunkWhileOneRowFailsWithSalesforcesCodeAndReUpsertCreatesNoDuplicate() {
        List<TargetRecord> chunk = accounts(0, 5);
        chunk.set(2, new TargetRecord(chunk.get(2).sourceId(), map("Name", null, "Phone", "+1 555 0100")));
        try (SalesforceTargetConnector target = SalesforceTesting.target(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            assertThat(target.capabilities().externalIdMatchKey()).isTrue();
            assertThat(target.capabilities().maxChunk()).isEqualTo(200);
            assertThat(target.capabilities().metered()).isTrue();
            List<WriteResult> first = target.write("Account", "Legacy_Id__c", chunk, WriteMode.UPSERT);
            assertThat(first).extracting(WriteResult::sourceId)
                .containsExactlyElementsOf(chunk.stream().map(TargetRecord::sourceId).toList());
            assertThat(first).extracting(WriteResult::outcome)
                .containsExactly(Outcome.CREATED, Outcome.CREATED, Outcome.REJECTED, Outcome.CREATED, Outcome.CREATED);
            WriteResult failed = first.get(2);
            assertThat(failed.code()).isEqualTo("REQUIRED_FIELD_MISSING");
            assertThat(failed.column()).isEqualTo("Name");
            assertThat(failed.reason()).startsWith("REQUIRED_FIELD_MISSING: Required fields are missing");
            assertThat(this.org.records("Account")).hasSize(4);
            assertThat(this.org.records("Account").values()).extracting((r) -> r.get("Legacy_Id__c"))
                .containsExactlyInAnyOrder(chunk.get(0).sourceId(), chunk.get(1).sourceId(), chunk.get(3).sourceId(),
                        chunk.get(4).sourceId());
            List<WriteResult> again = target.write("Account", "Legacy_Id__c", chunk, WriteMode.UPSERT);
            assertThat(again).extracting(WriteResult::outcome)
                .containsExactly(Outcome.UPDATED, Outcome.UPDATED, Outcome.REJECTED, Outcome.UPDATED, Outcome.UPDATED);
            assertThat(again.get(0).targetId()).isEqualTo(first.get(0).targetId());
            assertThat(this.org.records("Account")).as("no duplicate").hasSize(4);
            assertThat(target.count("Account")).isEqualTo(4);
        }
    }

    @Test
    void refusesAMatchKeyThatIsNotAnExternalId() {
        try (SalesforceTargetConnector target = SalesforceTesting.target(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            assertThatExceptionOfType(ConnectorException.class)
                .isThrownBy(() -> target.write("Account", "AccountNumber", accounts(0, 1), WriteMode.UPSERT))
                .withMessageContaining("AccountNumber")
                .withMessageContaining("not an external-id field");
        }
    }

    @Test
    void quarantinesDuplicatesDetectedWithTheOrgsMessage() {
        this.org.define(new StubObject("Lead", "00Q")
            .add(dev.switchyard.support.salesforce.StubField.text("LastName", 80).required())
            .add(dev.switchyard.support.salesforce.StubField.of("Email", "email"))
            .add(dev.switchyard.support.salesforce.StubField.externalId("Legacy_Id__c", 18))
            .duplicateRuleOn("Email"));
        List<TargetRecord> leads = List.of(new TargetRecord("L1", map("LastName", "Brown", "Email", "e@x.org")),
                new TargetRecord("L2", map("LastName", "Browne", "Email", "e@x.org")));
        try (SalesforceTargetConnector target = SalesforceTesting.target(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            List<WriteResult> results = target.write("Lead", "Legacy_Id__c", leads, WriteMode.UPSERT);
            assertThat(results).extracting(WriteResult::outcome).containsExactly(Outcome.CREATED, Outcome.REJECTED);
            assertThat(results.get(1).code()).isEqualTo("DUPLICATES_DETECTED");
        }
    }

    @Test
    void loadsThroughABulkIngestJobAndMapsEveryResultRowBackToItsRecord() {
        List<TargetRecord> chunk = accounts(0, 30);
        chunk.set(7, new TargetRecord(chunk.get(7).sourceId(), map("Name", "x".repeat(300))));
        chunk.set(19, new TargetRecord(chunk.get(19).sourceId(), map("Name", "Rated", "Rating", "Lukewarm")));
        RecordingMeter meter = new RecordingMeter();
        try (SalesforceTargetConnector target = SalesforceTesting.target(this.org,
                SalesforceTesting.properties(10_000, 10, 50_000), meter)) {
            List<WriteResult> results = target.write("Account", "Legacy_Id__c", chunk, WriteMode.UPSERT);
            assertThat(this.org.calls("POST /jobs/ingest")).isEqualTo(1);
            assertThat(this.org.calls("POST /composite")).isZero();
            assertThat(results).hasSize(30);
            assertThat(results).extracting(WriteResult::sourceId)
                .containsExactlyElementsOf(chunk.stream().map(TargetRecord::sourceId).toList());
            assertThat(results.get(7).code()).isEqualTo("STRING_TOO_LONG");
            assertThat(results.get(7).column()).isEqualTo("Name");
            assertThat(results.get(19).code()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
            assertThat(results.stream().filter(WriteResult::written)).hasSize(28)
                .allMatch((r) -> r.outcome() == Outcome.CREATED);
            Map<String, Map<String, Object>> held = this.org.records("Account");
            for (WriteResult result : results) {
                if (result.written()) {
                    assertThat(held.get(result.targetId())).containsEntry("Legacy_Id__c", result.sourceId());
                }
            }
            List<WriteResult> again = target.write("Account", "Legacy_Id__c", chunk, WriteMode.UPSERT);
            assertThat(again.stream().filter(WriteResult::written)).hasSize(28)
                .allMatch((r) -> r.outcome() == Outcome.UPDATED);
            assertThat(this.org.records("Account")).hasSize(28);
            assertThat(target.callsToWrite("Account", 30)).isEqualTo(8);
            assertThat(target.callsToWrite("Account", 10)).isEqualTo(1);
        }
    }

    @Test
    void readsBackByIdsAndKeysCountsDeletesAndLinksToTheRecord() {
        List<TargetRecord> chunk = new ArrayList<>(accounts(0, 3));
        try (SalesforceTargetConnector target = SalesforceTesting.target(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            List<WriteResult> written = target.write("Account", "Legacy_Id__c", chunk, WriteMode.UPSERT);
            List<String> ids = written.stream().map(WriteResult::targetId).toList();
            Map<String, String> existing = target.existingByMatchKey("Account", "Legacy_Id__c",
                    List.of(chunk.get(0).sourceId(), chunk.get(2).sourceId(), "001NOTTHERE000000"));
            assertThat(existing).containsOnly(Map.entry(chunk.get(0).sourceId(), ids.get(0)),
                    Map.entry(chunk.get(2).sourceId(), ids.get(2)));
            Map<String, Map<String, Object>> read = target.read("Account", "Id", ids);
            assertThat(read).hasSize(3);
            assertThat(read.get(ids.get(1))).containsEntry("Name", chunk.get(1).values().get("Name"))
                .containsEntry("Legacy_Id__c", chunk.get(1).sourceId())
                .containsEntry("IsDeleted", false);
            assertThat(target.readWhere("Account", "Name", (String) chunk.get(0).values().get("Name"), 10))
                .containsOnlyKeys(ids.get(0));
            assertThat(target.patch("Account", "Id", Map.of(ids.get(0), map("Phone", "+81 3 0000 0000")))).isEmpty();
            assertThat(this.org.records("Account").get(ids.get(0))).containsEntry("Phone", "+81 3 0000 0000");
            assertThat(target.asStored("Account",
                    map("AnnualRevenue", "1200.50", "SLAExpirationDate__c", LocalDate.of(2026, 1, 2), "CreatedDate",
                            LocalDateTime.of(2026, 1, 2, 3, 4, 5), "Name", "N")))
                .containsEntry("AnnualRevenue", new BigDecimal("1200.50"))
                .containsEntry("CreatedDate", OffsetDateTime.parse("2026-01-02T03:04:05Z"))
                .containsEntry("Name", "N");
            assertThat(target.recordUrl("Account", ids.get(0)))
                .contains(this.org.url() + "/lightning/r/Account/" + ids.get(0) + "/view");
            assertThat(target.delete("Account", "Id", List.of(ids.get(0), ids.get(1)))).isEmpty();
            assertThat(target.delete("Account", "Id", List.of(ids.get(0)))).as("already gone counts as deleted")
                .isEmpty();
            assertThat(target.count("Account")).isEqualTo(1);
            assertThat(this.org.records("Account")).containsOnlyKeys(ids.get(2));
        }
    }

    @Test
    void updatesByMatchKeyAndRefusesRecordsItDoesNotFind() {
        try (SalesforceTargetConnector target = SalesforceTesting.target(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            List<TargetRecord> chunk = accounts(0, 2);
            target.write("Account", "Legacy_Id__c", chunk, WriteMode.CREATE);
            List<TargetRecord> changes = List.of(
                    new TargetRecord(chunk.get(1).sourceId(),
                            map("Legacy_Id__c", chunk.get(1).sourceId(), "Site", "HQ")),
                    new TargetRecord("001UNKNOWN", map("Legacy_Id__c", "001UNKNOWN", "Site", "HQ")));
            List<WriteResult> results = target.write("Account", "Legacy_Id__c", changes, WriteMode.UPDATE);
            assertThat(results).extracting(WriteResult::outcome).containsExactly(Outcome.UPDATED, Outcome.REJECTED);
            assertThat(results.get(1).code()).isEqualTo("NOT_FOUND");
            assertThat(this.org.records("Account").values()).filteredOn((r) -> "HQ".equals(r.get("Site"))).hasSize(1);
        }
    }

    /**
     * Accounts of the export as a run would write them: a few fields, the source id in
     * the external-id field.
     */
    static List<TargetRecord> accounts(int from, int count) {
        List<TargetRecord> records = new ArrayList<>();
        for (Map<String, String> row : MashmatrixOrg.rows("Account").subList(from, from + count)) {
            records.add(
                    new TargetRecord(row.get("Id"), map("Name", row.get("Name"), "Phone", emptyToNull(row.get("Phone")),
                            "BillingCity", emptyToNull(row.get("BillingCity")), "Legacy_Id__c", row.get("Id"))));
        }
        return records;
    }

    private static String emptyToNull(String value) {
        return (value == null || value.isEmpty()) ? null : value;
    }

}
