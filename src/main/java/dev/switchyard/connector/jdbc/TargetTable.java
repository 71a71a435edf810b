package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.switchyard.connector.ConnectorException;

/**
 * A table of the target schema as the writer needs it: its columns, its single-column
 * primary key, which columns a unique index covers alone (for {@code ON CONFLICT}), and
 * which column each named constraint concerns, so that a rejection can name its column.
 * Read once from {@code DatabaseMetaData} (and PostgreSQL's catalog for CHECK
 * constraints) and kept for the writer's life.
 */
final class TargetTable {

    private static final String POSTGRES_CHECKS = """
            select c.conname, a.attname
            from pg_constraint c
            join pg_class t on t.oid = c.conrelid
            join pg_namespace n on n.oid = t.relnamespace
            join pg_attribute a on a.attrelid = t.oid and a.attnum = c.conkey[1]
            where c.contype = 'c' and n.nspname = ? and t.relname = ? and cardinality(c.conkey) = 1""";

    /**
     * Each column's type without length or precision; for a domain its base type, since a
     * cast to a domain over {@code varchar(3)} would silently truncate where assigning to
     * it fails.
     */
    private static final String POSTGRES_TYPES = """
            with recursive base(attname, typid) as (
                select a.attname, a.atttypid
                from pg_attribute a
                where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped
                union all
                select b.attname, t.typbasetype from base b join pg_type t on t.oid = b.typid where t.typtype = 'd'
            )
            select b.attname, format_type(b.typid, null)
            from base b join pg_type t on t.oid = b.typid
            where t.typtype <> 'd'""";

    private final String schema;

    private final String name;

    private final String qualified;

    private final List<JdbcColumn> columns;

    private final String primaryKey;

    private final Set<String> unique;

    private final Map<String, String> constraintColumns;

    private final Map<String, String> referringColumns;

    private final Map<String, JdbcColumn> byName = new HashMap<>();

    private final Map<String, Integer> ordinals = new HashMap<>();

    private final Map<String, String> castTypes = new HashMap<>();

    TargetTable(String schema, String name, String qualified, List<JdbcColumn> columns, String primaryKey,
            Set<String> unique, Map<String, String> constraintColumns, Map<String, String> referringColumns,
            Map<String, String> castTypes) {
        this.schema = schema;
        this.name = name;
        this.qualified = qualified;
        this.columns = columns;
        this.primaryKey = primaryKey;
        this.unique = unique;
        this.constraintColumns = constraintColumns;
        this.referringColumns = referringColumns;
        for (int i = 0; i < columns.size(); i++) {
            this.byName.put(columns.get(i).name(), columns.get(i));
            this.ordinals.put(columns.get(i).name(), i);
        }
        castTypes.forEach((column, type) -> this.castTypes.put(column, switch (type) {
            // without a length these would mean char(1) and bit(1), and a cast would
            // truncate
            case "character" -> "bpchar";
            case "bit" -> "varbit";
            default -> type;
        }));
    }

    /**
     * @param connection an open connection
     * @param dialect the database kind
     * @param schema the schema as the database spells it
     * @param requested a table name, exact or in another case
     * @return the table, when the schema has it
     */
    static Optional<TargetTable> load(Connection connection, SqlDialect dialect, String schema, String requested)
            throws SQLException {
        List<JdbcTable> tables = new JdbcSchemaReader(connection, dialect, schema, Map.of()).tables();
        Optional<JdbcTable> found = tables.stream()
            .filter((t) -> t.name().equals(requested))
            .findFirst()
            .or(() -> tables.stream().filter((t) -> t.name().equalsIgnoreCase(requested)).findFirst());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String name = found.get().name();
        JdbcMetadata metadata = new JdbcMetadata(connection.getMetaData(), dialect, schema);
        List<String> primaryKey = metadata.primaryKey(name);
        Set<String> unique = metadata.uniqueColumns(name);
        Map<String, String> constraints = new HashMap<>(metadata.foreignKeyColumns(name, false));
        metadata.uniqueIndexes(name).forEach((index, columns) -> {
            if (columns.size() == 1) {
                constraints.putIfAbsent(index, columns.get(0));
            }
        });
        Map<String, String> castTypes = new HashMap<>();
        if (dialect == SqlDialect.POSTGRESQL) {
            pairs(connection, POSTGRES_CHECKS, List.of(schema, name), constraints);
            pairs(connection, POSTGRES_TYPES, List.of(dialect.qualify(schema, name)), castTypes);
        }
        return Optional.of(new TargetTable(schema, name, dialect.qualify(schema, name), metadata.columns(name),
                (primaryKey.size() == 1) ? primaryKey.get(0) : null, unique, constraints,
                metadata.foreignKeyColumns(name, true), castTypes));
    }

