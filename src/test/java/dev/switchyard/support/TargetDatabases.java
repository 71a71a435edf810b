package dev.switchyard.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Target databases for tests: a database of its own on the test JVM's embedded
 * PostgreSQL, created from DDL (by default the demo destination schema the application
 * ships), and connected to a project's environment through the API.
 */
public final class TargetDatabases {

    private TargetDatabases() {
    }

    /**
     * @return the demo destination schema shipped in {@code demo/target-schema.sql}
     */
    public static String demoSchema() {
        try (InputStream in = TargetDatabases.class.getResourceAsStream("/demo/target-schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @param postgres the embedded server
     * @param prefix the database name's prefix
     * @param ddl the statements to run in it
     * @return the new database's JDBC URL
     */
    public static String create(EmbeddedPostgres postgres, String prefix, String ddl) throws Exception {
        String database = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /**
     * Connects a target database to an environment of a project through the API.
     * @param mvc the application
     * @param projectId the project
     * @param environment the environment's name (sandbox, staging, production)
     * @param url the database's JDBC URL
     * @param auth an analyst
     */
    public static void connect(MockMvc mvc, long projectId, String environment, String url, RequestPostProcessor auth)
            throws Exception {
        mvc.perform(post("/api/v1/projects/" + projectId + "/connections").with(auth)
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"role":"target","environment":"%s","type":"jdbc","url":"%s","username":"postgres",
                     "password":"not-needed","schema":"public"}""".formatted(environment, url)))
            .andExpect(status().isCreated());
    }

}
