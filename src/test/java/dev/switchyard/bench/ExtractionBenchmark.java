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
                "switchyard.runs.chunk-size=${bench.runChunk:1000}" })
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

    @Autowired
    dev.switchyard.validation.ValidationService validations;

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
        Migrated migrated = migrate(project);
        validate(migrated);
        sqlDiff(migrated);
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
    private Migrated migrate(long projectId) throws Exception {
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
        return new Migrated(run, mapping, url);
    }

    /**
     * A migrated run, its mapping and its target database.
     */
    private record Migrated(dev.switchyard.run.Run run, dev.switchyard.mapping.MappingDocument mapping,
            String targetUrl) {
    }

    /**
     * A full validation of the migrated run, as a tester starts it: every loaded record
     * read back from the target, its fields compared with the transform of the staged
     * source, every reference checked against the cross-reference, the content checks.
     * Timed from the start request to its end.
     */
    private void validate(Migrated migrated) throws Exception {
        long runId = migrated.run().id();
        resetPeakHeap();
        long start = System.nanoTime();
        dev.switchyard.validation.Validation validation = this.fixtures.as(Fixtures.ADMIN,
                () -> this.validations.start(runId, dev.switchyard.validation.ValidationService.Request.FULL));
        long deadline = System.nanoTime() + EXTRACTION_TIMEOUT.toNanos();
        while (!validation.status().finished()) {
            assertThat(System.nanoTime()).as("validation finished within " + EXTRACTION_TIMEOUT).isLessThan(deadline);
            Thread.sleep(100);
            validation = this.validations.get(validation.id());
        }
        double seconds = seconds(start);
        info(String.format(Locale.ROOT,
                "Validation %d: %s (%s) after %.2f s: %d records read back, %d field values "
                        + "compared, %d references checked (%d broken): %s",
                validation.id(), validation.status(), validation.verdict(), seconds, validation.processed(),
                validation.fieldsCompared(), validation.relationshipsChecked(), validation.relationshipsBroken(),
                validation.message()));
        for (dev.switchyard.validation.Validation.ObjectResult object : validation.objects()) {
            info(String.format(Locale.ROOT,
                    "validate %s → %s: extracted %d, loaded %d, in target %s, compared %d, " + "balanced %s",
                    object.source(), object.target(), object.extracted(), object.loaded(), object.inTarget(),
                    object.compared(), object.balanced()));
        }
        assertThat(validation.status()).as(validation.message())
            .isEqualTo(dev.switchyard.validation.ValidationStatus.COMPLETED);
        assertThat(validation.objects()).isNotEmpty()
            .allSatisfy((o) -> assertThat(o.balanced()).as(o.source() + " balanced").isTrue());
        report("validate", seconds);
        info(peakHeap("validation"));
        explainWithoutOutcome(migrated.run());
    }

    /**
     * Prints the plan of the reconciliation's query for source records without an
     * outcome, per object: where a validation spends its time before it reads anything
     * back.
     */
    private void explainWithoutOutcome(dev.switchyard.run.Run run) throws SQLException {
        try (Connection connection = this.dataSource
            .getConnection(); PreparedStatement explain = connection.prepareStatement("""
                    explain (analyze, costs off) select count(*) from (
                        select source_id from staged_record where snapshot_id = ? and object = ? and not deleted
                        except
                        select source_id from run_ledger where run_id = ? and source_object = ? and target_object = ?
                    ) m""")) {
            for (dev.switchyard.run.RunPlan.Step step : run.plan().steps()) {
                explain.setLong(1, run.snapshotId());
                explain.setString(2, step.source());
                explain.setLong(3, run.id());
                explain.setString(4, step.source());
                explain.setString(5, step.target());
                List<String> plan = new ArrayList<>();
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString(1).strip());
                    }
                }
                info("validate: records without outcome of " + step.source() + ": " + String.join(" | ", plan));
            }
        }
        explainReferences(run);
    }

    /**
     * Prints the plan of the engine's cross-reference lookup for one chunk of parents
     * (1,000 account ids), on its first and its seventh execution as a prepared statement
     * (from the sixth on, PostgreSQL may use a generic plan).
     */
    private void explainReferences(dev.switchyard.run.Run run) throws SQLException {
        try (Connection connection = this.dataSource.getConnection();
                PreparedStatement ids = connection.prepareStatement(
                        "select source_id from staged_record where snapshot_id = ? and object = 'Account' limit 1000");
                PreparedStatement explain = connection.prepareStatement("""
                        explain (analyze, costs off) select p.id, x.target_id from unnest(?::varchar[]) as p (id)
                        cross join lateral (select target_id from xref where environment_id = ?
                            and source_object = ? and target_object = ? and source_id = p.id limit 1) x""")) {
            ids.setLong(1, run.snapshotId());
            List<String> parents = new ArrayList<>();
            try (ResultSet rs = ids.executeQuery()) {
                while (rs.next()) {
                    parents.add(rs.getString(1));
                }
            }
            for (int i = 1; i <= 7; i++) {
                explain.setArray(1, connection.createArrayOf("varchar", parents.toArray()));
                explain.setLong(2, run.environmentId());
                explain.setString(3, "Account");
                explain.setString(4, "companies");
                List<String> plan = new ArrayList<>();
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString(1).strip());
                    }
                }
                if (i == 1 || i == 7) {
                    info("validate: cross-reference lookup, execution " + i + ": " + String.join(" | ", plan));
                }
            }
        }
    }

    /**
     * The same comparison inside PostgreSQL with plain SQL, as the yardstick for
     * {@code validate}: in the target database, the workbench's {@code staged_record} and
     * {@code xref} are foreign tables ({@code postgres_fdw} to the workbench database on
     * the same server), and one query per object joins the snapshot's staged payloads
     * through the cross-reference to the target rows and counts, per mapped field,
     * {@code (payload ->> 'SourceField') IS DISTINCT FROM column::text} — no transforms;
     * a reference field is compared with the parent's cross-reference (one more join).
     * Only the queries are timed, the transfer of the staged rows included; setting up
     * the foreign tables is not. The planner uses remote estimates and no nested loops
     * (which would look the cross-reference up row by row across the connection).
     */
    private void sqlDiff(Migrated migrated) throws Exception {
        dev.switchyard.run.Run run = migrated.run();
        String database;
        try (Connection workbench = this.dataSource.getConnection()) {
            database = workbench.getCatalog();
        }
        try (Connection target = java.sql.DriverManager.getConnection(migrated.targetUrl(), "postgres", "");
                Statement sql = target.createStatement()) {
            try (ResultSet rs = sql
                .executeQuery("select count(*) from pg_available_extensions where name = 'postgres_fdw'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("postgres_fdw available on the embedded server").isEqualTo(1);
            }
            sql.execute("create extension if not exists postgres_fdw");
            sql.execute("drop server if exists workbench cascade");
            sql.execute("create server workbench foreign data wrapper postgres_fdw options (host 'localhost', port '"
                    + this.postgres.getPort() + "', dbname '" + database.replace("'", "''") + "', fetch_size '10000')");
            sql.execute("create user mapping for current_user server workbench options (user 'postgres')");
            sql.execute("""
                    create foreign table wb_staged (snapshot_id bigint, object varchar(200), source_id varchar(255),
                        payload jsonb, deleted boolean)
                    server workbench options (schema_name 'public', table_name 'staged_record')""");
            sql.execute("""
                    create foreign table wb_xref (environment_id bigint, source_object varchar(200),
                        target_object varchar(200), source_id varchar(255), target_id varchar(255))
                    server workbench options (schema_name 'public', table_name 'xref')""");
            // hash joins: a nested loop would look the cross-reference up row by row
            // across the wire
            sql.execute("set enable_nestloop = off");
            long start = System.nanoTime();
            long records = 0;
            long values = 0;
            for (dev.switchyard.run.RunPlan.Step step : run.plan().steps()) {
                dev.switchyard.mapping.ObjectMapping mapping = migrated.mapping()
                    .object(step.source(), step.target())
                    .orElseThrow();
                List<String> counts = new ArrayList<>();
                List<String> joins = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (dev.switchyard.mapping.FieldMapping field : mapping.fields()) {
                    if (field.input() == null) {
                        continue;
                    }
                    String column = "t.\"" + field.target().toLowerCase(Locale.ROOT) + "\"::text";
                    String source = "(s.payload ->> '" + field.input().replace("'", "''") + "')";
                    if (field.reference() != null) {
                        String parent = "p" + joins.size();
                        joins.add(" left join wb_xref " + parent + " on " + parent + ".environment_id = "
                                + run.environmentId() + " and " + parent + ".source_object = '"
                                + parentObject(run, field.reference().targetObject()).replace("'", "''") + "' and "
                                + parent + ".source_id = " + source);
                        source = parent + ".target_id";
                    }
                    counts.add("count(*) filter (where " + source + " is distinct from " + column + ")");
                    names.add(field.target());
                }
                String query = "select count(*)" + counts.stream().map((c) -> ", " + c).collect(Collectors.joining())
                        + " from wb_staged s join wb_xref x on x.environment_id = " + run.environmentId()
                        + " and x.source_object = s.object and x.target_object = '" + step.target().replace("'", "''")
                        + "' and x.source_id = s.source_id join \"" + step.target().toLowerCase(Locale.ROOT)
                        + "\" t on t.\"" + step.idColumn().toLowerCase(Locale.ROOT) + "\"::text = x.target_id"
                        + String.join("", joins) + " where s.snapshot_id = " + run.snapshotId() + " and s.object = '"
                        + step.source().replace("'", "''") + "' and not s.deleted";
                long objectStart = System.nanoTime();
                try (ResultSet rs = sql.executeQuery(query)) {
                    rs.next();
                    records += rs.getLong(1);
                    values += rs.getLong(1) * names.size();
                    StringBuilder differing = new StringBuilder();
                    for (int i = 0; i < names.size(); i++) {
                        differing.append(' ').append(names.get(i)).append('=').append(rs.getLong(i + 2));
                    }
                    info(String.format(Locale.ROOT,
                            "sql-diff %s → %s: %d records, %d fields in %.2f s; differing " + "without transforms:%s",
                            step.source(), step.target(), rs.getLong(1), names.size(), seconds(objectStart),
                            differing));
                }
            }
            double seconds = seconds(start);
            info(String.format(Locale.ROOT, "sql-diff: %d records, %d values compared in %.2f s", records, values,
                    seconds));
            report("sql-diff", seconds);
            sql.execute("drop server workbench cascade");
        }
    }

    private static String parentObject(dev.switchyard.run.Run run, String object) {
        return run.plan()
            .steps()
            .stream()
            .map(dev.switchyard.run.RunPlan.Step::source)
            .filter(object::equalsIgnoreCase)
            .findFirst()
            .orElse(object);
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
