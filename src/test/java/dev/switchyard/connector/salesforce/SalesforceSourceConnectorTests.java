package dev.switchyard.connector.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.FieldType;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.RecordingSink;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceRecord;
import dev.switchyard.support.salesforce.MashmatrixOrg;
import dev.switchyard.support.salesforce.SalesforceStubOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceSourceConnectorTests {

    private SalesforceStubOrg org;

    @BeforeEach
    void seed() {
        this.org = SalesforceStubOrg.start();
        MashmatrixOrg.seed(this.org);
    }

    @AfterEach
    void stop() {
        this.org.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void describesPicklistsRequiredFieldsReferencesRecordTypesAndValidationRules() {
        try (SalesforceSourceConnector source = SalesforceTesting.source(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            SchemaSnapshot schema = source.describe();
            assertThat(schema.objects()).extracting(ObjectSchema::name)
                .containsExactly("Account", "Contact", "Opportunity");
            assertThat(schema.problems()).isEmpty();
            ObjectSchema account = schema.object("Account").orElseThrow();
            assertThat(account.idField()).isEqualTo("Id");
            assertThat(account.fields()).extracting(FieldSchema::name)
                .contains("BillingStreet", "BillingCity")
                .doesNotContain("BillingAddress", "ShippingAddress");
            FieldSchema name = field(account, "Name");
            assertThat(name.required()).isTrue();
            assertThat(name.length()).isEqualTo(255);
            assertThat(field(account, "Phone").required()).isFalse();
            assertThat(field(account, "IsDeleted").required()).as("defaulted on create").isFalse();
            FieldSchema rating = field(account, "Rating");
            assertThat(rating.type()).isEqualTo(FieldType.PICKLIST);
            assertThat(rating.picklistValues()).containsExactly("Hot", "Warm", "Cold");
            assertThat(rating.attributes()).containsEntry("restrictedPicklist", true);
            assertThat((List<Map<String, Object>>) rating.attributes().get("picklist")).anySatisfy(
                    (entry) -> assertThat(entry).containsEntry("value", "Lukewarm").containsEntry("active", false));
            FieldSchema subregion = field(account, "Subregion__c");
            assertThat(subregion.attributes()).containsEntry("controllingField", "Region__c");
            assertThat((List<Map<String, Object>>) subregion.attributes().get("picklist"))
                .anySatisfy((entry) -> assertThat(entry).containsEntry("value", "DACH")
                    .containsEntry("validFor", List.of("EMEA")))
                .anySatisfy((entry) -> assertThat(entry).containsEntry("value", "Japan")
                    .containsEntry("validFor", List.of("APAC")));
            assertThat(field(account, "Legacy_Id__c").attributes()).containsEntry("externalId", true);
            assertThat(field(account, "Legacy_Id__c").unique()).isTrue();
            FieldSchema owner = field(account, "OwnerId");
            assertThat(owner.referenceTo()).as("polymorphic: resolved by id prefix").isNull();
            assertThat(owner.attributes()).containsEntry("referenceTo", List.of("Group", "User"))
                .containsEntry("polymorphic", true);
            assertThat(field(account, "AnnualRevenue").attributes()).containsEntry("precision", 18)
                .containsEntry("scale", 2);
            assertThat((List<Map<String, Object>>) account.attributes().get("recordTypes"))
                .anySatisfy((type) -> assertThat(type).containsEntry("developerName", "Customer"));
            assertThat((List<Map<String, Object>>) account.attributes().get("validationRules")).singleElement()
                .satisfies((rule) -> assertThat(rule).containsEntry("name", "Name_Not_Test")
                    .containsEntry("active", true)
                    .containsEntry("errorMessage", "An account may not be called TEST")
                    .containsEntry("formula", "Name = 'TEST'"));
            ObjectSchema contact = schema.object("Contact").orElseThrow();
            assertThat(field(contact, "AccountId").referenceTo()).isEqualTo("Account");
            assertThat(field(contact, "ReportsToId").referenceTo()).isEqualTo("Contact");
            assertThat(field(contact, "LastName").required()).isTrue();
            ObjectSchema opportunity = schema.object("Opportunity").orElseThrow();
            assertThat(field(opportunity, "AccountId").referenceTo()).isEqualTo("Account");
            assertThat(field(opportunity, "StageName").picklistValues()).contains("Closed Won");
            assertThat((List<Map<String, Object>>) opportunity.attributes().get("validationRules"))
                .extracting((rule) -> rule.get("name"))
                .containsExactly("Close_Date_Required");
        }
    }

    @Test
    void describeGoesOnWhenValidationRulesCannotBeRead() {
        this.org.forbidTooling();
        try (SalesforceSourceConnector source = SalesforceTesting.source(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            SchemaSnapshot schema = source.describe();
            assertThat(schema.objects()).hasSize(3);
            assertThat(schema.problems()).singleElement()
                .satisfies((p) -> assertThat(p.message()).contains("Validation rules are unavailable")
                    .contains("INSUFFICIENT_ACCESS"));
            assertThat(schema.object("Account").orElseThrow().attributes()).containsKey("validationRulesUnavailable");
        }
    }

    @Test
    void readsMoreThanTwoThousandRecordsThroughQueryPages() {
        List<Map<String, Object>> more = new ArrayList<>();
        for (int i = 0; i < 4_300; i++) {
            more.add(Map.of("LastName", "Generated " + i, "AccountId", "001f4000003NkdeAAC"));
        }
        this.org.seed("Contact", more);
        try (SalesforceSourceConnector source = SalesforceTesting.source(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            RecordingSink sink = new RecordingSink();
            source.extract("Contact", ExtractWindow.full(), sink);
            assertThat(sink.problems()).isEmpty();
            assertThat(sink.records()).hasSize(133 + 4_300);
            assertThat(sink.records().stream().map(SourceRecord::id).distinct()).hasSize(133 + 4_300);
            assertThat(this.org.calls("GET /query/01g")).as("pages after the first").isEqualTo(2);
            SourceRecord emma = sink.records()
                .stream()
                .filter((r) -> r.id().equals("003f4000003d6AhAAI"))
                .findFirst()
                .orElseThrow();
            assertThat(emma.values()).containsEntry("AccountId", "001f4000003NkdeAAC")
                .containsEntry("ReportsToId", "003f4000003d69wAAA")
                .containsEntry("MailingCity", "South Lake Tahoe(CA)")
                .containsEntry("IsDeleted", false)
                .doesNotContainKey("MailingAddress");
            assertThat(emma.values().get("CreatedDate")).isEqualTo(OffsetDateTime.parse("2017-08-04T09:09:50Z"));
        }
    }

    @Test
    void readsAnObjectAboveTheThresholdThroughABulkQueryPagedByLocator() {
        RecordingMeter meter = new RecordingMeter();
        try (SalesforceSourceConnector source = SalesforceTesting.source(this.org,
                SalesforceTesting.properties(500, 2_000, 300), meter)) {
            RecordingSink sink = new RecordingSink();
            source.extract("Opportunity", ExtractWindow.full(), sink);
            assertThat(sink.records()).hasSize(774);
            assertThat(this.org.calls("POST /jobs/query")).isEqualTo(1);
            assertThat(this.org.calls("GET /jobs/query/")).as("two polls, three result pages").isEqualTo(2 + 3);
            assertThat(this.org.calls("GET /query/01g")).isZero();
            Map<String, String> row = MashmatrixOrg.rows("Opportunity").get(0);
            SourceRecord first = sink.records()
                .stream()
                .filter((r) -> r.id().equals(row.get("Id")))
                .findFirst()
                .orElseThrow();
            assertThat(first.values()).containsEntry("AccountId", row.get("AccountId"))
                .containsEntry("Name", row.get("Name"))
                .containsEntry("CloseDate", LocalDate.parse(row.get("CloseDate")));
            if (!row.get("Amount").isEmpty()) {
                assertThat(first.values().get("Amount")).isEqualTo(new BigDecimal(row.get("Amount")));
            }
            assertThat(meter.before).contains("bulk").hasSameSizeAs(meter.after);
            assertThat(source.callsToExtract("Opportunity", 774)).isEqualTo(1 + 1 + 2 + 3);
        }
    }

    @Test
    void deltaReadsTheMarksOwnSecondAgainAndListIdsLeavesOutDeletedRecords() {
        String[] ids = this.org.records("Contact").keySet().toArray(new String[0]);
        Instant mark = Instant.parse("2026-11-30T10:00:00.700Z");
        this.org.now(mark);
        this.org.update("Contact", ids[0], Map.of("Title", "Changed before the mark"));
        try (SalesforceSourceConnector source = SalesforceTesting.source(this.org, SalesforceTesting.properties(),
                new RecordingMeter())) {
            RecordingSink full = new RecordingSink();
            source.extract("Contact", ExtractWindow.full(), full);
            Instant watermark = full.records()
                .stream()
                .map((r) -> ((OffsetDateTime) r.values().get("SystemModstamp")).toInstant())
                .max(Instant::compareTo)
                .orElseThrow();
            assertThat(watermark).isEqualTo(mark);
            this.org.now(Instant.parse("2026-11-30T10:00:00.900Z"));
            this.org.update("Contact", ids[1], Map.of("Title", "Changed in the mark's own second"));
            this.org.now(Instant.parse("2026-11-30T10:05:00Z"));
            this.org.update("Contact", ids[2], Map.of("Title", "Changed later"));
            this.org.delete("Contact", ids[3]);
            RecordingSink delta = new RecordingSink();
            assertThat(source.filtersByWindow()).isTrue();
            source.extract("Contact", new ExtractWindow("LastModifiedDate", watermark), delta);
            assertThat(delta.records()).extracting(SourceRecord::id).containsExactlyInAnyOrder(ids[0], ids[1], ids[2]);
            List<String> listed = new ArrayList<>();
            source.listIds("Contact", listed::add);
            assertThat(listed).hasSize(132).doesNotContain(ids[3]).contains(ids[0], ids[1], ids[2]);
        }
    }

    private static FieldSchema field(ObjectSchema object, String name) {
        return object.fields().stream().filter((f) -> f.name().equals(name)).findFirst().orElseThrow();
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

}
