package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.system.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A realistic CRM schema in a database of its own on the JVM's embedded PostgreSQL, with
 * accounts from the mashmatrix Salesforce export.
 */
final class CrmDatabase implements AutoCloseable {

    private static final String SCHEMA = """
                    create type contact_status as enum ('Active', 'Do Not Contact', 'Left ''Acme'' & Co');
                    create table account (
                        id bigint generated always as identity primary key,
                        name text not null,
                        industry text check (industry in ('Banking', 'Retail', 'Tech & Media')),
                        parent_id bigint references account,
                        annual_revenue numeric(18, 2),
                        website varchar(255),
                        external_key uuid unique,
                        active boolean not null default true,
                        updated_at timestamp not null
                    );
                    create table contact (
                        id bigserial primary key,
                        account_id bigint not null references account,
                        first_name varchar(40),
                        last_name varchar(80) not null,
                        email varchar(120),
                        reports_to_id bigint references contact,
                        status contact_status not null default 'Active',
                        birthdate date,
                        updated_at timestamptz not null default now()
                    );
                    create table opportunity (
                        id uuid primary key default gen_random_uuid(),
                        account_id bigint not null references account,
                        name text not null,
                        amount numeric(14, 2),
                        close_date date not null,
                        stage text not null check (stage = any (array['Prospecting', 'Closed Won'])),
                        probability real,
                        tags text[],
                        attachment bytea,
                        details jsonb,
                        updated_at timestamp not null
                    );
                    create view won_opportunity as
                        select o.id, a.name as account_name, o.amount, o.close_date
                        from opportunity o join account a on a.id = o.account_id where o.stage = 'Closed Won';
                    create table account_tag (tag_id bigint, account_id bigint not null references account, tag text not null);
                    create table "Odd ""Name"" Table" ("Row Id" integer primary key, "Label ""quoted""\" text);

            create schema archive;

            create table archive.old_account(id integer
            primary key, name text);""";

    private static final String ROWS = """
            insert into account (name, industry, annual_revenue, website, external_key, updated_at) values
                ('Bank of America', 'Banking', 119000000000, null, 'a3c1e0f2-5b0c-4d59-9a53-0d2b3c4e5f60', '2024-01-10 09:00'),
                ('Burton Snowboards', 'Retail', 10000000, null, null, '2024-02-20 15:30'),
                ('NVIDIA', 'Tech & Media', 4100000000, null, null, '2024-03-05 08:15'),
                ('Gateway', null, 41600000000, 'www.gateway.com', null, '2023-12-01 12:00');
            insert into account (name, industry, parent_id, annual_revenue, updated_at) values
                ('Countrywide Financial', 'Banking', 1, 23400000000, '2024-02-01 00:00');
            insert into contact (account_id, first_name, last_name, email, reports_to_id, status, birthdate, updated_at) values
                (1, 'Emma', 'Brown', 'emma.brown@example.com', null, 'Active', '1980-04-12', '2024-01-15T10:00:00Z'),
                (1, 'Jacob', 'Williams', null, 1, 'Left ''Acme'' & Co', null, '2024-02-15T10:00:00Z'),
                (3, 'Isabella', 'Brown', 'isabella.brown@example.com', null, 'Do Not Contact', null, '2024-03-15T10:00:00Z');
            insert into opportunity (id, account_id, name, amount, close_date, stage, probability, tags, attachment, details, updated_at) values
                ('0b6f1e6c-1c1e-4a55-8e0e-7e1f3cb2a001', 3, 'System Assessment', 24710.00, '2024-06-14', 'Prospecting', 0.1, '{gpu,ai}', '\\x4869', '{"source": "web"}', '2024-01-20 10:00'),
                ('0b6f1e6c-1c1e-4a55-8e0e-7e1f3cb2a002', 1, 'mm 300 seats', 22905.50, '2021-07-24', 'Closed Won', 1, null, null, null, '2024-03-01 10:00');
            insert into account_tag values (1, 1, 'key account'), (null, 2, 'winter'), (3, 3, 'partner');
            insert into "Odd ""Name"" Table" values (1, 'it''s "odd"');
            """;

    private final EmbeddedPostgres server;

    private final String database;

    CrmDatabase() throws SQLException {
        // the tests' shared throwaway server: fsync off, as the test configuration asks
        this.server = EmbeddedPostgresServer.start(EmbeddedPostgresServer.ephemeralClusterDir(), false);
        this.database = "jdbc_connector_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = this.server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + this.database);
        }
        try (Connection connection = DriverManager.getConnection(url(), "postgres", null);
                Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
            statement.execute(ROWS);
        }
    }

    String url() {
        return "jdbc:postgresql://localhost:" + this.server.getPort() + "/" + this.database;
    }

    int port() {
        return this.server.getPort();
    }

    String database() {
        return this.database;
    }

    ConnectionSettings settings() {
        return settings(Map.of("url", url(), "username", "postgres"), Map.of());
    }

    static ConnectionSettings settings(Map<String, String> options, Map<String, String> idFields) {
        return new ConnectionSettings(ConnectorType.JDBC, null, options, null, idFields);
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = this.server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + this.database + " with (force)");
        }
    }

}
