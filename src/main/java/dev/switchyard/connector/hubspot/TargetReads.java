package dev.switchyard.connector.hubspot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.ObjectSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a target portal's records back: by id or unique property with the batch read
 * (contract §2.6), by a field's value and counts with the search (§2.5). Values come back
 * typed as the source connector reads them.
 */
final class TargetReads {

    private final HubSpotClient client;

    private final int searchPageSize;

    private final int cap;

    TargetReads(HubSpotClient client, int searchPageSize, int cap) {
        this.client = client;
        this.searchPageSize = searchPageSize;
        this.cap = cap;
    }

    /**
     * @param schema the object
     * @param idProperty a unique property to read by, or null for ids
     * @param keys the ids or unique values
     * @param properties the properties to read
     * @return the records found, by HubSpot id, in the order read
     */
    Map<String, Map<String, Object>> batchRead(ObjectSchema schema, String idProperty, Collection<String> keys,
            List<String> properties) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += UsageProbe.BATCH) {
            ObjectNode body = this.client.json().createObjectNode();
            ArrayNode inputs = body.putArray("inputs");
            all.subList(from, Math.min(all.size(), from + UsageProbe.BATCH))
                .forEach((key) -> inputs.addObject().put("id", key));
            ArrayNode names = body.putArray("properties");
            properties.forEach(names::add);
            if (idProperty != null) {
                body.put("idProperty", idProperty);
            }
            HubSpotResponse answer = this.client.post("batch", "reading " + schema.name() + " back",
                    "/crm/v3/objects/" + AssociationReader.segment(schema.name()) + "/batch/read?archived=false", body);
            for (JsonNode result : answer.body().path("results")) {
                found.put(Json.text(result.path("id")), values(schema, result));
            }
        }
        return found;
    }

    /**
     * @param schema the object
     * @param field a property
     * @param value the value it must equal
     * @param limit the most records to read
     * @param properties the properties to read
     * @return the records found, by HubSpot id
     */
    Map<String, Map<String, Object>> where(ObjectSchema schema, String field, String value, int limit,
            List<String> properties) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        String after = null;
        int wanted = Math.min(limit, this.cap);
        do {
            ObjectNode body = search(field, value, Math.min(this.searchPageSize, wanted - found.size()), after);
            ArrayNode names = body.putArray("properties");
            properties.forEach(names::add);
            HubSpotResponse answer = this.client.post("search", "searching " + schema.name() + " by " + field,
                    "/crm/v3/objects/" + AssociationReader.segment(schema.name()) + "/search", body);
            for (JsonNode result : answer.body().path("results")) {
                if (found.size() < wanted) {
                    found.put(Json.text(result.path("id")), values(schema, result));
                }
            }
            after = Json.text(answer.body().path("paging").path("next").path("after"));
        }
        while (after != null && found.size() < wanted);
        return found;
    }

    /**
     * @param object the object
     * @return the search's total of its records
     */
    long count(String object) {
        HubSpotResponse answer = this.client.post("search", "counting " + object,
                "/crm/v3/objects/" + AssociationReader.segment(object) + "/search", search(null, null, 1, null));
        return answer.body().path("total").asLong();
    }

    private ObjectNode search(String field, String value, int limit, String after) {
        ObjectNode body = this.client.json().createObjectNode();
        ArrayNode groups = body.putArray("filterGroups");
        if (field != null) {
            groups.addObject()
                .putArray("filters")
                .addObject()
                .put("propertyName", field)
                .put("operator", "EQ")
                .put("value", value);
        }
        body.put("limit", Math.max(1, limit));
        if (after != null) {
            body.put("after", after);
        }
        return body;
    }

    static Map<String, Object> values(ObjectSchema schema, JsonNode result) {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode properties = result.path("properties");
        for (FieldSchema field : schema.fields()) {
            if (properties.has(field.name())) {
                String text = Json.text(properties.path(field.name()));
                values.put(field.name(), field.name().equals(HubSpotSchemaReader.ID_PROPERTY) ? text
                        : HubSpotValues.read(field.type(), text));
            }
        }
        values.putIfAbsent(HubSpotSchemaReader.ID_PROPERTY, Json.text(result.path("id")));
        return values;
    }

}
