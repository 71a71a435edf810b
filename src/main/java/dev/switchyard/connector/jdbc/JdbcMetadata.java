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
        Set<String> unique = uniqueColumns(table);
        if (primaryKey.size() == 1) {
            unique.add(primaryKey.get(0));
        }
        List<FieldSchema> fields = new ArrayList<>();
        try (ResultSet rs = this.metaData.getColumns(catalog(), schemaPattern(), escape(table.name()), "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                String typeName = rs.getString("TYPE_NAME");
                int sqlType = rs.getInt("DATA_TYPE");
                long size = rs.getLong("COLUMN_SIZE");
                String referenceTo = references.get(name);
                List<String> values = picklists.getOrDefault(name, List.of());
                FieldType type = (referenceTo != null) ? FieldType.REFERENCE
                        : !values.isEmpty() ? FieldType.PICKLIST : JdbcTypes.fieldType(sqlType, typeName, size);
                boolean required = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
                fields.add(new FieldSchema(name, typeName, type, JdbcTypes.length(sqlType, size), required,
                        unique.contains(name), generated(rs), referenceTo, values));
            }
        }
        return new JdbcTableMetadata(fields, (primaryKey.size() == 1) ? primaryKey.get(0) : null);
    }

    private List<String> primaryKey(String table) throws SQLException {
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

    private Set<String> uniqueColumns(JdbcTable table) {
        Map<String, List<String>> indexes = new HashMap<>();
        try (ResultSet rs = this.metaData.getIndexInfo(catalog(), schemaName(), table.name(), true, true)) {
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
        Set<String> unique = new HashSet<>();
        indexes.values().stream().filter((columns) -> columns.size() == 1).forEach((c) -> unique.add(c.get(0)));
        return unique;
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
