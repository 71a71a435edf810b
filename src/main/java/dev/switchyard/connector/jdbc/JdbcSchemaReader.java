package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;

/**
 * Describes the tables and views of one schema from {@link DatabaseMetaData}, with the
 * dialect's picklists, and counts their rows.
 */
final class JdbcSchemaReader {

    private final Connection connection;

    private final SqlDialect dialect;

    private final String schema;

    private final Map<String, String> idFields;

    JdbcSchemaReader(Connection connection, SqlDialect dialect, String schema, Map<String, String> idFields) {
        this.connection = connection;
        this.dialect = dialect;
        this.schema = schema;
        this.idFields = idFields;
    }

    /**
     * @return every table and view of the schema, described
     */
    SchemaSnapshot describe() throws SQLException {
        Map<String, Map<String, List<String>>> picklists = PicklistReader.read(this.connection, this.dialect,
                this.schema);
        List<ObjectSchema> objects = new ArrayList<>();
        List<ExtractionProblem> problems = new ArrayList<>();
        for (JdbcTable table : tables()) {
            objects.add(describe(table, picklists.getOrDefault(table.name(), Map.of()), problems, true));
        }
        return new SchemaSnapshot(objects, problems);
    }

    /**
     * Describes one table or view, without counting its rows.
     * @param name a table or view name, exact or in another case
     * @param problems receives what keeps it from being extracted
     * @return it described, when it exists
     */
    Optional<ObjectSchema> describe(String name, List<ExtractionProblem> problems) throws SQLException {
        List<JdbcTable> tables = tables();
        Optional<JdbcTable> table = tables.stream()
            .filter((t) -> t.name().equals(name))
            .findFirst()
            .or(() -> tables.stream().filter((t) -> t.name().equalsIgnoreCase(name)).findFirst());
        if (table.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, List<String>>> picklists = PicklistReader.read(this.connection, this.dialect,
                this.schema);
        return Optional
            .of(describe(table.get(), picklists.getOrDefault(table.get().name(), Map.of()), problems, false));
    }

    /**
     * @return the schema's tables and views, by name
     */
    List<JdbcTable> tables() throws SQLException {
        DatabaseMetaData metaData = this.connection.getMetaData();
        String[] types = (this.dialect == SqlDialect.POSTGRESQL)
                ? new String[] { "TABLE", "PARTITIONED TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE" }
                : new String[] { "TABLE", "VIEW" };
        List<JdbcTable> tables = new ArrayList<>();
        JdbcMetadata names = new JdbcMetadata(metaData, this.dialect, this.schema);
        try (ResultSet rs = metaData.getTables(names.catalog(), names.schemaPattern(), "%", types)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                tables.add(new JdbcTable(rs.getString("TABLE_NAME"), type != null && type.contains("VIEW")));
            }
        }
        tables.sort(Comparator.comparing(JdbcTable::name));
        return tables;
    }

    private ObjectSchema describe(JdbcTable table, Map<String, List<String>> picklists,
            List<ExtractionProblem> problems, boolean count) throws SQLException {
        JdbcMetadata metadata = new JdbcMetadata(this.connection.getMetaData(), this.dialect, this.schema);
        JdbcTableMetadata columns = metadata.table(table, picklists);
        String location = this.schema + "." + table.name();
        String idField = columns.primaryKey();
        String chosen = this.idFields.get(table.name());
        if (chosen != null) {
            idField = columns.column(chosen).orElse(null);
            if (idField == null) {
                problems.add(new ExtractionProblem(table.name(), location, chosen, "The id column '" + chosen
                        + "' chosen for " + location + " is not one of its columns: choose another", null));
            }
        }
        else if (idField == null) {
            problems
                .add(new ExtractionProblem(table.name(), location, null,
                        (table.view() ? "The view " : "The table ") + location
                                + " has no single-column primary key: choose its id column before extracting it",
                        null));
        }
        return new ObjectSchema(table.name(), idField, columns.fields(), count ? count(table) : null, location);
    }

    private Long count(JdbcTable table) {
        try (Statement statement = this.connection.createStatement();
                ResultSet rs = statement
                    .executeQuery("select count(*) from " + this.dialect.qualify(this.schema, table.name()))) {
            return rs.next() ? rs.getLong(1) : null;
        }
        catch (SQLException ex) {
            return null;
        }
    }

}
