package dev.switchyard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.switchyard.connection.ConnectionRequest;
import dev.switchyard.connection.ConnectionService;
import dev.switchyard.extraction.ExtractionService;
import dev.switchyard.extraction.ExtractionTimings;
import dev.switchyard.project.Project;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.support.Fixtures;
import dev.switchyard.system.JobStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark: run only by the {@code bench} Maven profile
 * ({@code ./mvnw -Pbench -Dbench.records=N verify}), never by the ordinary build. It
 * generates a synthetic export of N records, measures PostgreSQL's own server-side
 * {@code COPY} of the three files as the baseline, then a full extraction of the same
 * folder through the application, and prints one {@code BENCH} line per phase. See
 * {@code docs/benchmarks.md}.
 * <p>
 * The web environment is a mock one (no server is started): {@code NONE} cannot be used
 * because the security configuration needs {@code HttpSecurity}, which only exists in a
 * web application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = { "spring.main.banner-mode=off", "logging.level.root=WARN", "logging.level.dev.switchyard=WARN",
                "switchyard.runs.chunk-size=1000" })
@Import(Fixtures.class)
class ExtractionBenchmark {

    private static final long RECORDS = Long.parseLong(System.getProperty("bench.records", "1000000").trim());

    private static final Path BENCH_DIR = Path.of("target", "bench").toAbsolutePath();

    private static final Duration EXTRACTION_TIMEOUT = Duration.ofMinutes(60);

    @Autowired
    Fixtures fixtures;

    @Autowired
    ConnectionService connections;

    @Autowired
    ExtractionService extractions;

    @Autowired
    SnapshotLifecycle snapshots;

    @Autowired
    DataSource dataSource;

    @Autowired
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    @Autowired
    dev.switchyard.mapping.MappingInputs mappingInputs;

    @Autowired
    dev.switchyard.mapping.MappingSuggester suggester;

    @Autowired
    dev.switchyard.mapping.TargetPicklists picklists;

    @Autowired
    dev.switchyard.mapping.MappingService mappings;

    @Autowired
    dev.switchyard.run.RunService runs;

    private final List<String> results = new ArrayList<>();

    private double copyRate = Double.NaN;

    @DynamicPropertySource
    static void importRoot(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(BENCH_DIR);
        registry.add("switchyard.import-roots", BENCH_DIR::toString);
    }

    @Test
    void benchmark() throws Exception {
        Path folder = generate();
        resetPeakHeap();
        copy(folder);
        long project = extract(folder);
        transform(folder);
        migrate(project);
        Files.write(BENCH_DIR.resolve("results.txt"), this.results);
        info("Results written to " + BENCH_DIR.resolve("results.txt"));
    }

    private Path generate() throws IOException {
        Path folder = BENCH_DIR.resolve("export-" + RECORDS);
        CrmExportGenerator generator = new CrmExportGenerator(RECORDS);
        long start = System.nanoTime();
        boolean written = generator.generateInto(folder);
        info(String.format(Locale.ROOT, "%s %d records (%d accounts, %d contacts, %d opportunities) in %s%s",
                written ? "Generated" : "Reusing", RECORDS, generator.accounts(), generator.contacts(),
                generator.opportunities(), folder,
                written ? String.format(Locale.ROOT, " in %.2f s", seconds(start)) : ""));
        return folder;
    }

