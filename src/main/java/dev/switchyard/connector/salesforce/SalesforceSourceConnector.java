package dev.switchyard.connector.salesforce;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.switchyard.connector.ApiMetered;
import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;
import dev.switchyard.connector.SourceRecord;
import tools.jackson.databind.JsonNode;

/**
 * Reads an org: describe into the dictionary; records through REST query pages, or a Bulk
 * API 2.0 query job above {@code switchyard.salesforce.bulk-query-threshold} records;
 * compound fields as their components, references as the ids they hold. A delta reads the
 * records whose {@code SystemModstamp} is at or after the window's start (cut to the
 * second, so the mark's own second is read again) and drops repeated ids; records deleted
 * since are found by listing the ids the org still holds.
 */
public class SalesforceSourceConnector implements SourceConnector, ApiMetered {

    private static final String SYSTEM_MODSTAMP = "SystemModstamp";

    private final SalesforceClient client;

    private final SalesforceProperties properties;

    private final SalesforceDescriber describer;

    private final Map<String, String> idFields;

    SalesforceSourceConnector(SalesforceClient client, SalesforceProperties properties, Map<String, String> idFields) {
        this.client = client;
        this.properties = properties;
        this.describer = new SalesforceDescriber(client);
        this.idFields = idFields;
    }

    /**
     * @return the client, for its retry count and last usage
     */
    public SalesforceClient client() {
        return this.client;
    }

    @Override
    public SchemaSnapshot describe() {
        return this.describer.describe(false);
    }

    @Override
    public void extract(String object, ExtractWindow window, ExtractionSink sink) {
        SObjectDescribe fields = this.describer.fields(object);
        String idField = this.idFields.getOrDefault(object, "Id");
        String where = where(fields, window);
        String soql = "SELECT " + fields.selectList() + " FROM " + fields.name() + where;
        Set<String> seen = window.isFull() ? null : new HashSet<>();
        Consumer<Map<String, Object>> records = (values) -> {
            Object id = values.get(idField);
            if (id == null || id.toString().isBlank()) {
                sink.problem(new ExtractionProblem(object, "Salesforce " + object, idField,
                        "A record without " + idField + " was skipped", null));
                return;
            }
            if (seen == null || seen.add(id.toString())) {
                sink.accept(new SourceRecord(object, id.toString(), values, object + "/" + id));
            }
        };
        read(fields, soql, where, sink::cancelled, records);
    }

    @Override
    public void listIds(String object, Consumer<String> ids) {
        SObjectDescribe fields = this.describer.fields(object);
        String idField = this.idFields.getOrDefault(object, "Id");
        SObjectDescribe idOnly = new SObjectDescribe(fields.name(), java.util.List.of(fields.require(idField)));
        read(idOnly, "SELECT " + idField + " FROM " + fields.name(), "", () -> false, (values) -> {
            Object id = values.get(idField);
            if (id != null) {
                ids.accept(id.toString());
            }
        });
    }

    @Override
    public boolean filtersByWindow() {
        return true;
    }

    private void read(SObjectDescribe fields, String soql, String where, java.util.function.BooleanSupplier cancelled,
            Consumer<Map<String, Object>> records) {
        long count = count(fields.name(), where);
        if (count > this.properties.bulkQueryThreshold()) {
            try {
                new BulkQuery(this.client, this.properties).run(fields.name(), soql, false, cancelled,
                        BulkQuery.rows((row) -> records.accept(fromCsv(fields, row))));
                return;
            }
            catch (SalesforceApiException ex) {
                if (ex.status() != 400) {
                    throw ex;
                }
                // the Bulk API does not support this object: read it through REST
            }
        }
        new RestQuery(this.client, "query", "/query", fields.name()).until(cancelled)
            .run(soql, (record) -> records.accept(fromJson(fields, record)));
    }

    private long count(String object, String where) {
        return new RestQuery(this.client, "query", "/query", object).run("SELECT COUNT() FROM " + object + where,
                (record) -> {
                });
    }

    /**
     * The delta's condition: {@code SystemModstamp} (which every change moves, also
     * system ones) when the window is on it or on {@code LastModifiedDate}, which never
     * runs ahead of it; else the window's own field.
     */
    private static String where(SObjectDescribe fields, ExtractWindow window) {
        if (window.isFull()) {
            return "";
        }
        String field = window.modifiedField();
        if ((field.equalsIgnoreCase(SYSTEM_MODSTAMP) || field.equalsIgnoreCase("LastModifiedDate"))
                && fields.field(SYSTEM_MODSTAMP).isPresent()) {
            field = SYSTEM_MODSTAMP;
        }
        return " WHERE " + fields.require(field).name() + " >= " + Soql.dateTime(window.modifiedSince());
    }

    private static Map<String, Object> fromJson(SObjectDescribe fields, JsonNode record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (SalesforceField field : fields.fields()) {
            values.put(field.name(), SalesforceValues.fromJson(field, record.get(field.name())));
        }
        return values;
    }

    private static Map<String, Object> fromCsv(SObjectDescribe fields, Map<String, String> row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (SalesforceField field : fields.fields()) {
            values.put(field.name(), SalesforceValues.fromText(field, row.get(field.name())));
        }
        return values;
    }

    @Override
    public ApiUsage probeUsage() {
        return Limits.probe(this.client);
    }

    @Override
    public long callsToExtract(String object, long records) {
        return new CallEstimates(this.properties).toExtract(records);
    }

    @Override
    public long callsToWrite(String object, long records) {
        return new CallEstimates(this.properties).toWrite(records);
    }

    @Override
    public void close() {
        // nothing is held open between calls
    }

}
