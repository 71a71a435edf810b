package dev.switchyard.connector.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.FieldType;

/**
 * Reads one table's columns, keys and unique indexes from {@link DatabaseMetaData} and
 * turns them into {@link FieldSchema}s.
 */
final class JdbcMetadata {

    private final DatabaseMetaData metaData;

    private final SqlDialect dialect;

    private final String schema;

    JdbcMetadata(DatabaseMetaData metaData, SqlDialect dialect, String schema) {
        this.metaData = metaData;
        this.dialect = dialect;
        this.schema = schema;
    }

    String catalog() {
        return this.dialect.schemaIsCatalog() ? this.schema : null;
    }

    String schemaPattern() throws SQLException {
        return this.dialect.schemaIsCatalog() ? null : escape(this.schema);
    }

    private String schemaName() {
        return this.dialect.schemaIsCatalog() ? null : this.schema;
    }

    JdbcTableMetadata table(JdbcTable table, Map<String, List<String>> picklists) throws SQLException {
        List<String> primaryKey = primaryKey(table.name());
        Map<String, String> references = references(table.name());
        Set<String> unique = uniqueColumns(table.name());
        if (primaryKey.size() == 1) {
            unique.add(primaryKey.get(0));
        }
        List<FieldSchema> fields = new ArrayList<>();
        for (JdbcColumn column : columns(table.name())) {
            String referenceTo = references.get(column.name());
            List<String> values = picklists.getOrDefault(column.name(), List.of());
            FieldType type = (referenceTo != null) ? FieldType.REFERENCE
                    : !values.isEmpty() ? FieldType.PICKLIST : column.fieldType();
            fields.add(new FieldSchema(column.name(), column.typeName(), type, column.length(), column.required(),
                    unique.contains(column.name()), column.generated(), referenceTo, values));
        }
        return new JdbcTableMetadata(fields, (primaryKey.size() == 1) ? primaryKey.get(0) : null);
    }

    /**
     * @param table a table name as the database spells it
     * @return its columns in ordinal order
     */
    List<JdbcColumn> columns(String table) throws SQLException {
        List<JdbcColumn> columns = new ArrayList<>();
        try (ResultSet rs = this.metaData.getColumns(catalog(), schemaPattern(), escape(table), "%")) {
            while (rs.next()) {
                columns.add(new JdbcColumn(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"),
                        rs.getString("TYPE_NAME"), rs.getLong("COLUMN_SIZE"),
                        rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls, generated(rs)));
            }
        }
        return columns;
    }

    /**
     * @param table a table name as the database spells it
     * @return the columns of its primary key in key order; empty when it has none
     */
    List<String> primaryKey(String table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet rs = this.metaData.getPrimaryKeys(catalog(), schemaName(), table)) {
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(columns.values());
    }

    private Map<String, String> references(String table) throws SQLException {
        Map<String, List<String[]>> keys = new HashMap<>();
        try (ResultSet rs = this.metaData.getImportedKeys(catalog(), schemaName(), table)) {
            while (rs.next()) {
                String target = rs.getString("PKTABLE_NAME");
                String targetSchema = this.dialect.schemaIsCatalog() ? rs.getString("PKTABLE_CAT")
                        : rs.getString("PKTABLE_SCHEM");
                if (targetSchema != null && !targetSchema.equals(this.schema)) {
                    target = targetSchema + "." + target;
                }
                String key = rs.getString("FK_NAME") + "\u0000" + target;
                keys.computeIfAbsent(key, (k) -> new ArrayList<>())
                    .add(new String[] { rs.getString("FKCOLUMN_NAME"), target });
            }
        }
        Map<String, String> references = new HashMap<>();
        keys.values()
            .stream()
            .filter((columns) -> columns.size() == 1)
            .forEach((columns) -> references.putIfAbsent(columns.get(0)[0], columns.get(0)[1]));
        return references;
    }

    /**
     * @param table a table name as the database spells it
     * @return the columns a unique index without a filter covers alone
     */
    Set<String> uniqueColumns(String table) {
        Set<String> unique = new HashSet<>();
        uniqueIndexes(table).forEach((index, columns) -> {
            if (columns.size() == 1) {
                unique.add(columns.get(0));
            }
        });
        return unique;
    }

    /**
     * @param table a table name as the database spells it
     * @return the columns of each unique index without a filter, by index name
     */
    Map<String, List<String>> uniqueIndexes(String table) {
        Map<String, List<String>> indexes = new HashMap<>();
        try (ResultSet rs = this.metaData.getIndexInfo(catalog(), schemaName(), table, true, true)) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                if (rs.getShort("TYPE") != DatabaseMetaData.tableIndexStatistic && column != null
                        && !rs.getBoolean("NON_UNIQUE") && rs.getString("FILTER_CONDITION") == null) {
                    indexes.computeIfAbsent(rs.getString("INDEX_NAME"), (name) -> new ArrayList<>()).add(column);
                }
            }
        }
        catch (SQLException ex) {
            // views and some system objects have no indexes to tell
        }
        return indexes;
    }

    /**
     * @param table a table name as the database spells it
     * @param exported false for the table's own foreign keys, true for the keys of tables
     * referring to it
     * @return for each single-column foreign key, by name, the referring column: its name
     * for the table's own keys, {@code table.column} for the keys of referring tables
     */
    Map<String, String> foreignKeyColumns(String table, boolean exported) throws SQLException {
        Map<String, List<String>> columns = new HashMap<>();
        try (ResultSet rs = exported ? this.metaData.getExportedKeys(catalog(), schemaName(), table)
                : this.metaData.getImportedKeys(catalog(), schemaName(), table)) {
            while (rs.next()) {
                String column = rs.getString("FKCOLUMN_NAME");
                columns.computeIfAbsent(rs.getString("FK_NAME"), (k) -> new ArrayList<>())
                    .add(exported ? rs.getString("FKTABLE_NAME") + "." + column : column);
            }
        }
        Map<String, String> single = new HashMap<>();
        columns.forEach((name, list) -> {
            if (name != null && list.size() == 1) {
                single.put(name, list.get(0));
            }
        });
        return single;
    }

    private static boolean generated(ResultSet rs) throws SQLException {
        String defaultValue = rs.getString("COLUMN_DEF");
        String lower = (defaultValue != null) ? defaultValue.toLowerCase(Locale.ROOT) : "";
        return yes(rs, "IS_AUTOINCREMENT") || yes(rs, "IS_GENERATEDCOLUMN") || lower.contains("nextval(")
                || lower.contains("identity");
    }

    private static boolean yes(ResultSet rs, String column) {
        try {
            return "YES".equalsIgnoreCase(rs.getString(column));
        }
        catch (SQLException ex) {
            return false;
        }
    }

    private String escape(String pattern) throws SQLException {
        String escape = this.metaData.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return pattern;
        }
        return pattern.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

}
