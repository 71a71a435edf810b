package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;

/**
 * An open, read-only connection to one schema of a database. Its objects are the schema's
 * tables and views.
 */
public class JdbcSourceConnector implements SourceConnector {

    private final Connection connection;

    private final JdbcUrl url;

    private final String schema;

    private final String secret;

    private final JdbcSchemaReader schemaReader;

    private final JdbcRecordReader recordReader;

    JdbcSourceConnector(Connection connection, JdbcUrl url, String schema, Map<String, String> idFields,
            String secret) {
        this.connection = connection;
        this.url = url;
        this.schema = schema;
        this.secret = secret;
        this.schemaReader = new JdbcSchemaReader(connection, url.dialect(), schema, idFields);
        this.recordReader = new JdbcRecordReader(connection, url.dialect(), schema);
    }

    /**
     * @return the schema this connector reads
     */
    public String schema() {
        return this.schema;
    }

    @Override
    public SchemaSnapshot describe() {
        try {
            return this.schemaReader.describe();
        }
        catch (SQLException ex) {
            throw JdbcFailures.reading("describing the schema " + this.schema, ex, this.url, this.secret);
        }
    }

    @Override
    public void extract(String object, ExtractWindow window, ExtractionSink sink) {
        try {
            List<ExtractionProblem> problems = new ArrayList<>();
            ObjectSchema table = this.schemaReader.describe(object, problems)
                .orElseThrow(() -> new ConnectorException(
                        "There is no table or view '" + object + "' in the schema " + this.schema + " of " + this.url));
            problems.forEach(sink::problem);
            if (table.idField() != null || problems.isEmpty()) {
                this.recordReader.read(table, (window != null) ? window : ExtractWindow.full(), sink);
            }
        }
        catch (SQLException ex) {
            throw JdbcFailures.reading("reading " + this.schema + "." + object, ex, this.url, this.secret);
        }
    }

    @Override
    public void listIds(String object, java.util.function.Consumer<String> ids) {
        try {
            List<ExtractionProblem> problems = new ArrayList<>();
            ObjectSchema table = this.schemaReader.describe(object, problems)
                .orElseThrow(() -> new ConnectorException(
                        "There is no table or view '" + object + "' in the schema " + this.schema + " of " + this.url));
            if (table.idField() != null) {
                this.recordReader.readIds(table, ids);
            }
        }
        catch (SQLException ex) {
            throw JdbcFailures.reading("listing the ids of " + this.schema + "." + object, ex, this.url, this.secret);
        }
    }

    /**
     * Rows are filtered by the window's modified column in the query.
     * @return true
     */
    @Override
    public boolean filtersByWindow() {
        return true;
    }

    /**
     * @return what the connection reaches: product, version, schema, tables and views
     */
    public JdbcConnectionReport report() {
        try {
            DatabaseMetaData metaData = this.connection.getMetaData();
            List<JdbcTable> tables = this.schemaReader.tables();
            int views = (int) tables.stream().filter(JdbcTable::view).count();
            return new JdbcConnectionReport(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion(),
                    this.schema, tables.size() - views, views);
        }
        catch (SQLException ex) {
            throw JdbcFailures.reading("listing the schema " + this.schema, ex, this.url, this.secret);
        }
    }

    @Override
    public void close() {
        try {
            this.connection.close();
        }
        catch (SQLException ex) {
            // nothing more to do with a connection that will not close
        }
    }

}
