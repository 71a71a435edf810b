package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.system.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A CRM target schema in a database of its own on the JVM's embedded PostgreSQL:
 * companies with a unique source id and a CHECK list, people with a non-unique source id,
 * foreign keys to companies and to themselves, bounded lengths, an enum and an array, and
 * notes with UUID ids.
 */
final class TargetDatabase implements AutoCloseable {

    private static final String SCHEMA = """
            create domain short_code as varchar(6) check (value ~ '^[A-Z0-9]+$');
            create table companies (
                id bigserial primary key,
                source_id text unique,
                name text not null,
                industry text check (industry in ('Banking', 'Retail', 'Technology')),
                annual_revenue numeric(18, 2),
                employees integer,
                active boolean not null default true,
                founded date,
                updated_at timestamp,
                parent_id bigint references companies,
                code short_code,
                country char(2)
            );
            create type person_status as enum ('Active', 'Left');
            create table people (
                id bigint generated always as identity primary key,
                source_id varchar(18) not null,
                company_id bigint not null references companies,
                first_name varchar(40),
                last_name varchar(80) not null,
                email varchar(80),
                reports_to_id bigint references people,
                status person_status not null default 'Active',
                tags text[],
                interests text,
                last_contacted timestamptz
            );
            create table notes (
                id uuid primary key default gen_random_uuid(),
                source_id text unique,
                company_id bigint references companies on delete cascade,
                body text,
                meta json
            );
            """;

    private final EmbeddedPostgres server;

    private final String database;

    TargetDatabase() throws SQLException {
        // the tests' shared throwaway server: fsync off, as the test configuration asks
        this.server = EmbeddedPostgresServer.start(EmbeddedPostgresServer.ephemeralClusterDir(), false);
        this.database = "jdbc_target_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = this.server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + this.database);
        }
        execute(SCHEMA);
    }

    ConnectionSettings settings() {
        return new ConnectionSettings(ConnectorType.JDBC, null, Map.of("url", url(), "username", "postgres"), null,
                Map.of());
    }

    String url() {
        return "jdbc:postgresql://localhost:" + this.server.getPort() + "/" + this.database;
    }

    String database() {
        return this.database;
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    long queryForLong(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", null);
    }

    /**
     * @param allowed whether the database takes connections; when not, its backends are
     * also terminated, as in an outage
     */
    void allowConnections(boolean allowed) throws SQLException {
        try (Connection admin = this.server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("alter database " + this.database + " with allow_connections " + allowed);
            if (!allowed) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                        + this.database + "'");
            }
        }
    }

    void empty() throws SQLException {
        execute("truncate companies, people, notes restart identity cascade");
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = this.server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + this.database + " with (force)");
        }
    }

}
