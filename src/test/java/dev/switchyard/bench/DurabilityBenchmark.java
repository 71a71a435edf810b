package dev.switchyard.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.switchyard.system.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What durability costs the embedded PostgreSQL: the same work on a server with
 * {@code fsync} and {@code synchronous_commit} on (the application's default) and off
 * ({@code switchyard.embedded.durable=false}, the tests). Run only by the {@code bench}
 * profile: {@code ./mvnw -Pbench -Dtest=DurabilityBenchmark verify}; see
 * {@code docs/benchmarks.md}. Each mode runs on a new cluster of its own, twice, in the
 * order on, off, on, off; one {@code BENCH} line per phase and round.
 */
class DurabilityBenchmark {

    private static final int COMMITS = 1_000;

    private static final int CHUNKS = 50;

    private static final int CHUNK_ROWS = 1_000;

    private static final int BULK_ROWS = 200_000;

    private final List<String> results = new ArrayList<>();

    @Test
    void benchmark() throws Exception {
        Path root = Files.createTempDirectory("switchyard-durability-bench-");
        for (int round = 1; round <= 2; round++) {
            measure(root.resolve("on-" + round), true);
            measure(root.resolve("off-" + round), false);
        }
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.write(out.resolve("durability.txt"), this.results);
    }

    private void measure(Path cluster, boolean durable) throws SQLException, IOException {
        String mode = durable ? "fsync-on" : "fsync-off";
        long start = System.nanoTime();
        EmbeddedPostgres server = EmbeddedPostgresServer.start(cluster, durable);
        report(mode, "new-cluster", 1, seconds(start));
        try {
            start = System.nanoTime();
            EmbeddedPostgresServer.createDatabaseIfMissing(server, "bench");
            report(mode, "create-database", 1, seconds(start));
            try (Connection connection = server.getDatabase("postgres", "bench").getConnection()) {
                assertThat(show(connection, "fsync")).isEqualTo(durable ? "on" : "off");
                assertThat(show(connection, "synchronous_commit")).isEqualTo(durable ? "on" : "off");
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("create table note (id bigserial primary key, body text not null)");
                    ddl.execute("create table ledger (run_id bigint not null, source_id text not null, "
                            + "outcome text not null, target_id text, primary key (run_id, source_id))");
                    ddl.execute("create index ledger_target on ledger (target_id)");
                    ddl.execute("create table staged (id text not null, payload text not null)");
                }
                commits(connection, mode);
                chunks(connection, mode);
                bulk(connection, mode);
            }
        }
        finally {
            EmbeddedPostgresServer.stop(cluster);
        }
    }

    /** One single-row insert per transaction: what a form save costs. */
    private void commits(Connection connection, String mode) throws SQLException {
        connection.setAutoCommit(true);
        long start = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement("insert into note (body) values (?)")) {
            for (int i = 0; i < COMMITS; i++) {
                insert.setString(1, "note " + i);
                insert.executeUpdate();
            }
        }
        report(mode, "commits", COMMITS, seconds(start));
    }

    /** Ledger-like chunks: 1,000 rows in one array statement and one transaction each. */
    private void chunks(Connection connection, String mode) throws SQLException {
        connection.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement("insert into ledger (run_id, source_id, outcome, "
                + "target_id) select 1, s, 'LOADED', t from unnest(?::text[], ?::text[]) as u (s, t)")) {
            for (int chunk = 0; chunk < CHUNKS; chunk++) {
                String[] sources = new String[CHUNK_ROWS];
                String[] targets = new String[CHUNK_ROWS];
                for (int i = 0; i < CHUNK_ROWS; i++) {
                    sources[i] = String.format(Locale.ROOT, "003%015d", chunk * CHUNK_ROWS + i);
                    targets[i] = Integer.toString(chunk * CHUNK_ROWS + i);
                }
                Array sourceArray = connection.createArrayOf("text", sources);
                Array targetArray = connection.createArrayOf("text", targets);
                insert.setArray(1, sourceArray);
                insert.setArray(2, targetArray);
                insert.executeUpdate();
                connection.commit();
            }
        }
        connection.setAutoCommit(true);
        report(mode, "chunks", CHUNKS * CHUNK_ROWS, seconds(start));
    }

    /** A staging-like COPY of 200,000 rows (about 30 MB) in one transaction. */
    private void bulk(Connection connection, String mode) throws SQLException, IOException {
        StringBuilder data = new StringBuilder(BULK_ROWS * 160);
        for (int i = 0; i < BULK_ROWS; i++) {
            data.append(String.format(Locale.ROOT, "001%015d", i))
                .append('\t')
                .append("{\"Name\": \"Account ")
                .append(i)
                .append("\", \"Phone\": \"(415) 555-0100\", \"Industry\": \"Manufacturing\", "
                        + "\"BillingCity\": \"Glendale\", \"AnnualRevenue\": \"7450000.00\"}")
                .append('\n');
        }
        long start = System.nanoTime();
        long rows = connection.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("copy staged (id, payload) from stdin", new StringReader(data.toString()));
        assertThat(rows).isEqualTo(BULK_ROWS);
        report(mode, "bulk-copy", BULK_ROWS, seconds(start));
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); var rs = statement.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void report(String mode, String phase, int rows, double seconds) {
        String line = String.format(Locale.ROOT, "BENCH durability=%s phase=%s rows=%d seconds=%.3f rate=%.0f", mode,
                phase, rows, seconds, rows / seconds);
        this.results.add(line);
        System.out.println(line);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

}
