package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.TargetUnavailableException;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;
import dev.switchyard.connector.WriteResult.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.switchyard.connector.jdbc.JdbcTargetWriterTests.company;
import static dev.switchyard.connector.jdbc.JdbcTargetWriterTests.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Records the target refuses are rejected alone, with the database's message and the
 * column, while the rest of their chunk commits; a lost connection is not a rejection.
 */
class JdbcTargetRejectionTests {

    private static TargetDatabase target;

    private JdbcTargetWriter writer;

    private String acme;

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
        this.acme = this.writer
            .write("companies", "source_id", List.of(company("001A", "Acme", "Retail")), WriteMode.CREATE)
            .get(0)
            .targetId();
    }

    @AfterEach
    void close() {
        this.writer.close();
    }

    @Test
    void notNullLengthAndForeignKeyViolationsRejectOnlyTheirRecords() {
        List<WriteResult> results = this.writer.write("people", "source_id",
                List.of(person("003A", this.acme, "Brown", "emma@example.com"), person("003B", this.acme, null, null),
                        person("003C", this.acme, "Long", "x".repeat(81) + "@example.com"),
                        person("003D", "999999", "Orphan", null), person("003E", this.acme, "Smith", null)),
                WriteMode.CREATE);
        assertThat(results).extracting(WriteResult::sourceId, WriteResult::outcome, WriteResult::column)
            .containsExactly(tuple("003A", Outcome.CREATED, null), tuple("003B", Outcome.REJECTED, "last_name"),
                    tuple("003C", Outcome.REJECTED, "email"), tuple("003D", Outcome.REJECTED, "company_id"),
                    tuple("003E", Outcome.CREATED, null));
        assertThat(results.get(1).message())
            .isEqualTo("null value in column \"last_name\" of relation \"people\" violates not-null constraint");
        assertThat(results.get(2).message()).isEqualTo("value too long for type character varying(80)");
        assertThat(results.get(3).message())
            .isEqualTo("insert or update on table \"people\" violates foreign key constraint \"people_company_id_fkey\""
                    + " (Key (company_id)=(999999) is not present in table \"companies\".)");
        assertThat(this.writer.count("people")).isEqualTo(2);
    }

    @Test
    void checkConstraintAndEnumViolationsNameTheirColumns() {
        List<WriteResult> companies = this.writer.write("companies", "source_id",
                List.of(company("001B", "Globex", "Mining"), company("001C", "Initech", "Technology")),
                WriteMode.UPSERT);
        assertThat(companies).extracting(WriteResult::outcome, WriteResult::column)
            .containsExactly(tuple(Outcome.REJECTED, "industry"), tuple(Outcome.CREATED, null));
        assertThat(companies.get(0).message())
            .startsWith("new row for relation \"companies\" violates check constraint \"companies_industry_check\"");

        Map<String, Object> values = new LinkedHashMap<>(person("003A", this.acme, "Brown", null).values());
        values.put("status", "Retired");
        List<WriteResult> people = this.writer.write("people", "source_id", List.of(new TargetRecord("003A", values)),
                WriteMode.CREATE);
        assertThat(people).extracting(WriteResult::outcome, WriteResult::column)
            .containsExactly(tuple(Outcome.REJECTED, "status"));
        assertThat(people.get(0).message()).isEqualTo("invalid input value for enum person_status: \"Retired\"");
    }

    @Test
    void domainAndFixedLengthColumnsRejectWhatTheyCannotHoldInsteadOfTruncating() {
        List<TargetRecord> chunk = List.of(companyWith("001B", "code", "TOOLONG7"), companyWith("001C", "code", "ab"),
                companyWith("001D", "country", "USA"), companyWith("001E", "code", "OK1"));
        List<WriteResult> results = this.writer.write("companies", "source_id", chunk, WriteMode.UPSERT);
        assertThat(results).extracting(WriteResult::outcome, WriteResult::column, WriteResult::message)
            .containsExactly(tuple(Outcome.REJECTED, "code", "value too long for type character varying(6)"),
                    tuple(Outcome.REJECTED, "code",
                            "value for domain short_code violates check constraint \"short_code_check\""),
                    tuple(Outcome.REJECTED, "country", "value too long for type character(2)"),
                    tuple(Outcome.CREATED, null, null));
    }

    @Test
    void valuesTheColumnCannotHoldAreRejectedNamingColumnAndValue() {
        Map<String, Object> values = new LinkedHashMap<>(company("001B", "Globex", null).values());
        values.put("employees", "forty-two");
        Map<String, Object> decimal = new LinkedHashMap<>(company("001C", "Initech", null).values());
        decimal.put("employees", "4.5");
        Map<String, Object> unknown = new LinkedHashMap<>(company("001D", "Hooli", null).values());
        unknown.put("ceo", "Gavin");
        List<WriteResult> results = this.writer.write("companies", "source_id",
                List.of(new TargetRecord("001B", values), new TargetRecord("001C", decimal),
                        new TargetRecord("001D", unknown), company("001E", "Umbrella", null)),
                WriteMode.CREATE);
        assertThat(results).extracting(WriteResult::outcome, WriteResult::column, WriteResult::message)
            .containsExactly(
                    tuple(Outcome.REJECTED, "employees",
                            "The value 'forty-two' cannot go into the column employees (int4): not a whole number"),
                    tuple(Outcome.REJECTED, "employees",
                            "The value '4.5' cannot go into the column employees (int4): not a whole number"),
                    tuple(Outcome.REJECTED, "ceo", "There is no column 'ceo' in public.companies"),
                    tuple(Outcome.CREATED, null, null));
    }

    private static TargetRecord companyWith(String sourceId, String column, Object value) {
        Map<String, Object> values = new LinkedHashMap<>(company(sourceId, "Company " + sourceId, null).values());
        values.put(column, value);
        return new TargetRecord(sourceId, values);
    }

    @Test
    void badRecordsScatteredThroughALargeChunkLeaveEveryOtherRecordCommitted() {
        List<TargetRecord> chunk = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String lastName = (i % 397 == 5) ? null : "Person " + i;
            chunk.add(person("P" + i, (i == 1111) ? "424242" : this.acme, lastName, null));
        }
        List<WriteResult> results = this.writer.write("people", "source_id", chunk, WriteMode.CREATE);
        assertThat(results).hasSize(1200);
        assertThat(results).extracting(WriteResult::sourceId)
            .containsExactlyElementsOf(chunk.stream().map(TargetRecord::sourceId).toList());
        assertThat(results).filteredOn((r) -> r.outcome() == Outcome.REJECTED)
            .extracting(WriteResult::sourceId, WriteResult::column)
            .containsExactly(tuple("P5", "last_name"), tuple("P402", "last_name"), tuple("P799", "last_name"),
                    tuple("P1111", "company_id"), tuple("P1196", "last_name"));
        assertThat(this.writer.count("people")).isEqualTo(1195);
        assertThat(results).filteredOn(WriteResult::written)
            .extracting(WriteResult::targetId)
            .doesNotHaveDuplicates()
            .allMatch((id) -> id.matches("\\d+"));
    }

    @Test
    void idsReturnedBelongToTheirOwnRecords() throws Exception {
        List<TargetRecord> chunk = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            chunk.add(person("Q" + i, (i == 300) ? "424242" : this.acme, "Person " + i, null));
        }
        List<WriteResult> results = this.writer.write("people", null, chunk, WriteMode.CREATE);
        try (Connection connection = target.connect();
                PreparedStatement statement = connection
                    .prepareStatement("select source_id from people where id = ?")) {
            for (WriteResult result : results) {
                if (result.written()) {
                    statement.setLong(1, Long.parseLong(result.targetId()));
                    try (ResultSet rs = statement.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo(result.sourceId());
                    }
                }
            }
        }
        assertThat(results.get(300).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void lostConnectionIsTargetUnavailableAndTheNextCallReconnects() throws Exception {
        assertThat(this.writer.count("people")).isZero();
        target.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + target.database()
                + "' and application_name = 'Switchyard'");
        assertThatExceptionOfType(TargetUnavailableException.class)
            .isThrownBy(() -> this.writer.write("people", "source_id",
                    List.of(person("003A", this.acme, "Brown", null)), WriteMode.CREATE))
            .withMessageStartingWith("The target PostgreSQL at localhost:")
            .withMessageContaining("is unavailable while writing into public.people")
            .withMessageEndingWith("nothing was committed")
            .satisfies((ex) -> assertThat(ex.inDoubt()).isFalse());
        assertThat(target.queryForLong("select count(*) from people")).isZero();

        assertThat(this.writer.write("people", "source_id", List.of(person("003A", this.acme, "Brown", null)),
                WriteMode.CREATE))
            .extracting(WriteResult::outcome)
            .containsExactly(Outcome.CREATED);
    }

    @Test
    void aTargetTakingNoConnectionsIsUnavailableWhenReconnectingAndWhenOpening() throws Exception {
        target.allowConnections(false);
        try {
            assertThatExceptionOfType(TargetUnavailableException.class).isThrownBy(() -> this.writer.count("people"))
                .as("the lost connection");
            assertThatExceptionOfType(TargetUnavailableException.class).isThrownBy(() -> this.writer.count("people"))
                .as("reconnecting")
                .withMessageContaining("is not currently accepting connections");
            assertThatExceptionOfType(TargetUnavailableException.class)
                .isThrownBy(() -> new JdbcConnectorProvider().openWriter(target.settings()))
                .as("opening a writer");
        }
        finally {
            target.allowConnections(true);
        }
        assertThat(this.writer.count("companies")).isEqualTo(1);
    }

    @Test
    void connectionLostDuringTheCommitIsTargetUnavailableInDoubt() throws Exception {
        Connection real = target.connect();
        Connection failingCommit = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        real.close();
                        throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                    }
                    try {
                        return method.invoke(real, args);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
        try (JdbcTargetWriter failing = new JdbcTargetWriter(failingCommit, JdbcUrl.parse(target.url()), "postgres",
                null, "public")) {
            assertThatExceptionOfType(TargetUnavailableException.class)
                .isThrownBy(() -> failing.write("people", "source_id",
                        List.of(person("003A", this.acme, "Brown", null)), WriteMode.CREATE))
                .withMessageEndingWith("the commit was under way, so the target may or may not hold the changes")
                .satisfies((ex) -> assertThat(ex.inDoubt()).isTrue());
            assertThat(failing.existingByMatchKey("people", "source_id", List.of("003A")))
                .as("a replay asks, on a new connection")
                .isEmpty();
        }
    }

    @Test
    void connectionLostWhileTheChunkIsWrittenIsTargetUnavailableNotARejection() throws Exception {
        target.execute("""
                create or replace function people_terminate() returns trigger language plpgsql as $$
                begin
                    if new.last_name = 'Terminator' then
                        perform pg_terminate_backend(pg_backend_pid());
                    end if;
                    return new;
                end $$;
                create trigger people_terminate before insert on people
                    for each row execute function people_terminate();
                """);
        try {
            assertThatExceptionOfType(TargetUnavailableException.class).isThrownBy(() -> this.writer.write("people",
                    "source_id",
                    List.of(person("003A", this.acme, "Brown", null), person("003B", this.acme, "Terminator", null)),
                    WriteMode.CREATE));
            assertThat(target.queryForLong("select count(*) from people")).isZero();
        }
        finally {
            target.execute("drop trigger people_terminate on people");
        }
    }

}
