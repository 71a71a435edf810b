package dev.switchyard.connector.salesforce;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.connector.ApiMetered;
import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.RowRejection;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.TargetCapabilities;
import dev.switchyard.connector.TargetConnector;
import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;

/**
 * Writes into an org. An object mapping's match key must be an external-id field: upserts
 * on it make re-runs and resumes create no duplicate, and a record that does not carry it
 * gets its source id there. Writes of up to
 * {@code switchyard.salesforce.bulk-ingest-threshold} records go through sObject
 * Collections of 200, larger ones through a Bulk API 2.0 ingest job; either way each
 * record gets its own result, a refused one with Salesforce's code, message and field.
 * Reads go through SOQL, in batches of ids.
 */
public class SalesforceTargetConnector implements TargetConnector, ApiMetered {

    private static final String ID = "Id";

    private static final java.util.regex.Pattern RECORD_ID = java.util.regex.Pattern
        .compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

    private final SalesforceClient client;

    private final SalesforceProperties properties;

    private final SalesforceDescriber describer;

    private final Map<String, SObjectDescribe> fields = new HashMap<>();

    SalesforceTargetConnector(SalesforceClient client, SalesforceProperties properties) {
        this.client = client;
        this.properties = properties;
        this.describer = new SalesforceDescriber(client);
    }

    /**
     * @return the client, for its retry count and last usage
     */
    public SalesforceClient client() {
        return this.client;
    }

    @Override
    public SchemaSnapshot describe() {
        return this.describer.describe(true);
    }

    @Override
    public TargetCapabilities capabilities() {
        return new TargetCapabilities(true, CallEstimates.COLLECTION, true);
    }

    @Override
    public List<WriteResult> write(String object, String matchKey, List<TargetRecord> records, WriteMode mode) {
        if (records.isEmpty()) {
            return List.of();
        }
        SObjectDescribe describe = fields(object);
        List<WriteRow> rows = new ArrayList<>();
        List<WriteResult> refused = new ArrayList<>();
        WriteOperation operation;
        String externalId = null;
        switch (mode) {
            case CREATE -> {
                operation = WriteOperation.INSERT;
                records.forEach((r) -> rows.add(new WriteRow(r.sourceId(), withKey(r, matchKey, describe))));
            }
            case UPSERT -> {
                operation = WriteOperation.UPSERT;
                externalId = externalId(describe, matchKey);
                for (TargetRecord record : records) {
                    rows.add(new WriteRow(record.sourceId(), withKey(record, externalId, describe)));
                }
            }
            default -> {
                operation = WriteOperation.UPDATE;
                resolveIds(object, matchKey, records, describe, rows, refused);
            }
        }
        List<WriteResult> written = (rows.size() > this.properties.bulkIngestThreshold())
                ? new BulkIngest(this.client, this.properties).write(describe.name(), operation, externalId, rows)
                : new SObjectCollections(this.client).write(describe.name(), operation, externalId, rows);
        if (refused.isEmpty()) {
            return written;
        }
        Map<String, WriteResult> bySource = new LinkedHashMap<>();
        written.forEach((r) -> bySource.put(r.sourceId(), r));
        refused.forEach((r) -> bySource.put(r.sourceId(), r));
        return records.stream().map((r) -> bySource.get(r.sourceId())).toList();
    }

