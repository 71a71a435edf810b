package dev.switchyard.connector.hubspot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.connector.ApiMetered;
import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.AssociationWriter;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.RowRejection;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.TargetCapabilities;
import dev.switchyard.connector.TargetConnector;
import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A HubSpot portal as a destination: records upserted on a unique property with the batch
 * endpoints (100 per call), read back by id, unique property or search, archived for
 * undo, and related with v4 associations ({@link AssociationWriter}). Every call is
 * metered and kept within the portal's rate limits.
 */
public class HubSpotTargetConnector implements TargetConnector, AssociationWriter, ApiMetered {

    private static final Map<String, String> TYPE_IDS = Map.of("contacts", "0-1", "companies", "0-2", "deals", "0-3",
            "tickets", "0-5", "notes", "0-46", "tasks", "0-27", "meetings", "0-47", "calls", "0-48", "emails", "0-49");

    private final HubSpotClient client;

    private final HubSpotProperties properties;

    private final HubSpotSchemaReader schemas;

    private final BatchWriter writer;

    private final TargetReads reads;

    private final AssociationCreator associations;

    private final Map<String, ObjectSchema> described = new HashMap<>();

    public HubSpotTargetConnector(HubSpotClient client, HubSpotProperties properties) {
        this.client = client;
        this.properties = properties;
        this.schemas = new HubSpotSchemaReader(client, properties);
        this.writer = new BatchWriter(client);
        this.reads = new TargetReads(client, properties.searchPageSize(), properties.searchCap());
        this.associations = new AssociationCreator(client);
    }

    @Override
    public SchemaSnapshot describe() {
        SchemaSnapshot snapshot = this.schemas.describe();
        List<ObjectSchema> objects = new ArrayList<>();
        for (ObjectSchema object : snapshot.objects()) {
            ObjectSchema own = properties(object);
            this.described.put(own.name(), own);
            objects.add(own);
        }
        return new SchemaSnapshot(objects, snapshot.problems());
    }

    @Override
    public TargetCapabilities capabilities() {
        return new TargetCapabilities(true, UsageProbe.BATCH, true);
    }

    @Override
    public List<WriteResult> write(String object, String matchKey, List<TargetRecord> records, WriteMode mode) {
        return this.writer.write(object, matchKey, records, mode);
    }

    @Override
    public Map<String, String> existingByMatchKey(String object, String matchKey, Collection<String> keys) {
        ObjectSchema schema = schema(object);
        boolean byId = BatchWriter.isId(matchKey);
        Map<String, String> found = new LinkedHashMap<>();
        this.reads.batchRead(schema, byId ? null : matchKey, keys, List.of(matchKey)).forEach((id, values) -> {
            Object key = byId ? id : values.get(matchKey);
            if (key != null) {
                found.put(HubSpotValues.write(key), id);
            }
        });
        return found;
    }

    @Override
    public List<RowRejection> patch(String object, String idField, Map<String, Map<String, Object>> values) {
        List<TargetRecord> records = new ArrayList<>();
        values.forEach((id, fields) -> {
            Map<String, Object> withId = new LinkedHashMap<>(fields);
            withId.put(HubSpotSchemaReader.ID_PROPERTY, id);
            records.add(new TargetRecord(id, withId));
        });
        List<RowRejection> rejections = new ArrayList<>();
        for (WriteResult result : this.writer.write(object, HubSpotSchemaReader.ID_PROPERTY, records,
                WriteMode.UPDATE)) {
            if (!result.written()) {
                rejections.add(new RowRejection(result.sourceId(), result.column(), result.reason()));
            }
        }
        return rejections;
    }

    @Override
    public Map<String, Map<String, Object>> read(String object, String idField, Collection<String> targetIds) {
        ObjectSchema schema = schema(object);
        return this.reads.batchRead(schema, null, targetIds, names(schema));
    }

    @Override
    public Map<String, Map<String, Object>> readWhere(String object, String field, String value, int limit) {
        ObjectSchema schema = schema(object);
        return this.reads.where(schema, field, value, limit, names(schema));
    }

    @Override
    public Map<String, Object> asStored(String object, Map<String, Object> values) {
        ObjectSchema schema = schema(object);
        Map<String, Object> stored = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            FieldSchema field = schema.fields().stream().filter((f) -> f.name().equals(name)).findFirst().orElse(null);
            String text = HubSpotValues.write(value);
            stored.put(name, (field == null || value == null) ? value
                    : (text.isEmpty() ? null : HubSpotValues.read(field.type(), text)));
        });
        return stored;
    }

    @Override
    public long count(String object) {
        return this.reads.count(object);
    }

    @Override
    public List<RowRejection> delete(String object, String idField, Collection<String> targetIds) {
        List<String> ids = new ArrayList<>(targetIds);
        List<RowRejection> rejections = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += UsageProbe.BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + UsageProbe.BATCH));
            ObjectNode body = this.client.json().createObjectNode();
            ArrayNode inputs = body.putArray("inputs");
            batch.forEach((id) -> inputs.addObject().put("id", id));
            try {
                this.client.post("batch", "archiving " + batch.size() + " " + object,
                        "/crm/v3/objects/" + AssociationReader.segment(object) + "/batch/archive", body);
            }
            catch (HubSpotApiException ex) {
                if (ex.status() != 400) {
                    throw ex;
                }
                batch.forEach((id) -> rejections.add(new RowRejection(id, null, ex.error().describe())));
            }
        }
        return rejections;
    }

    @Override
    public Optional<String> recordUrl(String object, String targetId) {
        String portal = this.client.settings().portalId();
        String type = TYPE_IDS.get(object);
        if (portal == null || type == null || targetId == null) {
            return Optional.empty();
        }
        return Optional
            .of(this.client.settings().appUrl() + "/contacts/" + portal + "/record/" + type + "/" + targetId);
    }

    @Override
    public List<AssociationType> associationTypes(String fromObject, String toObject) {
        return this.associations.types(fromObject, toObject);
    }

    @Override
    public List<AssociationOutcome> createAssociations(String fromObject, String toObject,
            List<AssociationInput> associations) {
        return this.associations.create(fromObject, toObject, associations);
    }

    @Override
    public ApiUsage probeUsage() {
        return UsageProbe.probe(this.client, this.properties);
    }

    @Override
    public long callsToExtract(String object, long records) {
        return Math.max(1, (records + this.properties.pageSize() - 1) / this.properties.pageSize());
    }

    @Override
    public long callsToWrite(String object, long records) {
        return UsageProbe.batches(records);
    }

    @Override
    public void close() {
        this.described.clear();
    }

    private ObjectSchema schema(String object) {
        return this.described.computeIfAbsent(object, (name) -> properties(this.schemas.describe(name)));
    }

    /**
     * The object without the association fields, which are not properties of a target.
     */
    private static ObjectSchema properties(ObjectSchema object) {
        return new ObjectSchema(object.name(), object.idField(),
                object.fields().stream().filter((f) -> !AssociationFields.isAssociationField(f.name())).toList(),
                object.recordCount(), object.origin());
    }

    private static List<String> names(ObjectSchema schema) {
        return schema.fields().stream().map(FieldSchema::name).toList();
    }

}
