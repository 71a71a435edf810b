package dev.switchyard.system;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server outlives a crashed JVM, and the next start recovers it; a normal
 * shutdown stops it. Each test runs the server in a real child JVM.
 */
class EmbeddedPostgresServerTests {

    @TempDir
    Path temp;

    @Test
    void startAfterKillMinusNineStopsTheOrphanAndKeepsTheData() throws Exception {
        Path cluster = this.temp.resolve("postgres");
        Process child = startChild(cluster);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Optional<ProcessHandle> orphan = EmbeddedPostgresServer.findPostmaster(cluster);
        assertThat(orphan).as("the postmaster outlives the killed JVM").isPresent();

        EmbeddedPostgres server = EmbeddedPostgresServer.start(cluster);
        try {
            assertThat(orphan.get().isAlive()).isFalse();
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select note from survivor")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("written before the crash");
            }
        }
        finally {
            EmbeddedPostgresServer.stop(cluster);
        }
        assertThat(EmbeddedPostgresServer.findPostmaster(cluster)).isEmpty();
    }

    @Test
    void normalShutdownStopsTheServer() throws Exception {
        Path cluster = this.temp.resolve("postgres");
        Process child = startChild(cluster);
        Optional<ProcessHandle> postmaster = EmbeddedPostgresServer.findPostmaster(cluster);
        assertThat(postmaster).isPresent();
        child.destroy(); // SIGTERM: the JVM runs its shutdown hooks
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(waitForExit(postmaster.get(), Duration.ofSeconds(30))).as("postmaster stopped").isTrue();
        assertThat(Files.exists(cluster.resolve("postmaster.pid"))).isFalse();
    }

    @Test
    void staleProcessIdFileIsNotMistakenForARunningServer() throws Exception {
        Path cluster = Files.createDirectories(this.temp.resolve("stale"));
        Files.writeString(cluster.resolve("postmaster.pid"), "999999999\n" + cluster + "\n");
        assertThat(EmbeddedPostgresServer.findPostmaster(cluster)).isEmpty();
        assertThat(EmbeddedPostgresServer.stopOrphan(cluster)).isFalse();
    }

    @Test
    void restartKeepsThePortWhileItIsFree() throws Exception {
        Path cluster = this.temp.resolve("postgres");
        int first = EmbeddedPostgresServer.start(cluster).getPort();
        EmbeddedPostgresServer.stop(cluster);
        assertThat(EmbeddedPostgresServer.rememberedPort(cluster)).isEqualTo(first);
        try {
            assertThat(EmbeddedPostgresServer.start(cluster).getPort()).as("same port after a restart")
                .isEqualTo(first);
        }
        finally {
            EmbeddedPostgresServer.stop(cluster);
        }
        try (ServerSocket taken = new ServerSocket(first)) {
            assertThat(taken.getLocalPort()).isEqualTo(first);
            assertThat(EmbeddedPostgresServer.start(cluster).getPort()).as("another port when it is taken")
                .isNotEqualTo(first);
        }
        finally {
            EmbeddedPostgresServer.stop(cluster);
        }
    }

    private static Process startChild(Path cluster) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresChild.class.getName(), cluster.toString());
        builder.redirectErrorStream(true);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process child = builder.start();
        BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("READY")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (output.readLine() != null) {
                            // keep the pipe empty
                        }
                    }
                    catch (java.io.IOException ex) {
                        // the child is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return child;
            }
        }
        throw new IllegalStateException("The child JVM ended without starting PostgreSQL:\n" + seen);
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !process.isAlive();
    }

}
