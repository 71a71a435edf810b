package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the columns of a schema whose values the database restricts to a list: PostgreSQL
 * enum types and one-column CHECK constraints, MySQL and MariaDB {@code enum} columns.
 * SQL Server declares none that are read yet.
 */
final class PicklistReader {

    private static final String POSTGRES_ENUMS = """
            select t.relname, a.attname, e.enumlabel
            from pg_attribute a
            join pg_class t on t.oid = a.attrelid
            join pg_namespace n on n.oid = t.relnamespace
            join pg_enum e on e.enumtypid = a.atttypid
            where n.nspname = ? and a.attnum > 0 and not a.attisdropped
            order by t.relname, a.attnum, e.enumsortorder""";

    private static final String POSTGRES_CHECKS = """
            select t.relname, a.attname, pg_get_constraintdef(c.oid)
            from pg_constraint c
            join pg_class t on t.oid = c.conrelid
            join pg_namespace n on n.oid = t.relnamespace
            join pg_attribute a on a.attrelid = t.oid and a.attnum = c.conkey[1]
            where c.contype = 'c' and n.nspname = ? and cardinality(c.conkey) = 1
            order by t.relname, c.conname""";

    private static final String MYSQL_ENUMS = """
            select table_name, column_name, column_type
            from information_schema.columns
            where table_schema = ? and data_type = 'enum'""";

    private PicklistReader() {
    }

    /**
     * @param connection an open connection
     * @param dialect its dialect
     * @param schema the schema
     * @return the allowed values by table, then column
     */
    static Map<String, Map<String, List<String>>> read(Connection connection, SqlDialect dialect, String schema)
            throws SQLException {
        Map<String, Map<String, List<String>>> picklists = new HashMap<>();
        switch (dialect) {
            case POSTGRESQL -> {
                query(connection, POSTGRES_CHECKS, schema, picklists, PicklistParser::postgresCheck);
                Map<String, Map<String, List<String>>> enums = new HashMap<>();
                try (PreparedStatement statement = connection.prepareStatement(POSTGRES_ENUMS)) {
                    statement.setString(1, schema);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            enums.computeIfAbsent(rs.getString(1), (table) -> new LinkedHashMap<>())
                                .computeIfAbsent(rs.getString(2), (column) -> new ArrayList<>())
                                .add(rs.getString(3));
                        }
                    }
                }
                enums.forEach(
                        (table, columns) -> picklists.computeIfAbsent(table, (t) -> new HashMap<>()).putAll(columns));
            }
            case MYSQL, MARIADB -> query(connection, MYSQL_ENUMS, schema, picklists, PicklistParser::mysqlEnum);
            case SQLSERVER -> {
            }
        }
        return picklists;
    }

    private static void query(Connection connection, String sql, String schema,
            Map<String, Map<String, List<String>>> picklists, Function<String, List<String>> parser)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    List<String> values = parser.apply(rs.getString(3));
                    if (!values.isEmpty()) {
                        picklists.computeIfAbsent(rs.getString(1), (table) -> new HashMap<>())
                            .putIfAbsent(rs.getString(2), values);
                    }
                }
            }
        }
    }

}
