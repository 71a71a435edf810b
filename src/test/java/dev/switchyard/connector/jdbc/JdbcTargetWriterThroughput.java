package dev.switchyard.connector.jdbc;

import java.io.StringReader;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a test (its name is outside the build's {@code *Tests}): writes
 * 100,000 people with a foreign key to 1,000 companies in chunks of 1,000, then upserts
 * them again, and compares with a plain COPY. Run it alone with
 * {@code ./mvnw -Dtest=JdbcTargetWriterThroughput -Dsurefire.failIfNoSpecifiedTests=false verify}
 * and read {@code THROUGHPUT} lines in its output file under
 * {@code target/surefire-reports}.
 */
class JdbcTargetWriterThroughput {

    private static final int PEOPLE = Integer.getInteger("throughput.rows", 100_000);

    private static final int ROUNDS = Integer.getInteger("throughput.rounds", 2);

    private static final int CHUNK = Integer.getInteger("throughput.chunk", 1_000);

    @Test
    void measure() throws Exception {
        try (TargetDatabase target = new TargetDatabase();
                JdbcTargetWriter writer = new JdbcConnectorProvider().openWriter(target.settings())) {
            List<TargetRecord> companies = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                companies.add(JdbcTargetWriterTests.company("001" + i, "Company " + i, "Retail"));
            }
            List<String> companyIds = writer.write("companies", "source_id", companies, WriteMode.CREATE)
                .stream()
                .map(WriteResult::targetId)
                .toList();
            List<TargetRecord> people = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                people.add(person(i, companyIds.get(i % companyIds.size()), "Person " + i));
            }
            // a real target indexes its match key (people's is not unique, so upserts
            // look up first)
            target.execute("create index people_source_id on people (source_id)");
            for (int round = 1; round <= ROUNDS; round++) {
                // the first round warms up the JIT and the server's plans
                target.execute("truncate people restart identity");
                report(round, "create", PEOPLE, write(writer, people, WriteMode.CREATE));
                report(round, "upsert-unchanged", PEOPLE, write(writer, people, WriteMode.UPSERT));
                List<TargetRecord> changed = new ArrayList<>();
                for (int i = 0; i < PEOPLE; i++) {
                    changed.add(person(i, companyIds.get(i % companyIds.size()), "Renamed " + i));
                }
                report(round, "upsert-updated", PEOPLE, write(writer, changed, WriteMode.UPSERT));
                List<TargetRecord> withBad = new ArrayList<>();
                for (int i = 0; i < PEOPLE; i++) {
                    withBad
                        .add(person(PEOPLE + i, companyIds.get(i % companyIds.size()), (i % 1000 == 7) ? null : "P"));
                }
                report(round, "create-with-0.1%-not-null-rejected", PEOPLE, write(writer, withBad, WriteMode.CREATE));
                List<TargetRecord> withOrphans = new ArrayList<>();
                for (int i = 0; i < PEOPLE; i++) {
                    withOrphans.add(person(2 * PEOPLE + i, (i % 1000 == 7) ? "999999" : companyIds.get(i % 1000), "P"));
                }
                report(round, "create-with-0.1%-fk-rejected", PEOPLE, write(writer, withOrphans, WriteMode.CREATE));
                assertThat(writer.count("people")).isEqualTo(PEOPLE * 3L - 2 * (PEOPLE / 1000));
            }
            target.execute("truncate people restart identity");
            StringBuilder copy = new StringBuilder();
            for (TargetRecord person : people) {
                Map<String, Object> v = person.values();
                copy.append(v.get("source_id"))
                    .append('\t')
                    .append(v.get("company_id"))
                    .append('\t')
                    .append(v.get("first_name"))
                    .append('\t')
                    .append(v.get("last_name"))
                    .append('\t')
                    .append(v.get("email"))
                    .append('\t')
                    .append(v.get("status"))
                    .append('\t')
                    .append(v.get("interests"))
                    .append('\t')
                    .append(v.get("last_contacted"))
                    .append('\n');
            }
            long start = System.nanoTime();
            try (Connection connection = target.connect()) {
                connection.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy people (source_id, company_id, first_name, last_name, email, status, interests,"
                            + " last_contacted) from stdin", new StringReader(copy.toString()));
            }
            report(0, "copy-baseline", PEOPLE, System.nanoTime() - start);
        }
    }

    private static long write(JdbcTargetWriter writer, List<TargetRecord> records, WriteMode mode) {
        long start = System.nanoTime();
        for (int from = 0; from < records.size(); from += CHUNK) {
            writer.write("people", "source_id", records.subList(from, Math.min(records.size(), from + CHUNK)), mode);
        }
        return System.nanoTime() - start;
    }

    private static TargetRecord person(int i, String companyId, String lastName) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("source_id", "003" + i);
        values.put("company_id", companyId);
        values.put("first_name", "First" + i);
        values.put("last_name", lastName);
        values.put("email", "person" + i + "@example.com");
        values.put("status", "Active");
        values.put("interests", "Golf;Chess");
        values.put("last_contacted", OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC).plusMinutes(i));
        return new TargetRecord("003" + i, values);
    }

    private static void report(int round, String phase, int rows, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("THROUGHPUT round=%d phase=%s rows=%d seconds=%.2f rate=%.0f rows/s%n", round, phase, rows,
                seconds, rows / seconds);
    }

}
