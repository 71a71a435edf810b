package dev.switchyard.connector.jdbc;

import dev.switchyard.connector.RecordingSink;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.FieldType;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Describing and extracting a CRM schema in a real PostgreSQL.
 */
class JdbcConnectorTests {

    private static CrmDatabase crm;

    private static SchemaSnapshot snapshot;

    private final JdbcConnectorProvider provider = new JdbcConnectorProvider();

    private JdbcSourceConnector connector;

    @BeforeAll
    static void createDatabase() throws Exception {
        crm = new CrmDatabase();
        try (JdbcSourceConnector connector = new JdbcConnectorProvider().open(crm.settings())) {
            snapshot = connector.describe();
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        crm.close();
    }

    @BeforeEach
    void open() {
        this.connector = this.provider.open(crm.settings());
    }

    @AfterEach
    void close() {
        this.connector.close();
    }

    @Test
    void tablesAndViewsOfThePublicSchemaAreTheObjects() {
        assertThat(snapshot.objects()).extracting(ObjectSchema::name)
            .containsExactly("Odd \"Name\" Table", "account", "account_tag", "contact", "opportunity",
                    "won_opportunity");
        assertThat(object("account").origin()).isEqualTo("public.account");
        assertThat(object("account").recordCount()).isEqualTo(5);
        assertThat(object("won_opportunity").recordCount()).isEqualTo(1);
    }

    @Test
    void columnsComeInOrdinalOrderWithNativeAndDictionaryTypes() {
        assertThat(object("opportunity").fields())
            .extracting(FieldSchema::name, FieldSchema::nativeType, FieldSchema::type)
            .containsExactly(tuple("id", "uuid", FieldType.ID), tuple("account_id", "int8", FieldType.REFERENCE),
                    tuple("name", "text", FieldType.TEXT), tuple("amount", "numeric", FieldType.DECIMAL),
                    tuple("close_date", "date", FieldType.DATE), tuple("stage", "text", FieldType.PICKLIST),
                    tuple("probability", "float4", FieldType.DECIMAL), tuple("tags", "_text", null),
                    tuple("attachment", "bytea", null), tuple("details", "jsonb", null),
                    tuple("updated_at", "timestamp", FieldType.DATETIME));
        assertThat(field("account", "active").type()).isEqualTo(FieldType.BOOLEAN);
        assertThat(field("contact", "updated_at").type()).isEqualTo(FieldType.DATETIME);
        assertThat(field("contact", "id").type()).isEqualTo(FieldType.INTEGER);
    }

    @Test
    void notNullColumnsAreRequiredAndCharacterLengthsAreKept() {
        assertThat(field("account", "name").required()).isTrue();
        assertThat(field("account", "industry").required()).isFalse();
        assertThat(field("contact", "email").length()).isEqualTo(120);
        assertThat(field("contact", "email").type()).isEqualTo(FieldType.TEXT);
        assertThat(field("account", "name").length()).as("unbounded text").isNull();
        assertThat(field("opportunity", "amount").length()).isNull();
    }

    @Test
    void foreignKeysReferToTheReferencedTable() {
        assertThat(field("contact", "account_id").referenceTo()).isEqualTo("account");
        assertThat(field("contact", "reports_to_id").referenceTo()).isEqualTo("contact");
        assertThat(field("contact", "reports_to_id").type()).isEqualTo(FieldType.REFERENCE);
        assertThat(field("account", "parent_id").referenceTo()).isEqualTo("account");
        assertThat(field("contact", "email").referenceTo()).isNull();
    }

    @Test
    void checkListsAndEnumTypesBecomePicklistsWithExactlyTheirValues() {
        assertThat(field("account", "industry").picklistValues()).containsExactly("Banking", "Retail", "Tech & Media");
        assertThat(field("account", "industry").type()).isEqualTo(FieldType.PICKLIST);
        assertThat(field("opportunity", "stage").picklistValues()).containsExactly("Prospecting", "Closed Won");
        assertThat(field("contact", "status").picklistValues()).containsExactly("Active", "Do Not Contact",
                "Left 'Acme' & Co");
        assertThat(field("contact", "status").type()).isEqualTo(FieldType.PICKLIST);
        assertThat(field("account", "name").picklistValues()).isEmpty();
    }

    @Test
    void serialAndIdentityColumnsAreGeneratedButPlainDefaultsAreNot() {
        assertThat(field("account", "id").generated()).as("identity").isTrue();
        assertThat(field("contact", "id").generated()).as("bigserial").isTrue();
        assertThat(field("contact", "status").generated()).as("constant default").isFalse();
        assertThat(field("account", "name").generated()).isFalse();
    }

    @Test
    void singleColumnPrimaryKeyIsTheIdAndUniqueLikeUniqueIndexes() {
        assertThat(object("account").idField()).isEqualTo("id");
        assertThat(object("opportunity").idField()).isEqualTo("id");
        assertThat(field("account", "id").unique()).isTrue();
        assertThat(field("account", "external_key").unique()).isTrue();
        assertThat(field("account", "name").unique()).isFalse();
    }

    @Test
    void tableWithoutPrimaryKeyHasNoIdAndAProblemAsksToChooseOne() {
        assertThat(object("account_tag").idField()).isNull();
        assertThat(object("won_opportunity").idField()).isNull();
        assertThat(snapshot.problems()).extracting((p) -> p.object())
            .containsExactlyInAnyOrder("account_tag", "won_opportunity");
        assertThat(snapshot.problems()).filteredOn((p) -> p.object().equals("account_tag"))
            .singleElement()
            .satisfies((p) -> {
                assertThat(p.location()).isEqualTo("public.account_tag");
                assertThat(p.message()).contains("no single-column primary key").contains("choose its id column");
            });
    }

    @Test
    void extractionStreamsEveryRowOrderedByIdWithTypedValues() {
        RecordingSink sink = extract("opportunity", ExtractWindow.full());
        assertThat(sink.problems()).isEmpty();
        assertThat(sink.records()).hasSize(2);
        SourceRecord first = sink.records().get(0);
        assertThat(first.id()).isEqualTo("0b6f1e6c-1c1e-4a55-8e0e-7e1f3cb2a001");
        assertThat(first.location()).isEqualTo("public.opportunity");
        assertThat(first.values()).containsEntry("account_id", 3L)
            .containsEntry("amount", new BigDecimal("24710.00"))
            .containsEntry("close_date", LocalDate.of(2024, 6, 14))
            .containsEntry("stage", "Prospecting")
            .containsEntry("probability", new BigDecimal("0.1"))
            .containsEntry("tags", "{gpu,ai}")
            .containsEntry("attachment", "\\x4869")
            .containsEntry("details", "{\"source\": \"web\"}")
            .containsEntry("updated_at", LocalDateTime.of(2024, 1, 20, 10, 0));
        assertThat(first.values().keySet()).first().isEqualTo("id");
        assertThat(sink.records().get(1).values()).containsEntry("amount", new BigDecimal("22905.50"));
    }

    @Test
    void extractedAccountsKeepBooleansNullsAndTheirIdsAsText() {
        RecordingSink sink = extract("account", ExtractWindow.full());
        assertThat(sink.records()).extracting(SourceRecord::id).containsExactly("1", "2", "3", "4", "5");
        assertThat(sink.records().get(0).values()).containsEntry("name", "Bank of America")
            .containsEntry("active", true)
            .containsEntry("parent_id", null)
            .containsEntry("external_key", "a3c1e0f2-5b0c-4d59-9a53-0d2b3c4e5f60");
        assertThat(sink.records().get(4).values()).containsEntry("parent_id", 1L);
    }

    @Test
    void zonedTimestampsAreOffsetDateTimes() {
        RecordingSink sink = extract("contact", ExtractWindow.full());
        assertThat(sink.records()).hasSize(3);
        assertThat(((OffsetDateTime) sink.records().get(0).values().get("updated_at")).toInstant())
            .isEqualTo(Instant.parse("2024-01-15T10:00:00Z"));
        assertThat(sink.records().get(1).values()).containsEntry("status", "Left 'Acme' & Co")
            .containsEntry("reports_to_id", 1L);
    }

    @Test
    void deltaWindowFiltersByTheModifiedColumnInTheQuery() {
        assertThat(this.connector.filtersByWindow()).isTrue();
        RecordingSink accounts = extract("account",
                new ExtractWindow("updated_at", Instant.parse("2024-02-01T00:00:00Z")));
        assertThat(accounts.records()).extracting((r) -> r.values().get("name"))
            .containsExactly("Burton Snowboards", "NVIDIA", "Countrywide Financial");
        RecordingSink contacts = extract("contact",
                new ExtractWindow("UPDATED_AT", Instant.parse("2024-02-15T10:00:00Z")));
        assertThat(contacts.records()).extracting(SourceRecord::id).containsExactly("2", "3");
        assertThat(contacts.problems()).isEmpty();
    }

    @Test
    void deltaOnAMissingColumnExtractsEverythingAndSaysSo() {
        RecordingSink sink = extract("Odd \"Name\" Table",
                new ExtractWindow("updated_at", Instant.now().atOffset(ZoneOffset.UTC).toInstant()));
        assertThat(sink.records()).hasSize(1);
        assertThat(sink.problems()).singleElement()
            .satisfies((p) -> assertThat(p.message()).contains("no column 'updated_at'"));
    }

    @Test
    void identifiersWithSpacesAndQuotesAreQuoted() {
        ObjectSchema odd = object("Odd \"Name\" Table");
        assertThat(odd.idField()).isEqualTo("Row Id");
        assertThat(odd.fields()).extracting(FieldSchema::name).containsExactly("Row Id", "Label \"quoted\"");
        RecordingSink sink = extract("Odd \"Name\" Table", ExtractWindow.full());
        assertThat(sink.records()).singleElement()
            .satisfies((r) -> assertThat(r.values()).containsEntry("Label \"quoted\"", "it's \"odd\""));
        assertThat(sink.records().get(0).location()).isEqualTo("public.Odd \"Name\" Table");
    }

    @Test
    void idColumnChosenInTheSettingsIsUsedAndRowsWithoutIdAreProblems() {
        try (JdbcSourceConnector chosen = this.provider.open(CrmDatabase
            .settings(Map.of("url", crm.url(), "username", "postgres"), Map.of("account_tag", "TAG_ID")))) {
            assertThat(chosen.describe().object("account_tag")).get()
                .extracting(ObjectSchema::idField)
                .isEqualTo("tag_id");
            RecordingSink sink = new RecordingSink();
            chosen.extract("account_tag", ExtractWindow.full(), sink);
            assertThat(sink.records()).extracting(SourceRecord::id).containsExactly("1", "3");
            assertThat(sink.problems()).singleElement().satisfies((p) -> {
                assertThat(p.object()).isEqualTo("account_tag");
                assertThat(p.location()).isEqualTo("public.account_tag");
                assertThat(p.message()).contains("has no id");
                assertThat(p.rawValue()).contains("tag=winter").contains("account_id=2");
            });
        }
    }

    @Test
    void objectWithoutIdIsNotExtractedAndSaysWhy() {
        RecordingSink sink = extract("account_tag", ExtractWindow.full());
        assertThat(sink.records()).isEmpty();
        assertThat(sink.problems()).singleElement()
            .satisfies((p) -> assertThat(p.message()).contains("no single-column primary key")
                .contains("choose its id column"));
    }

    @Test
    void cancelledExtractionStopsReadingRows() {
        RecordingSink sink = new RecordingSink() {

            @Override
            public boolean cancelled() {
                return this.records().size() >= 2;
            }

        };
        this.connector.extract("account", ExtractWindow.full(), sink);
        assertThat(sink.records()).extracting(SourceRecord::id).containsExactly("1", "2");
    }

    @Test
    void schemaOptionReadsAnotherSchema() {
        try (JdbcSourceConnector archive = this.provider.open(CrmDatabase
            .settings(Map.of("url", crm.url(), "username", "postgres", "schema", "ARCHIVE"), Map.of()))) {
            assertThat(archive.schema()).isEqualTo("archive");
            assertThat(archive.describe().objects()).extracting(ObjectSchema::name).containsExactly("old_account");
        }
    }

    private RecordingSink extract(String object, ExtractWindow window) {
        RecordingSink sink = new RecordingSink();
        this.connector.extract(object, window, sink);
        return sink;
    }

    private static ObjectSchema object(String name) {
        return snapshot.objects().stream().filter((o) -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static FieldSchema field(String object, String name) {
        return object(object).fields().stream().filter((f) -> f.name().equals(name)).findFirst().orElseThrow();
    }

}
