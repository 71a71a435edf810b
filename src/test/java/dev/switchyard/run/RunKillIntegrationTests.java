package dev.switchyard.run;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.SwitchyardApplication;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.MappingSteps;
import dev.switchyard.support.TargetDatabases;
import dev.switchyard.support.TestFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.switchyard.support.Mashmatrix.counts;
import static dev.switchyard.support.Mashmatrix.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run survives a {@code kill -9} of the application: the real application runs in a
 * child JVM on a database of its own in the tests' embedded PostgreSQL, a throttled run
 * in small chunks is killed with SIGKILL after some chunks committed, and a second
 * process on the same database (the same instance id) marks the run INTERRUPTED before
 * its API answers; resumed, the run completes with exact counts, a balanced ledger and no
 * record written twice.
 */
@IntegrationTest
class RunKillIntegrationTests {

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aRunKilledWithSigkillIsInterruptedAtRestartAndResumesToExactCounts() throws Exception {
        String database = "switchyard_kill_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = this.postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            sql.execute("create database " + database);
        }
        String workbench = "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + database;
        String target = TargetDatabases.create(this.postgres, "killcrm", TargetDatabases.demoSchema());
        Path dataDir = Files.createTempDirectory("switchyard-kill-");
        String instance = "kill-test-" + UUID.randomUUID().toString().substring(0, 8);

        long run;
        App first = App.start(workbench, dataDir, instance, "first");
        try {
            long project = first.id(first.send("POST", "/api/v1/projects", json(), """
                    {"name": "Killed", "description": "A run killed with SIGKILL"}"""));
            first.setUp(project, target);
            run = first.id(first.send("POST", "/api/v1/projects/" + project + "/runs", json(),
                    "{\"mode\": \"full\", \"recordsPerSecond\": 150}"));
            first.await(run, (body) -> processed(body) >= 200, Duration.ofSeconds(30));
        }
        finally {
            first.kill();
        }
        try (Connection connection = DriverManager.getConnection(workbench, "postgres", "");
                Statement sql = connection.createStatement()) {
            // killed mid-way, while the database still says it runs
            assertThat(single(sql, "select count(*) from migration_run where id = " + run + " and status = 'RUNNING'"))
                .isEqualTo(1);
            assertThat(single(sql, "select sum(processed) from run_object where run_id = " + run)).isBetween(200L,
                    989L);
        }

        App second = App.start(workbench, dataDir, instance, "second");
        try {
            String interrupted = second.send("GET", "/api/v1/runs/" + run, null, null);
            assertThat((String) JsonPath.read(interrupted, "$.status")).isEqualTo("INTERRUPTED");
            second.send("POST", "/api/v1/runs/" + run + "/resume", null, null);
            String done = second.await(run, (body) -> JsonPath.read(body, "$.status").equals("COMPLETED"),
                    Duration.ofSeconds(40));
            assertThat((Boolean) JsonPath.read(done, "$.balanced")).isTrue();
            assertThat(counts(done, "Account")).containsEntry("processed", 83).containsEntry("created", 83);
            assertThat(counts(done, "Contact")).containsEntry("processed", 133).containsEntry("created", 133);
            assertThat(counts(done, "Opportunity")).containsEntry("processed", 774).containsEntry("created", 774);
            String ledger = second.send("GET", "/api/v1/runs/" + run + "/ledger?outcome=CREATED", null, null);
            assertThat((Integer) JsonPath.read(ledger, "$.total")).isEqualTo(990);
            String log = second.send("GET", "/api/v1/runs/" + run + "/log", null, null);
            assertThat(log).containsSubsequence("Started on " + instance,
                    "Interrupted: found running when " + instance + " started",
                    "Resume requested by admin (was INTERRUPTED)", "Resumed on " + instance,
                    "Finished COMPLETED: 990 of 990 records read: 990 created");
        }
        finally {
            second.kill();
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
        try (Connection connection = DriverManager.getConnection(target, "postgres", "");
                Statement sql = connection.createStatement()) {
            assertThat(single(sql, "select count(*) from companies")).isEqualTo(83);
            assertThat(single(sql, "select count(distinct source_id) from companies")).isEqualTo(83);
            assertThat(single(sql, "select count(*) from people")).isEqualTo(133);
            assertThat(single(sql, "select count(distinct source_id) from people")).isEqualTo(133);
            assertThat(single(sql, "select count(*) from deals")).isEqualTo(774);
            assertThat(single(sql, "select count(distinct source_id) from deals")).isEqualTo(774);
        }
    }

    private static long processed(String run) {
        List<Integer> processed = JsonPath.read(run, "$.objects[*].processed");
        return processed.stream().mapToLong(Integer::longValue).sum();
    }