    /**
     * The baseline: PostgreSQL reading the three files itself into unindexed text tables.
     */
    private void copy(Path folder) throws SQLException {
        Map<String, String[]> tables = Map.of("Account", CrmExportGenerator.ACCOUNT_HEADER, "Contact",
                CrmExportGenerator.CONTACT_HEADER, "Opportunity", CrmExportGenerator.OPPORTUNITY_HEADER);
        try (Connection connection = this.dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String[]> table : tables.entrySet()) {
                statement.execute("drop table if exists bench_copy_" + table.getKey().toLowerCase(Locale.ROOT));
                statement.execute("create table bench_copy_" + table.getKey().toLowerCase(Locale.ROOT) + " ("
                        + Arrays.stream(table.getValue())
                            .map((c) -> "\"" + c + "\" text")
                            .collect(Collectors.joining(", "))
                        + ")");
            }
            statement.execute("checkpoint");
            long start = System.nanoTime();
            long rows = 0;
            for (String object : List.of("Account", "Contact", "Opportunity")) {
                String file = folder.resolve(object + ".csv").toAbsolutePath().toString().replace("'", "''");
                rows += statement.executeUpdate("copy bench_copy_" + object.toLowerCase(Locale.ROOT) + " from '" + file
                        + "' with (format csv, header true)");
            }
            double seconds = seconds(start);
            assertThat(rows).as("rows copied").isEqualTo(RECORDS);
            this.copyRate = RECORDS / seconds;
            report("copy", seconds);
            for (String object : tables.keySet()) {
                statement.execute("drop table bench_copy_" + object.toLowerCase(Locale.ROOT));
            }
            statement.execute("checkpoint");
        }
    }

    /**
     * A full extraction of the folder through the application, as the administrator.
     */
    private long extract(Path folder) throws Exception {
        Project project = this.fixtures.project(Fixtures.ADMIN);
        this.fixtures.as(Fixtures.ADMIN, () -> this.connections.create(project.getId(),
                new ConnectionRequest("source", null, "csv", null, null, null, null, null, folder.toString(), Map.of()),
                null, null));
        long start = System.nanoTime();
        // start() is @Transactional: the extraction is handed to its executor after
        // commit
        Snapshot queued = this.fixtures.as(Fixtures.ADMIN, () -> this.extractions.start(project.getId(), "full"));
        long id = queued.getId();
        Snapshot snapshot = queued;
        long deadline = System.nanoTime() + EXTRACTION_TIMEOUT.toNanos();
        while (!snapshot.getStatus().isFinished()) {
            assertThat(System.nanoTime()).as("extraction finished within " + EXTRACTION_TIMEOUT).isLessThan(deadline);
            Thread.sleep(250);
            snapshot = this.snapshots.get(id);
        }
        double wall = seconds(start);
        info(String.format(Locale.ROOT, "Extraction %d: %s after %.2f s: %s", id, snapshot.getStatus(), wall,
                snapshot.getMessage()));
        assertThat(snapshot.getStatus()).as(snapshot.getMessage())
            .isIn(JobStatus.COMPLETED, JobStatus.COMPLETED_WITH_ERRORS);
        ExtractionTimings timings = this.extractions.timings(id)
            .orElseThrow(() -> new AssertionError("No timings for extraction " + id));
        info(String.format(Locale.ROOT,
                "Timings: records=%d total=%.2f s staging=%.2f s (of which profiling %.2f s) index=%.2f s analysis=%.2f s",
                timings.records(), timings.totalSeconds(), timings.stagingSeconds(), timings.profilingSeconds(),
                timings.indexSeconds(), timings.analysisSeconds()));
        assertThat(stagedRows(id)).as("rows staged").isEqualTo(RECORDS);
        report("extract", timings.stagingSeconds() - timings.profilingSeconds() + timings.indexSeconds());
        report("profile", timings.profilingSeconds() + timings.analysisSeconds());
        info(peakHeap("copy and extraction"));
        return project.getId();
    }

    /**
     * A full run of the extracted records into the demo destination schema (foreign keys,
     * NOT NULL, CHECK picklists in place) in a database of its own on the same server:
     * every reference rebuilt through the cross-reference, self references in the second
     * pass, the ledger written. The mapping is the suggested one with what suggestions
     * cannot decide made total: every picklist map gets a default, phones are copied.
     */
    private void migrate(long projectId) throws Exception {
        String url = dev.switchyard.support.TargetDatabases.create(this.postgres, "bench_target",
                dev.switchyard.support.TargetDatabases.demoSchema());
        this.fixtures.as(Fixtures.ADMIN, () -> this.connections.create(projectId,
                new ConnectionRequest("target", "sandbox", "jdbc", null, url, "postgres", "", "public", null, Map.of()),
                null, null));
        dev.switchyard.mapping.MappingDocument mapping = this.fixtures.as(Fixtures.ADMIN, () -> {
            dev.switchyard.mapping.MappingInputs.Inputs inputs = this.mappingInputs.load(projectId);
            dev.switchyard.mapping.MappingDocument suggested = this.suggester
                .suggest(inputs, dev.switchyard.mapping.MappingDocument.empty())
                .mapping();
            List<dev.switchyard.mapping.ObjectMapping> objects = new ArrayList<>();
            for (dev.switchyard.mapping.ObjectMapping object : suggested.objects()) {
                List<dev.switchyard.mapping.FieldMapping> fields = new ArrayList<>();
                for (dev.switchyard.mapping.FieldMapping field : object.fields()) {
                    List<dev.switchyard.mapping.transform.Transform> steps = new ArrayList<>();
                    for (dev.switchyard.mapping.transform.Transform step : field.transforms()) {
                        if (step instanceof dev.switchyard.mapping.transform.PicklistMap map) {
                            List<String> allowed = this.picklists.allowed(inputs, suggested, object.target(),
                                    field.target());
                            steps.add(new dev.switchyard.mapping.transform.PicklistMap(map.values(),
                                    allowed.contains("Other") ? "Other" : allowed.get(0), true));
                        }
                        else if (step instanceof dev.switchyard.mapping.transform.PhoneE164) {
                            steps.add(new dev.switchyard.mapping.transform.Trim(true));
                        }
                        else {
                            steps.add(step);
                        }
                    }
                    fields.add(new dev.switchyard.mapping.FieldMapping(field.target(), field.sources(), steps,
                            field.note()));
                }
                objects.add(object.withFields(fields));
            }
            return this.mappings.save(projectId, suggested.withObjects(objects).withVersion(0), "benchmark mapping")
                .document();
        });
        info("migrate: mapping of " + mapping.objects().size() + " objects, "
                + mapping.objects().stream().mapToInt((o) -> o.fields().size()).sum() + " fields");
        resetPeakHeap();
        long start = System.nanoTime();
        dev.switchyard.run.Run run = this.fixtures.as(Fixtures.ADMIN,
                () -> this.runs.start(projectId, "sandbox", "full", null, null));
        long deadline = System.nanoTime() + EXTRACTION_TIMEOUT.toNanos();
        while (!List
            .of(dev.switchyard.run.RunStatus.COMPLETED, dev.switchyard.run.RunStatus.FAILED,
                    dev.switchyard.run.RunStatus.PAUSED)
            .contains(run.status())) {
            assertThat(System.nanoTime()).as("run finished within " + EXTRACTION_TIMEOUT).isLessThan(deadline);
            Thread.sleep(250);
            run = this.runs.get(run.id());
        }
        double seconds = seconds(start);
        info(String.format(Locale.ROOT, "Run %d: %s after %.2f s: %s", run.id(), run.status(), seconds, run.message()));
        for (dev.switchyard.run.Run.RunObject object : run.objects()) {
            info(String.format(Locale.ROOT,
                    "migrate %s → %s: %d records, created %d, quarantined %d, excluded %d (%.2f s)", object.source(),
                    object.target(), object.total(), object.created(), object.quarantined(), object.excluded(),
                    Duration.between(object.startedAt(), object.finishedAt()).toMillis() / 1000.0));
        }
        assertThat(run.status()).as(run.message()).isEqualTo(dev.switchyard.run.RunStatus.COMPLETED);
        assertThat(run.balanced()).isTrue();
        assertThat(run.processed()).isEqualTo(RECORDS);
        report("migrate", seconds);
        info(peakHeap("migration"));
    }

    private long stagedRows(long snapshotId) throws SQLException {
        try (Connection connection = this.dataSource.getConnection();
                PreparedStatement count = connection
                    .prepareStatement("select count(*) from staged_record where snapshot_id = ?")) {
            count.setLong(1, snapshotId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * A typical 20-field mapping (10 for opportunities) applied to every record, on one
     * thread; only the transforms are timed.
     */
    private void transform(Path folder) throws IOException {
        TransformWorkload workload = new TransformWorkload();
        resetPeakHeap();
        workload.run(folder);
        info(String.format(Locale.ROOT,
                "transform: %d records, %d values in %.2f s on one thread, batches of %d records (%d transform errors recorded, not counted as failures)",
                workload.records(), workload.values(), workload.seconds(), workload.batch(), workload.errors()));
        info("transform: slowest target fields " + workload.slowest(8));
        info(peakHeap("transform"));
        report("transform", workload.seconds());
    }

    private void report(String phase, double seconds) {
        double rate = RECORDS / seconds;
        String line = String.format(Locale.ROOT, "BENCH phase=%s records=%d seconds=%.2f rate=%.0f copyRatio=%.3f",
                phase, RECORDS, seconds, rate, rate / this.copyRate);
        this.results.add(line);
        System.out.println(line);
    }

    private static void info(String message) {
        System.out.println("[bench] " + message);
    }

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static String peakHeap(String phases) {
        long sum = 0;
        StringBuilder pools = new StringBuilder();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                long peak = pool.getPeakUsage().getUsed();
                sum += peak;
                pools.append(String.format(Locale.ROOT, "; %s %d MB", pool.getName(), mb(peak)));
                if (pool.getCollectionUsage() != null) {
                    pools.append(String.format(Locale.ROOT, " (after last GC %d MB)",
                            mb(pool.getCollectionUsage().getUsed())));
                }
            }
        }
        return String.format(Locale.ROOT, "Peak heap used (sum of heap pools' peaks, %s) %d MB of max %d MB%s", phases,
                mb(sum), mb(Runtime.getRuntime().maxMemory()), pools);
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

}
