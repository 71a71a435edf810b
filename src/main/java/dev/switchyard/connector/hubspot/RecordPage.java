package dev.switchyard.connector.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SourceRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Turns one page of HubSpot records (from a list or a search) into source records: their
 * properties as typed values, and their associations read in one batch call per
 * associated object and carried as the {@link AssociationFields association fields}.
 */
final class RecordPage {

    private final ObjectSchema schema;

    private final List<String> associated;

    private final AssociationReader associations;

    private final HubSpotClient client;

    private final java.util.Set<String> refused = new java.util.HashSet<>();

    RecordPage(ObjectSchema schema, List<String> associated, AssociationReader associations, HubSpotClient client) {
        this.schema = schema;
        this.associated = associated;
        this.associations = associations;
        this.client = client;
    }

    /**
     * @return the property names to ask for: every field but the association fields
     */
    List<String> propertyNames() {
        return this.schema.fields()
            .stream()
            .map(FieldSchema::name)
            .filter((name) -> !AssociationFields.isAssociationField(name))
            .toList();
    }

    /**
     * Sends a page's records to the sink.
     * @param results the page's {@code results}
     * @param where where the page came from, for locations
     * @param sink the sink
     * @return how many records were sent
     */
    int emit(JsonNode results, String where, ExtractionSink sink) {
        List<JsonNode> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode result : results) {
            String id = Json.text(result.path("id"));
            if (id == null) {
                sink.problem(new ExtractionProblem(this.schema.name(), where, "id",
                        "A record without an id was skipped", result.toString()));
                continue;
            }
            records.add(result);
            ids.add(id);
        }
        Map<String, Map<String, List<Association>>> linked = new LinkedHashMap<>();
        for (String to : this.associated) {
            linked.put(to, associations(to, ids, where, sink));
        }
        for (int i = 0; i < records.size(); i++) {
            if (sink.cancelled()) {
                return i;
            }
            sink.accept(record(records.get(i), ids.get(i), linked, where));
        }
        return records.size();
    }

    /**
     * Reads the associations to one object; when the portal refuses them (the token lacks
     * the other object's scope), says so once and reads the rest without them.
     */
    private Map<String, List<Association>> associations(String to, List<String> ids, String where,
            ExtractionSink sink) {
        if (this.refused.contains(to)) {
            return Map.of();
        }
        try {
            return this.associations.read(this.schema.name(), to, ids);
        }
        catch (HubSpotApiException ex) {
            if (ex.status() != 400 && ex.status() != 403 && ex.status() != 404) {
                throw ex;
            }
            this.refused.add(to);
            sink.problem(new ExtractionProblem(this.schema.name(), where, AssociationFields.listField(to),
                    "The associations to " + to + " cannot be read, so the records carry none: " + ex.getMessage(),
                    null));
            return Map.of();
        }
    }

    private SourceRecord record(JsonNode result, String id, Map<String, Map<String, List<Association>>> linked,
            String where) {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode properties = result.path("properties");
        for (FieldSchema field : this.schema.fields()) {
            if (AssociationFields.isAssociationField(field.name())) {
                continue;
            }
            String text = Json.text(properties.path(field.name()));
            if (field.name().equals(HubSpotSchemaReader.ID_PROPERTY) && text == null) {
                text = id;
            }
            values.put(field.name(), (field.name().equals(HubSpotSchemaReader.ID_PROPERTY)) ? text
                    : HubSpotValues.read(field.type(), text));
        }
        for (String to : this.associated) {
            List<Association> list = linked.get(to).getOrDefault(id, List.of());
            values.put(AssociationFields.listField(to), list.isEmpty() ? null : json(list));
            if (AssociationFields.hasPrimary(to)) {
                values.put(AssociationFields.primaryField(to),
                        list.stream().filter(Association::primary).map(Association::id).findFirst().orElse(null));
            }
        }
        return new SourceRecord(this.schema.name(), id, values, where + "#" + id);
    }

    private String json(List<Association> list) {
        ArrayNode array = this.client.json().createArrayNode();
        for (Association association : list) {
            var node = array.addObject();
            node.put("object", association.object());
            node.put("id", association.id());
            node.put("typeId", association.typeId());
            if (association.label() != null) {
                node.put("label", association.label());
            }
            else {
                node.putNull("label");
            }
        }
        return array.toString();
    }

}
