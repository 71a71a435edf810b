package dev.switchyard.connector.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads target rows by a list of keys: ids by match key, whole rows by id, and counts. On
 * PostgreSQL the keys travel as one {@code text[]} cast to the key's type
 * ({@code key = any(…)}); elsewhere in {@code IN} lists of at most
 * {@value #KEYS_PER_QUERY}, padded to a few fixed lengths so that the database sees few
 * distinct statements.
 */
final class TargetQueries {

    /** Keys per query, at most, listed as parameters. */
    static final int KEYS_PER_QUERY = 512;

    /** Keys per query, at most, in one array (PostgreSQL). */
    static final int KEYS_PER_ARRAY = 10_000;

    private final Connection connection;

    private final TargetSql sql;

    private final TargetParameters parameters;

    TargetQueries(Connection connection, TargetSql sql, TargetParameters parameters) {
        this.connection = connection;
        this.sql = sql;
        this.parameters = parameters;
    }

    /**
     * @param table the table
     * @param key the column compared
     * @param keys converted values of that column
     * @return the ids of the rows holding each key, by the key's text
     * ({@link TargetParameters#key})
     */
    Map<String, List<String>> ids(TargetTable table, JdbcColumn key, List<Object> keys) throws SQLException {
        JdbcColumn id = table.primaryKey();
        List<JdbcColumn> columns = key.equals(id) ? List.of(id) : List.of(key, id);
        Map<String, List<String>> found = new HashMap<>();
        query(table, columns, key, keys,
                (rs, readers) -> found
                    .computeIfAbsent(TargetParameters.key(readers[0].read(rs, 1)), (k) -> new ArrayList<>())
                    .add(TargetParameters.key(readers[columns.size() - 1].read(rs, columns.size()))));
        return found;
    }

    /**
     * @param table the table
     * @param id the id column
     * @param ids converted values of the id column
     * @return the rows found, column by column, by their id's text; arrays as lists
     */
    Map<String, Map<String, Object>> rows(TargetTable table, JdbcColumn id, List<Object> ids) throws SQLException {
        List<JdbcColumn> columns = table.columns();
        int idIndex = columns.indexOf(id);
        Map<String, Map<String, Object>> found = new HashMap<>();
        query(table, columns, id, ids, (rs, readers) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i).name(), (readers[i] != null) ? readers[i].read(rs, i + 1) : array(rs, i + 1));
            }
            found.put(TargetParameters.key(row.get(columns.get(idIndex).name())), row);
        });
        return found;
    }

    /**
     * @param table the table
     * @param key the column compared
     * @param value a converted value of that column
     * @param limit the most rows to read
     * @return the rows holding the value, column by column, by their primary key's text,
     * in primary key order; arrays as lists
     */
    Map<String, Map<String, Object>> rowsWhere(TargetTable table, JdbcColumn key, Object value, int limit)
            throws SQLException {
        List<JdbcColumn> columns = table.columns();
        String id = table.primaryKey().name();
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        try (PreparedStatement statement = this.connection
            .prepareStatement(this.sql.selectWhere(table, columns, key, limit))) {
            this.parameters.bind(statement, 1, key, value);
            read(statement, (rs, readers) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i).name(),
                            (readers[i] != null) ? readers[i].read(rs, i + 1) : array(rs, i + 1));
                }
                found.put(TargetParameters.key(row.get(id)), row);
            });
        }
        return found;
    }

    /**
     * @param table the table
     * @return how many rows it holds
     */
    long count(TargetTable table) throws SQLException {
        try (Statement statement = this.connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from " + table.qualified())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void query(TargetTable table, List<JdbcColumn> columns, JdbcColumn key, List<Object> keys, RowReader reader)
            throws SQLException {
        List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        distinct.removeIf(Objects::isNull);
        int perQuery = this.sql.arrays() ? KEYS_PER_ARRAY : KEYS_PER_QUERY;
        for (int from = 0; from < distinct.size(); from += perQuery) {
            List<Object> part = distinct.subList(from, Math.min(distinct.size(), from + perQuery));
            if (this.sql.arrays()) {
                try (PreparedStatement statement = this.connection
                    .prepareStatement(this.sql.selectAny(table, columns, key))) {
                    statement.setArray(1, this.connection.createArrayOf("text",
                            part.stream().map(TargetParameters::postgresText).toArray(String[]::new)));
                    read(statement, reader);
                }
                continue;
            }
            int padded = Math.min(KEYS_PER_QUERY, Integer.highestOneBit(part.size() * 2 - 1));
            try (PreparedStatement statement = this.connection
                .prepareStatement(this.sql.select(table, columns, key, padded))) {
                for (int i = 0; i < padded; i++) {
                    this.parameters.bind(statement, i + 1, key, part.get(Math.min(i, part.size() - 1)));
                }
                read(statement, reader);
            }
        }
    }

    private static void read(PreparedStatement statement, RowReader reader) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            JdbcValues[] readers = readers(rs.getMetaData());
            while (rs.next()) {
                reader.row(rs, readers);
            }
        }
    }

    private static JdbcValues[] readers(ResultSetMetaData metaData) throws SQLException {
        JdbcValues[] readers = new JdbcValues[metaData.getColumnCount()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = (metaData.getColumnType(i + 1) == Types.ARRAY) ? null : JdbcValues.of(metaData, i + 1);
        }
        return readers;
    }

    private static List<String> array(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return null;
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map((v) -> (v != null) ? v.toString() : null).toList();
        }
        finally {
            array.free();
        }
    }

    @FunctionalInterface
    private interface RowReader {

        void row(ResultSet rs, JdbcValues[] readers) throws SQLException;

    }

}