    /**
     * An update by match key: the records' ids are looked up first; a record no id
     * matches is refused.
     */
    private void resolveIds(String object, String matchKey, List<TargetRecord> records, SObjectDescribe describe,
            List<WriteRow> rows, List<WriteResult> refused) {
        String key = (matchKey != null) ? describe.require(matchKey).name() : ID;
        Map<String, String> ids = new HashMap<>();
        if (!key.equals(ID)) {
            List<String> keys = records.stream().map((r) -> keyValue(r, key)).toList();
            ids.putAll(existingByMatchKey(object, key, keys));
        }
        for (TargetRecord record : records) {
            String value = keyValue(record, key);
            String id = key.equals(ID) ? value : ids.get(value);
            if (id == null) {
                refused.add(WriteResult.rejected(record.sourceId(), null, key, "NOT_FOUND",
                        "No " + describe.name() + " has " + key + " = " + value));
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>(record.values());
            values.put(ID, id);
            rows.add(new WriteRow(record.sourceId(), values));
        }
    }

    private static String keyValue(TargetRecord record, String key) {
        Object value = record.values().get(key);
        return (value != null) ? value.toString() : record.sourceId();
    }

    private static Map<String, Object> withKey(TargetRecord record, String key, SObjectDescribe describe) {
        if (key == null || key.equalsIgnoreCase(ID) || record.values().containsKey(key)) {
            return record.values();
        }
        Map<String, Object> values = new LinkedHashMap<>(record.values());
        values.put(describe.require(key).name(), record.sourceId());
        return values;
    }

    private static String externalId(SObjectDescribe describe, String matchKey) {
        if (matchKey == null) {
            throw new ConnectorException("Upserting into Salesforce object " + describe.name()
                    + " needs a match key: an external-id field such as Legacy_Id__c");
        }
        SalesforceField field = describe.require(matchKey);
        if (!field.externalId() && !field.name().equals(ID)) {
            throw new ConnectorException("The match key " + field.name() + " of Salesforce object " + describe.name()
                    + " is not an external-id field: mark it External ID in Setup, or choose one that is");
        }
        return field.name();
    }

    @Override
    public Map<String, String> existingByMatchKey(String object, String matchKey, Collection<String> keys) {
        SObjectDescribe describe = fields(object);
        SalesforceField key = describe.require(matchKey);
        Map<String, String> found = new LinkedHashMap<>();
        for (List<String> batch : batches(keys)) {
            new RestQuery(this.client, "query", "/query", describe.name()).run("SELECT Id, " + key.name() + " FROM "
                    + describe.name() + " WHERE " + key.name() + " IN " + Soql.in(key, batch), (record) -> {
                        String value = Json.text(record.path(key.name()));
                        if (value != null) {
                            found.put(value, Json.text(record.path(ID)));
                        }
                    });
        }
        return found;
    }

    @Override
    public List<RowRejection> patch(String object, String idField, Map<String, Map<String, Object>> values) {
        return values.isEmpty() ? List.of() : new SObjectCollections(this.client).patch(fields(object).name(), values);
    }

    @Override
    public Map<String, Map<String, Object>> read(String object, String idField, Collection<String> targetIds) {
        SObjectDescribe describe = fields(object);
        SalesforceField id = describe.require((idField != null) ? idField : ID);
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        for (List<String> batch : batches(targetIds)) {
            select(describe, " WHERE " + id.name() + " IN " + Soql.in(id, batch), id.name(), found);
        }
        return found;
    }

    @Override
    public Map<String, Map<String, Object>> readWhere(String object, String field, String value, int limit) {
        SObjectDescribe describe = fields(object);
        SalesforceField where = describe.require(field);
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        select(describe, " WHERE " + where.name() + ((value == null) ? " = null" : " = " + Soql.value(where, value))
                + " LIMIT " + Math.max(1, limit), ID, found);
        return found;
    }

    private void select(SObjectDescribe describe, String condition, String idField,
            Map<String, Map<String, Object>> found) {
        new RestQuery(this.client, "query", "/query", describe.name())
            .run("SELECT " + describe.selectList() + " FROM " + describe.name() + condition, (record) -> {
                Map<String, Object> values = new LinkedHashMap<>();
                for (SalesforceField field : describe.fields()) {
                    values.put(field.name(), SalesforceValues.fromJson(field, record.get(field.name())));
                }
                found.put(String.valueOf(values.get(idField)), values);
            });
    }

    @Override
    public Map<String, Object> asStored(String object, Map<String, Object> values) {
        SObjectDescribe describe = fields(object);
        Map<String, Object> stored = new LinkedHashMap<>();
        values.forEach((name, value) -> stored.put(name,
                describe.field(name).map((field) -> SalesforceValues.asStored(field, value)).orElse(value)));
        return stored;
    }

    @Override
    public long count(String object) {
        String name = fields(object).name();
        return new RestQuery(this.client, "query", "/query", name).run("SELECT COUNT() FROM " + name, (r) -> {
        });
    }

    @Override
    public List<RowRejection> delete(String object, String idField, Collection<String> targetIds) {
        return targetIds.isEmpty() ? List.of() : new SObjectCollections(this.client).delete(List.copyOf(targetIds));
    }

    @Override
    public Optional<String> recordUrl(String object, String targetId) {
        if (targetId == null || !RECORD_ID.matcher(targetId).matches()) {
            return Optional.empty();
        }
        return Optional.of(this.client.instanceUrl() + "/lightning/r/" + Soql.name(object) + "/" + targetId + "/view");
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

    private SObjectDescribe fields(String object) {
        return this.fields.computeIfAbsent(object.toLowerCase(Locale.ROOT), (o) -> this.describer.fields(object));
    }

    private List<List<String>> batches(Collection<String> values) {
        List<String> all = new ArrayList<>(values);
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += this.properties.readBatch()) {
            batches.add(all.subList(from, Math.min(all.size(), from + this.properties.readBatch())));
        }
        return batches;
    }

    @Override
    public void close() {
        // nothing is held open between calls
    }

}