    private static String json() {
        return "application/json";
    }

    /**
     * The application in a child JVM, and its API over HTTP as the administrator.
     */
    static final class App {

        private final Process process;

        private final int port;

        private final Path output;

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private App(Process process, int port, Path output) {
            this.process = process;
            this.port = port;
            this.output = output;
        }

        static App start(String url, Path dataDir, String instance, String name) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path output = Path.of("target", "run-kill-" + instance + "-" + name + ".log");
            Files.createDirectories(output.getParent());
            List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    SwitchyardApplication.class.getName(), "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--switchyard.data-dir=" + dataDir, "--switchyard.demo.enabled=false",
                    "--switchyard.instance-id=" + instance, "--switchyard.admin.password=" + Fixtures.ADMIN_PASSWORD,
                    "--server.port=" + port, "--switchyard.runs.chunk-size=50", "--logging.level.root=WARN"));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.redirectErrorStream(true);
            builder.redirectOutput(output.toFile());
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            App app = new App(builder.start(), port, output);
            app.awaitReady();
            return app;
        }

        private void awaitReady() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (Instant.now().isBefore(deadline)) {
                if (!this.process.isAlive()) {
                    throw new AssertionError("The application stopped: " + tail());
                }
                try {
                    HttpResponse<String> health = this.http.send(
                            HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                }
                catch (IOException ex) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("The application did not start within 90 s: " + tail());
        }

        /**
         * Prepares a project: the mashmatrix export extracted, the target connected to
         * the sandbox, the curated mapping saved.
         */
        void setUp(long project, String target) throws Exception {
            String boundary = "----switchyard" + UUID.randomUUID();
            byte[] zip = TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv", "Opportunity.csv");
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            for (String[] field : List.of(new String[] { "role", "source" }, new String[] { "type", "csv" })) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0]
                        + "\"\r\n\r\n" + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(
                    ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.zip\"\r\n"
                            + "Content-Type: application/zip\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(zip);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            send("POST", "/api/v1/projects/" + project + "/connections", "multipart/form-data; boundary=" + boundary,
                    body.toByteArray());
            long extraction = id(
                    send("POST", "/api/v1/projects/" + project + "/extractions", json(), "{\"mode\": \"full\"}"));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            String state = "QUEUED";
            while (List.of("QUEUED", "RUNNING").contains(state) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                state = JsonPath.read(send("GET", "/api/v1/extractions/" + extraction, null, null), "$.status");
            }
            assertThat(state).isEqualTo("COMPLETED");
            send("POST", "/api/v1/projects/" + project + "/connections", json(), """
                    {"role":"target","environment":"sandbox","type":"jdbc","url":"%s","username":"postgres",
                     "password":"not-needed","schema":"public"}""".formatted(target));
            String mapping = "/api/v1/projects/" + project + "/mapping";
            send("PUT", mapping, json(), MappingSteps.PICKLIST_SOURCES);
            send("PUT", mapping, json(), MappingSteps.curated(send("POST", mapping + "/suggest", null, null)));
        }

        /**
         * Polls a run until it is as wanted.
         * @return its JSON then
         */
        String await(long run, Predicate<String> wanted, Duration within) throws Exception {
            Instant deadline = Instant.now().plus(within);
            String body = null;
            while (Instant.now().isBefore(deadline)) {
                body = send("GET", "/api/v1/runs/" + run, null, null);
                if (wanted.test(body)) {
                    return body;
                }
                String status = JsonPath.read(body, "$.status");
                if (List.of("FAILED", "CANCELLED", "PAUSED").contains(status)) {
                    throw new AssertionError("Run " + run + " ended " + status + ": " + body);
                }
                Thread.sleep(100);
            }
            throw new AssertionError("Run " + run + " did not get there in " + within + ": " + body);
        }

        String send(String method, String path, String contentType, Object body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((Fixtures.ADMIN + ":" + Fixtures.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpRequest.BodyPublisher publisher = (body == null) ? HttpRequest.BodyPublishers.noBody()
                    : (body instanceof byte[] bytes) ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                            : HttpRequest.BodyPublishers.ofString(body.toString());
            HttpResponse<String> response = this.http.send(request.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        long id(String body) {
            return ((Number) JsonPath.read(body, "$.id")).longValue();
        }

        /**
         * Kills the process with SIGKILL and waits for it to be gone.
         */
        void kill() throws InterruptedException {
            this.process.destroyForcibly();
            this.process.waitFor();
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + this.port + path);
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(this.output);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            }
            catch (IOException ex) {
                return "(no output: " + ex.getMessage() + ")";
            }
        }

    }

}
