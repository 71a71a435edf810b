package dev.switchyard.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.switchyard.system.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo project's target: a destination CRM (companies, people, deals, activities and
 * an industries lookup table, from {@code demo/target-schema.sql}) created next to
 * Switchyard's own data.
 *
 * <p>
 * With the embedded PostgreSQL it is a database of its own, {@value #NAME}, in the same
 * server (user {@code postgres}, no password, as the server only listens on localhost).
 * With an external datasource Switchyard may not be allowed to create databases, so it is
 * a schema {@value #NAME} in Switchyard's own database, reached with the datasource's own
 * URL and credentials.
 *
 * <p>
 * The schema is created in one transaction, and only when its {@code companies} table
 * does not exist yet, so that preparing it again (a later start finishing a demo that was
 * interrupted) changes nothing.
 */
@Component
class DemoTargetDatabase {

    /** The demo target's database (embedded) or schema (external). */
    static final String NAME = "switchyard_demo";

    private static final String SCHEMA_FILE = "demo/target-schema.sql";

    private final ObjectProvider<EmbeddedPostgres> embedded;

    private final DataSource dataSource;

    private final Environment environment;

    DemoTargetDatabase(ObjectProvider<EmbeddedPostgres> embedded, DataSource dataSource, Environment environment) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.environment = environment;
    }

    /**
     * Creates the demo target unless it exists.
     * @return how to connect to it
     */
    Target prepare() {
        EmbeddedPostgres server = this.embedded.getIfAvailable();
        if (server != null) {
            EmbeddedPostgresServer.createDatabaseIfMissing(server, NAME);
            createSchema(server.getDatabase("postgres", NAME), "public");
            return new Target(EmbeddedPostgresServer.jdbcUrl(server, NAME), "postgres", null, "public");
        }
        createSchema(this.dataSource, NAME);
        return new Target(this.environment.getRequiredProperty("spring.datasource.url"),
                this.environment.getProperty("spring.datasource.username"),
                this.environment.getProperty("spring.datasource.password"), NAME);
    }

    /**
     * Creates the demo tables in a schema of a database, unless they are there.
     * @param database the database
     * @param schema the schema (created when missing)
     * @return whether the tables were created now
     */
    static boolean createSchema(DataSource database, String schema) {
        try (Connection connection = database.getConnection()) {
            if (hasTables(connection, schema)) {
                return false;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
                statement.execute("create schema if not exists " + quoted);
                statement.execute("set local search_path to " + quoted);
                statement.execute(ddl());
                connection.commit();
            }
            catch (SQLException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
            return true;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create the demo tables in schema " + schema, ex);
        }
    }

    private static boolean hasTables(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from information_schema.tables where table_schema = ? and table_name = 'companies'")) {
            query.setString(1, schema);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    static String ddl() {
        try (InputStream in = new ClassPathResource(SCHEMA_FILE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + SCHEMA_FILE, ex);
        }
    }

    /**
     * Where the demo target is.
     *
     * @param url its JDBC URL
     * @param username the user
     * @param password the password, or null
     * @param schema the schema holding the tables
     */
    record Target(String url, String username, String password, String schema) {
    }

}