    private static void pairs(Connection connection, String sql, List<String> parameters, Map<String, String> into)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    into.putIfAbsent(rs.getString(1), rs.getString(2));
                }
            }
        }
    }

    /**
     * @return the table's name as the database spells it
     */
    String name() {
        return this.name;
    }

    /**
     * @return {@code schema.table}, quoted, for SQL
     */
    String qualified() {
        return this.qualified;
    }

    /**
     * @return {@code schema.table}, for messages
     */
    String location() {
        return this.schema + "." + this.name;
    }

    /**
     * @return the columns in ordinal order
     */
    List<JdbcColumn> columns() {
        return this.columns;
    }

    /**
     * @param requested a column name, exact or in another case
     * @return the column
     */
    Optional<JdbcColumn> column(String requested) {
        JdbcColumn exact = this.byName.get(requested);
        if (exact != null) {
            return Optional.of(exact);
        }
        return this.columns.stream()
            .filter((c) -> c.name().equals(requested))
            .findFirst()
            .or(() -> this.columns.stream().filter((c) -> c.name().equalsIgnoreCase(requested)).findFirst());
    }

    /**
     * @param column a column of the table
     * @return its place among the table's columns, from 0
     */
    int ordinal(JdbcColumn column) {
        return this.ordinals.get(column.name());
    }

    /**
     * @param column a column of the table
     * @return PostgreSQL's name for its type without length or precision
     * ({@code character varying}, {@code numeric}, {@code person_status}), to cast text
     * to; null for other databases
     */
    String castType(JdbcColumn column) {
        return this.castTypes.get(column.name());
    }

    /**
     * @param requested a column name, exact or in another case
     * @param role what it is for, for the message
     * @return the column
     * @throws ConnectorException when the table has no such column
     */
    JdbcColumn require(String requested, String role) {
        return column(requested).orElseThrow(() -> new ConnectorException(
                "The " + role + " column '" + requested + "' is not a column of " + location()));
    }

    /**
     * @return the single-column primary key, whose values are the target ids
     * @throws ConnectorException when the table has none
     */
    JdbcColumn primaryKey() {
        if (this.primaryKey == null) {
            throw new ConnectorException("The table " + location()
                    + " has no single-column primary key, so its rows cannot be told apart: give it one");
        }
        return require(this.primaryKey, "primary key");
    }

    /**
     * @param column a column of the table
     * @return whether a unique index without a filter covers it alone
     */
    boolean unique(JdbcColumn column) {
        return this.unique.contains(column.name()) || column.name().equals(this.primaryKey);
    }

    /**
     * @param constraint a constraint or unique index name
     * @return the column of this table it concerns, or null
     */
    String constraintColumn(String constraint) {
        return (constraint != null) ? this.constraintColumns.get(constraint) : null;
    }

    /**
     * @param constraint a foreign key of another table
     * @return its referring column as {@code table.column}, or null
     */
    String referringColumn(String constraint) {
        return (constraint != null) ? this.referringColumns.get(constraint) : null;
    }

}
