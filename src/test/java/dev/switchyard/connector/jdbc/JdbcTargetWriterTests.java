package dev.switchyard.connector.jdbc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;
import dev.switchyard.connector.WriteResult.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Creating, updating and upserting chunks of records in a real PostgreSQL, and replaying
 * a chunk after a crash without duplicates.
 */
class JdbcTargetWriterTests {

    private static TargetDatabase target;

    private JdbcTargetWriter writer;

    @BeforeAll
    static void createDatabase() throws Exception {
        target = new TargetDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        target.close();
    }

    @BeforeEach
    void open() throws Exception {
        target.empty();
        this.writer = new JdbcConnectorProvider().openWriter(target.settings());
    }

    @AfterEach
    void close() {
        this.writer.close();
    }

    @Test
    void createInsertsEveryRecordAndGivesTheNewIdsInInputOrder() {
        List<WriteResult> results = this.writer.write("companies", "source_id",
                List.of(company("001A", "Acme", "Retail"), company("001B", "Globex", "Technology"),
                        company("001C", "Initech", null)),
                WriteMode.CREATE);
        assertThat(results).extracting(WriteResult::sourceId, WriteResult::outcome, WriteResult::targetId)
            .containsExactly(tuple("001A", Outcome.CREATED, "1"), tuple("001B", Outcome.CREATED, "2"),
                    tuple("001C", Outcome.CREATED, "3"));
        assertThat(this.writer.count("companies")).isEqualTo(3);
        assertThat(this.writer.read("companies", null, List.of("2")).get("2")).containsEntry("name", "Globex")
            .containsEntry("source_id", "001B")
            .containsEntry("industry", "Technology")
            .containsEntry("active", true);
    }

    @Test
    void valuesAreConvertedToTheColumnsTypes() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("source_id", "001A");
        values.put("NAME", "Acme");
        values.put("employees", " 42 ");
        values.put("annual_revenue", 1250000L);
        values.put("active", "false");
        values.put("founded", "1999-12-31");
        values.put("updated_at", OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)));
        String companyId = this.writer
            .write("companies", "source_id", List.of(new TargetRecord("001A", values)), WriteMode.CREATE)
            .get(0)
            .targetId();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("source_id", "003A");
        person.put("company_id", companyId);
        person.put("last_name", "Brown");
        person.put("status", "Left");
        person.put("tags", List.of("vip", "golf"));
        person.put("interests", List.of("Skiing", "Chess"));
        person.put("last_contacted", LocalDateTime.of(2024, 1, 15, 10, 0));
        List<WriteResult> results = this.writer.write("people", "source_id", List.of(new TargetRecord("003A", person)),
                WriteMode.CREATE);
        assertThat(results).extracting(WriteResult::outcome).containsExactly(Outcome.CREATED);

        assertThat(this.writer.read("companies", "id", List.of(companyId)).get(companyId))
            .containsEntry("employees", 42L)
            .containsEntry("annual_revenue", new BigDecimal("1250000.00"))
            .containsEntry("active", false)
            .containsEntry("founded", LocalDate.of(1999, 12, 31))
            .containsEntry("updated_at", LocalDateTime.of(2024, 3, 1, 8, 0));
        Map<String, Object> read = this.writer.read("people", null, List.of(results.get(0).targetId()))
            .get(results.get(0).targetId());
        assertThat(read).containsEntry("status", "Left")
            .containsEntry("tags", List.of("vip", "golf"))
            .containsEntry("interests", "Skiing;Chess")
            .containsEntry("company_id", Long.valueOf(companyId));
        assertThat(((OffsetDateTime) read.get("last_contacted")).toInstant())
            .isEqualTo(LocalDateTime.of(2024, 1, 15, 10, 0).toInstant(ZoneOffset.UTC));
    }

    @Test
    void updateChangesTheRowsTheMatchKeysFindAndRejectsKeysNoRowHas() {
        this.writer.write("companies", "source_id",
                List.of(company("001A", "Acme", "Retail"), company("001B", "Globex", "Retail")), WriteMode.CREATE);
        List<WriteResult> results = this.writer.write("companies", "source_id",
                List.of(company("001B", "Globex Corporation", "Technology"), company("001Z", "Nobody", null),
                        company("001A", "Acme", "Retail")),
                WriteMode.UPDATE);
        assertThat(results).extracting(WriteResult::sourceId, WriteResult::outcome, WriteResult::targetId)
            .containsExactly(tuple("001B", Outcome.UPDATED, "2"), tuple("001Z", Outcome.REJECTED, null),
                    tuple("001A", Outcome.UNCHANGED, "1"));
        assertThat(results.get(1).column()).isEqualTo("source_id");
        assertThat(results.get(1).message()).isEqualTo("No row of public.companies has source_id = '001Z'");
        assertThat(this.writer.read("companies", null, List.of("2")).get("2")).containsEntry("name",
                "Globex Corporation");
        assertThat(this.writer.count("companies")).isEqualTo(2);
    }

    @Test
    void updateByTheIdColumnUpdatesByTargetId() {
        this.writer.write("companies", null, List.of(company("001A", "Acme", "Retail")), WriteMode.CREATE);
        List<WriteResult> results = this.writer.write("companies", "id",
                List.of(new TargetRecord("001A", Map.of("id", "1", "employees", 12))), WriteMode.UPDATE);
        assertThat(results).extracting(WriteResult::outcome, WriteResult::targetId)
            .containsExactly(tuple(Outcome.UPDATED, "1"));
        assertThat(this.writer.read("companies", null, List.of("1")).get("1")).containsEntry("employees", 12L);
    }

    @Test
    void upsertOnAUniqueMatchKeyCreatesUpdatesAndLeavesUnchangedRowsAlone() throws Exception {
        this.writer.write("companies", "source_id",
                List.of(company("001A", "Acme", "Retail"), company("001B", "Globex", "Retail")), WriteMode.CREATE);
        long xmin = target.queryForLong("select xmin::text::bigint from companies where source_id = '001A'");
        List<WriteResult> results = this.writer.write("companies", "source_id",
                List.of(company("001A", "Acme", "Retail"), company("001B", "Globex", "Technology"),
                        company("001C", "Initech", null)),
                WriteMode.UPSERT);
        assertThat(results).extracting(WriteResult::sourceId, WriteResult::outcome, WriteResult::targetId)
            .containsExactly(tuple("001A", Outcome.UNCHANGED, "1"), tuple("001B", Outcome.UPDATED, "2"),
                    tuple("001C", Outcome.CREATED, "3"));
        assertThat(target.queryForLong("select xmin::text::bigint from companies where source_id = '001A'"))
            .as("an unchanged row is not even rewritten")
            .isEqualTo(xmin);
        assertThat(this.writer.count("companies")).isEqualTo(3);
    }

    @Test
    void upsertThatLosesARaceToAnotherInsertOfItsKeyUpdatesThatRow() throws Exception {
        // the trigger inserts the same key first, as another writer could between lookup
        // and insert
        target.execute("""
                create function companies_race() returns trigger language plpgsql as $$
                begin
                    if new.name = 'Racer' then
                        insert into companies (source_id, name) values (new.source_id, 'Inserted meanwhile');
                    end if;
                    return new;
                end $$;
                create trigger companies_race before insert on companies
                    for each row execute function companies_race();
                """);
        try {
            List<WriteResult> results = this.writer.write("companies", "source_id",
                    List.of(company("001A", "Acme", null), company("001R", "Racer", null)), WriteMode.UPSERT);
            assertThat(results).extracting(WriteResult::sourceId, WriteResult::outcome)
                .containsExactly(tuple("001A", Outcome.CREATED), tuple("001R", Outcome.UPDATED));
            assertThat(this.writer.existingByMatchKey("companies", "source_id", List.of("001R"))).containsEntry("001R",
                    results.get(1).targetId());
            assertThat(this.writer.read("companies", null, List.of(results.get(1).targetId()))
                .get(results.get(1).targetId())).containsEntry("name", "Racer");
            assertThat(this.writer.count("companies")).isEqualTo(2);
        }
        finally {
            target.execute("drop trigger companies_race on companies; drop function companies_race()");
        }
    }

    @Test
    void upsertWithoutAUniqueIndexLooksUpThenInsertsOrUpdates() {
        String companyId = this.writer
            .write("companies", "source_id", List.of(company("001A", "Acme", "Retail")), WriteMode.CREATE)
            .get(0)
            .targetId();
        this.writer.write("people", "source_id", List.of(person("003A", companyId, "Brown", "emma@example.com"),
                person("003B", companyId, "Williams", null)), WriteMode.CREATE);
        List<WriteResult> results = this.writer.write("people", "source_id",
                List.of(person("003C", companyId, "Smith", null),
                        person("003A", companyId, "Brown", "emma@example.com"),
                        person("003B", companyId, "Williams", "jacob@example.com")),
                WriteMode.UPSERT);
        assertThat(results).extracting(WriteResult::sourceId, WriteResult::outcome, WriteResult::targetId)
            .containsExactly(tuple("003C", Outcome.CREATED, "3"), tuple("003A", Outcome.UNCHANGED, "1"),
                    tuple("003B", Outcome.UPDATED, "2"));
        assertThat(this.writer.count("people")).isEqualTo(3);
    }

    @Test
    void replayedChunkLearnsWhatTheTargetHoldsAndCreatesNoDuplicate() {
        List<TargetRecord> chunk = List.of(company("001A", "Acme", "Retail"), company("001B", "Globex", "Retail"),
                company("001C", "Initech", null));
        // the run crashed after the target committed the first two records, before its
        // ledger
        this.writer.write("companies", "source_id", chunk.subList(0, 2), WriteMode.CREATE);

        Map<String, String> existing = this.writer.existingByMatchKey("companies", "source_id",
                List.of("001A", "001B", "001C"));
        assertThat(existing).containsExactly(Map.entry("001A", "1"), Map.entry("001B", "2"));
        List<TargetRecord> missing = chunk.stream().filter((r) -> !existing.containsKey(r.sourceId())).toList();
        assertThat(this.writer.write("companies", "source_id", missing, WriteMode.CREATE))
            .extracting(WriteResult::sourceId, WriteResult::outcome)
            .containsExactly(tuple("001C", Outcome.CREATED));
        assertThat(this.writer.count("companies")).isEqualTo(3);

        assertThat(this.writer.write("companies", "source_id", chunk, WriteMode.UPSERT))
            .extracting(WriteResult::outcome)
            .as("an upsert replays safely as it is")
            .containsOnly(Outcome.UNCHANGED);
        assertThat(this.writer.write("companies", "source_id", chunk, WriteMode.CREATE))
            .extracting(WriteResult::outcome, WriteResult::column)
            .as("a unique match key refuses a blind second create")
            .containsOnly(tuple(Outcome.REJECTED, "source_id"));
        assertThat(this.writer.count("companies")).isEqualTo(3);
    }

    @Test
    void existingByMatchKeyConvertsKeysToTheColumnsType() {
        this.writer.write("companies", null, List.of(company("001A", "Acme", "Retail")), WriteMode.CREATE);
        assertThat(this.writer.existingByMatchKey("companies", "id", List.of("1", "2", "not a number")))
            .containsExactly(Map.entry("1", "1"));
    }

    @Test
    void readWhereGivesTheRowsHoldingAValueInPrimaryKeyOrderUpToTheLimit() {
        this.writer.write("companies", null, List.of(company("001A", "Acme", "Retail"),
                company("001B", "Globex", "Technology"), company("001C", "Initech", "Retail")), WriteMode.CREATE);
        assertThat(this.writer.readWhere("companies", "industry", "Retail", 10)).containsOnlyKeys("1", "3");
        assertThat(this.writer.readWhere("companies", "industry", "Retail", 10).get("3")).containsEntry("name",
                "Initech");
        assertThat(this.writer.readWhere("companies", "industry", "Retail", 1)).containsOnlyKeys("1");
        assertThat(this.writer.readWhere("companies", "id", "2", 10)).containsOnlyKeys("2");
        assertThat(this.writer.readWhere("companies", "id", "not a number", 10)).isEmpty();
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> this.writer.readWhere("companies", "no_such_column", "1", 10));
    }

    @Test
    void matchKeyRepeatedWithinAChunkRejectsTheLaterRecord() {
        List<WriteResult> results = this.writer.write("companies", "source_id",
                List.of(company("001A", "Acme", "Retail"), company("001A", "Acme again", "Retail")), WriteMode.UPSERT);
        assertThat(results).extracting(WriteResult::outcome).containsExactly(Outcome.CREATED, Outcome.REJECTED);
        assertThat(results.get(1).message())
            .isEqualTo("The match key source_id = '001A' is also the key of the record 001A of this chunk");
        assertThat(this.writer.count("companies")).isEqualTo(1);
    }

    @Test
    void uuidPrimaryKeysAreGivenAsText() {
        List<WriteResult> results = this.writer.write("notes", "source_id",
                List.of(new TargetRecord("N1", Map.of("source_id", "N1", "body", "Called back"))), WriteMode.UPSERT);
        assertThat(results.get(0).outcome()).isEqualTo(Outcome.CREATED);
        assertThat(results.get(0).targetId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(this.writer.read("notes", null, List.of(results.get(0).targetId().toUpperCase())))
            .as("ids are compared as UUIDs")
            .hasSize(1);
    }

    @Test
    void awkwardTextAndListsSurviveTheRoundTripAndCompareExactly() {
        String companyId = this.writer
            .write("companies", "source_id", List.of(company("001A", "Acme", "Retail")), WriteMode.CREATE)
            .get(0)
            .targetId();
        List<String> tags = new java.util.ArrayList<>(
                List.of("a,b", "say \"hi\"", "back\\slash", "{braced}", "NULL", "", "naïve ☃"));
        tags.add(null);
        List<TargetRecord> chunk = new java.util.ArrayList<>();
        for (String text : List.of("NULL", "", "it's \"quoted\", {braced} \\ back;slash", "line\nbreak\ttab")) {
            Map<String, Object> values = new LinkedHashMap<>(
                    person("P" + chunk.size(), companyId, text, null).values());
            values.put("interests", text);
            values.put("tags", tags);
            chunk.add(new TargetRecord("P" + chunk.size(), values));
        }
        List<WriteResult> created = this.writer.write("people", "source_id", chunk, WriteMode.CREATE);
        assertThat(created).extracting(WriteResult::outcome).containsOnly(Outcome.CREATED);
        Map<String, Map<String, Object>> rows = this.writer.read("people", null,
                created.stream().map(WriteResult::targetId).toList());
        assertThat(rows.values()).extracting((row) -> row.get("interests"))
            .containsExactly("NULL", "", "it's \"quoted\", {braced} \\ back;slash", "line\nbreak\ttab");
        assertThat(rows.values()).extracting((row) -> row.get("tags")).containsOnly(tags);
        assertThat(this.writer.write("people", "source_id", chunk, WriteMode.UPSERT)).extracting(WriteResult::outcome)
            .containsOnly(Outcome.UNCHANGED);
    }

    @Test
    void columnsWithoutEqualityLikeJsonStillTellUnchangedFromUpdated() {
        TargetRecord note = new TargetRecord("N1", Map.of("source_id", "N1", "meta", "{\"stars\": 4}"));
        assertThat(this.writer.write("notes", "source_id", List.of(note), WriteMode.UPSERT))
            .extracting(WriteResult::outcome)
            .containsExactly(Outcome.CREATED);
        assertThat(this.writer.write("notes", "source_id", List.of(note), WriteMode.UPSERT))
            .extracting(WriteResult::outcome)
            .containsExactly(Outcome.UNCHANGED);
        assertThat(this.writer.write("notes", "source_id",
                List.of(new TargetRecord("N1", Map.of("source_id", "N1", "meta", "{\"stars\": 5}"))), WriteMode.UPSERT))
            .extracting(WriteResult::outcome)
            .containsExactly(Outcome.UPDATED);
    }

    @Test
    void updateAndUpsertNeedAMatchKeyAndUnknownTablesAreNamed() {
        List<TargetRecord> chunk = List.of(company("001A", "Acme", null));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.writer.write("companies", null, chunk, WriteMode.UPSERT))
            .withMessageContaining("needs a match key column");
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> this.writer.write("accounts", null, chunk, WriteMode.CREATE))
            .withMessage("There is no table 'accounts' in the schema public of PostgreSQL at localhost:"
                    + target.url().replaceFirst(".*localhost:", ""));
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> this.writer.write("companies", "external_id", chunk, WriteMode.UPSERT))
            .withMessage("The match key column 'external_id' is not a column of public.companies");
        assertThat(this.writer.write("COMPANIES", "SOURCE_ID", chunk, WriteMode.UPSERT))
            .extracting(WriteResult::outcome)
            .as("names in another case are found")
            .containsExactly(Outcome.CREATED);
    }

    static TargetRecord company(String sourceId, String name, String industry) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("source_id", sourceId);
        values.put("name", name);
        values.put("industry", industry);
        return new TargetRecord(sourceId, values);
    }

    static TargetRecord person(String sourceId, String companyId, String lastName, String email) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("source_id", sourceId);
        values.put("company_id", companyId);
        values.put("last_name", lastName);
        values.put("email", email);
        return new TargetRecord(sourceId, values);
    }

}
