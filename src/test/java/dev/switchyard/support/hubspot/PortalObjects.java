package dev.switchyard.support.hubspot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.support.hubspot.PortalState.StoredRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.switchyard.support.hubspot.Answer.JSON;

/**
 * The object endpoints of the stub portal (contract §2.3–§2.6): properties, list with
 * paging by {@code after}, search with filters, one sort and the 10,000-result cap, and
 * the batch create, update, upsert, read and archive with 207 partial failures.
 */
final class PortalObjects {

    static final int SEARCH_CAP = 10_000;

    private final PortalState state;

    PortalObjects(PortalState state) {
        this.state = state;
    }

    Answer properties(String type) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        for (PortalProperty property : this.state.properties.get(type)) {
            ObjectNode node = results.addObject()
                .put("name", property.name())
                .put("label", property.name())
                .put("type", property.type())
                .put("fieldType", property.fieldType())
                .put("groupName", type + "information")
                .put("hasUniqueValue", property.unique())
                .put("calculated", property.calculated())
                .put("archived", false)
                .put("hubspotDefined", !property.name().equals("legacy_id"));
            ArrayNode options = node.putArray("options");
            int order = 0;
            for (String option : property.options()) {
                options.addObject()
                    .put("label", option)
                    .put("value", option)
                    .put("displayOrder", order++)
                    .put("hidden", false);
            }
            node.putObject("modificationMetadata")
                .put("archivable", true)
                .put("readOnlyDefinition", !property.name().equals("legacy_id"))
                .put("readOnlyValue", property.readOnlyValue());
        }
        return Answer.ok(body);
    }

    Answer list(String type, Map<String, String> query) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
        if (limit > 100) {
            return Answer.error(400, "VALIDATION_ERROR", "limit must be at most 100");
        }
        boolean archived = Boolean.parseBoolean(query.getOrDefault("archived", "false"));
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        List<String> wanted = names(query.get("properties"));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        Long next = null;
        for (StoredRecord record : this.state.records.get(type).tailMap(after, true).values()) {
            if (record.archived != archived) {
                continue;
            }
            if (results.size() == limit) {
                next = record.id;
                break;
            }
            results.add(json(record, wanted));
        }
        if (next != null) {
            body.putObject("paging")
                .putObject("next")
                .put("after", next.toString())
                .put("link", "/crm/v3/objects/" + type + "?after=" + next);
        }
        return Answer.ok(body);
    }

    Answer search(String type, JsonNode request) {
        int limit = request.path("limit").asInt(10);
        int after = Integer
            .parseInt(request.path("after").asString("0").isEmpty() ? "0" : request.path("after").asString("0"));
        if (limit > 200) {
            return Answer.error(400, "VALIDATION_ERROR", "limit must be at most 200");
        }
        if (after >= SEARCH_CAP) {
            return Answer.error(400, "VALIDATION_ERROR",
                    "There was a problem with the request: paging beyond 10000 results is not supported");
        }
        List<StoredRecord> matches = new ArrayList<>();
        for (StoredRecord record : this.state.records.get(type).values()) {
            if (!record.archived && matches(type, record, request.path("filterGroups"))) {
                matches.add(record);
            }
        }
        JsonNode sort = request.path("sorts").path(0);
        if (!sort.isMissingNode()) {
            String property = sort.isString() ? sort.asString() : sort.path("propertyName").asString();
            Map<Long, Comparable<Object>> keys = new java.util.HashMap<>();
            matches.forEach((r) -> keys.put(r.id, sortKey(type, property, r.properties.get(property))));
            Comparator<StoredRecord> order = Comparator.comparing((StoredRecord r) -> keys.get(r.id),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            order = order.thenComparing((r) -> r.id);
            matches.sort(sort.path("direction").asString("ASCENDING").equals("DESCENDING") ? order.reversed() : order);
        }
        List<String> wanted = new ArrayList<>();
        request.path("properties").forEach((p) -> wanted.add(p.asString()));
        ObjectNode body = JSON.createObjectNode().put("total", matches.size());
        ArrayNode results = body.putArray("results");
        for (int i = after; i < Math.min(matches.size(), after + limit); i++) {
            results.add(json(matches.get(i), wanted));
        }
        if (after + limit < matches.size()) {
            body.putObject("paging").putObject("next").put("after", Integer.toString(after + limit));
        }
        return Answer.ok(body);
    }

    Answer batch(String type, String verb, JsonNode request) {
        JsonNode inputs = request.path("inputs");
        if (inputs.size() > 100) {
            return Answer.error(400, "VALIDATION_ERROR", "The maximum number of inputs supported in a batch is 100. "
                    + "Please reduce the number of items and try again");
        }
        Answer unknown = unknownProperty(type, inputs);
        if (unknown != null) {
            return unknown;
        }
        String idProperty = request.path("idProperty").asString(null);
        if (verb.equals("upsert") || verb.equals("update")) {
            for (JsonNode input : inputs) {
                String key = input.path("idProperty").asString(idProperty);
                if (key != null && !key.equals("hs_object_id")
                        && (this.state.property(type, key) == null || !this.state.property(type, key).unique())) {
                    return Answer.error(400, "VALIDATION_ERROR",
                            "Property " + key + " cannot be used as idProperty: it has no unique value");
                }
            }
        }
        return switch (verb) {
            case "create" -> write(type, inputs, true, false);
            case "update" -> write(type, inputs, false, false);
            case "upsert" -> write(type, inputs, false, true);
            case "read" -> read(type, inputs, idProperty, request.path("properties"));
            case "archive" -> archive(type, inputs);
            default -> Answer.error(404, "OBJECT_NOT_FOUND", "Unknown batch action " + verb);
        };
    }

    private Answer write(String type, JsonNode inputs, boolean create, boolean upsert) {
        ArrayNode results = JSON.createArrayNode();
        List<ObjectNode> errors = new ArrayList<>();
        Set<String> keysSeen = new LinkedHashSet<>();
        for (JsonNode input : inputs) {
            String key = input.path("id").asString(null);
            if (key != null && !keysSeen.add(key)) {
                return Answer.error(400, "VALIDATION_ERROR", "Duplicate IDs found in batch input: [" + key + "]");
            }
        }
        for (JsonNode input : inputs) {
            String key = input.path("id").asString(null);
            String idProperty = input.path("idProperty").asString(null);
            String trace = input.path("objectWriteTraceId").asString(null);
            String contextKey = create ? "objectWriteTraceId" : "ids";
            String contextValue = create ? trace : key;
            Map<String, String> values = new LinkedHashMap<>();
            input.path("properties").properties().forEach((e) -> values.put(e.getKey(), e.getValue().asString()));
            if (upsert) {
                values.put(idProperty, key);
            }
            String invalid = invalid(type, values);
            if (invalid != null) {
                errors.add(Answer.batchError("VALIDATION_ERROR", invalid.substring(invalid.indexOf(':') + 1),
                        contextKey, (contextValue != null) ? List.of(contextValue) : List.of(),
                        invalid.substring(0, invalid.indexOf(':'))));
                continue;
            }
            StoredRecord record = null;
            if (!create) {
                record = (idProperty == null || idProperty.equals("hs_object_id")) ? this.state.live(type, key)
                        : this.state.byUnique(type, idProperty, key);
            }
            String conflict = conflict(type, values, record);
            if (conflict != null) {
                errors.add(Answer.batchError("CONFLICT", conflict, contextKey,
                        (contextValue != null) ? List.of(contextValue) : List.of(), null));
                continue;
            }
            boolean created = false;
            if (record == null && !create && !upsert) {
                errors.add(Answer.batchError("OBJECT_NOT_FOUND", "Object not found. objectId are usually numeric.",
                        "ids", List.of(key), null));
                continue;
            }
            Instant at = this.state.tick();
            if (record == null) {
                record = this.state.create(type, values, at);
                created = true;
            }
            else {
                record.properties.putAll(values);
                record.touch(type, at);
            }
            ObjectNode result = json(record, new ArrayList<>(values.keySet()));
            if (upsert) {
                result.put("new", created);
            }
            if (trace != null) {
                result.put("objectWriteTraceId", trace);
            }
            results.add(result);
        }
        return batchAnswer(create ? 201 : 200, results, errors);
    }

    private Answer read(String type, JsonNode inputs, String idProperty, JsonNode properties) {
        List<String> wanted = new ArrayList<>();
        properties.forEach((p) -> wanted.add(p.asString()));
        ArrayNode results = JSON.createArrayNode();
        List<String> missing = new ArrayList<>();
        for (JsonNode input : inputs) {
            String key = input.path("id").asString();
            StoredRecord record = (idProperty == null || idProperty.equals("hs_object_id")) ? this.state.live(type, key)
                    : this.state.byUnique(type, idProperty, key);
            if (record == null) {
                missing.add(key);
            }
            else {
                results.add(json(record, wanted));
            }
        }
        List<ObjectNode> errors = missing.isEmpty() ? List.of()
                : List.of(Answer.batchError("OBJECT_NOT_FOUND", "Could not get some " + type + " objects, they may "
                        + "be deleted or not exist. Check that ids are valid.", "ids", missing, null));
        return batchAnswer(200, results, errors);
    }

    private Answer archive(String type, JsonNode inputs) {
        Instant at = this.state.tick();
        for (JsonNode input : inputs) {
            StoredRecord record = this.state.live(type, input.path("id").asString());
            if (record != null) {
                record.archived = true;
                record.modified = at;
            }
        }
        return new Answer(204, null);
    }

    private static Answer batchAnswer(int status, ArrayNode results, List<ObjectNode> errors) {
        ObjectNode body = JSON.createObjectNode()
            .put("status", "COMPLETE")
            .put("startedAt", Instant.now().toString())
            .put("completedAt", Instant.now().toString());
        body.set("results", results);
        body.putObject("links");
        if (!errors.isEmpty()) {
            body.put("numErrors", errors.size());
            body.putArray("errors").addAll(errors);
            return new Answer(207, body);
        }
        return new Answer(status, body);
    }

    private Answer unknownProperty(String type, JsonNode inputs) {
        List<ObjectNode> errors = new ArrayList<>();
        for (JsonNode input : inputs) {
            for (String name : input.path("properties").propertyNames()) {
                if (this.state.property(type, name) == null) {
                    errors.add(JSON.createObjectNode()
                        .put("message", "Property \"" + name + "\" does not exist")
                        .put("code", "PROPERTY_DOESNT_EXIST")
                        .set("context", JSON.createObjectNode().set("propertyName", JSON.createArrayNode().add(name))));
                }
            }
        }
        return errors.isEmpty() ? null
                : Answer.error(400, "VALIDATION_ERROR", "Property values were not valid", errors.subList(0, 1));
    }

    /**
     * @return "property:message" for the first invalid value, or null
     */
    private String invalid(String type, Map<String, String> values) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            PortalProperty property = this.state.property(type, entry.getKey());
            String value = entry.getValue();
            if (property == null || value == null || value.isEmpty()) {
                continue;
            }
            if (property.readOnlyValue() && !property.name().equals("hs_object_id")) {
                return property.name() + ":" + property.name() + " is a read only property; its value cannot be set.";
            }
            if (property.type().equals("enumeration") && !property.options().contains(value)) {
                return property.name() + ":" + value + " was not one of the allowed options: " + property.options();
            }
            if (property.type().equals("number")) {
                try {
                    new BigDecimal(value);
                }
                catch (NumberFormatException ex) {
                    return property.name() + ":" + value + " is not a valid number";
                }
            }
            if (property.type().equals("datetime") || property.type().equals("date")) {
                if (epoch(value) == null) {
                    return property.name() + ":" + value + " is not a valid date";
                }
            }
            if (property.name().equals("email") && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                return "email:Email address " + value + " is invalid";
            }
        }
        return null;
    }

    private String conflict(String type, Map<String, String> values, StoredRecord self) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            PortalProperty property = this.state.property(type, entry.getKey());
            if (property != null && property.unique() && entry.getValue() != null && !entry.getValue().isEmpty()) {
                StoredRecord other = this.state.byUnique(type, property.name(), entry.getValue());
                if (other != null && other != self) {
                    return "A " + type + " with " + property.name() + " " + entry.getValue() + " already exists ("
                            + other.id + ")";
                }
            }
        }
        return null;
    }

    private boolean matches(String type, StoredRecord record, JsonNode groups) {
        if (groups.isEmpty()) {
            return true;
        }
        for (JsonNode group : groups) {
            boolean all = true;
            for (JsonNode filter : group.path("filters")) {
                all &= matchesFilter(type, record, filter);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesFilter(String type, StoredRecord record, JsonNode filter) {
        String property = filter.path("propertyName").asString();
        String operator = filter.path("operator").asString();
        String actual = record.properties.get(property);
        if (operator.equals("HAS_PROPERTY")) {
            return actual != null && !actual.isEmpty();
        }
        if (operator.equals("NOT_HAS_PROPERTY")) {
            return actual == null || actual.isEmpty();
        }
        if (actual == null) {
            return false;
        }
        Comparable<Object> left = sortKey(type, property, actual);
        Comparable<Object> right = sortKey(type, property, filter.path("value").asString());
        int compared = left.compareTo(right);
        return switch (operator) {
            case "EQ" -> compared == 0;
            case "NEQ" -> compared != 0;
            case "LT" -> compared < 0;
            case "LTE" -> compared <= 0;
            case "GT" -> compared > 0;
            case "GTE" -> compared >= 0;
            default -> throw new IllegalArgumentException("operator " + operator + " is not supported by the stub");
        };
    }

    @SuppressWarnings("unchecked")
    private Comparable<Object> sortKey(String type, String name, String value) {
        if (value == null) {
            return null;
        }
        PortalProperty property = this.state.property(type, name);
        String kind = (property != null) ? property.type() : "string";
        if (kind.equals("datetime") || kind.equals("date")) {
            Long epoch = epoch(value);
            return (Comparable<Object>) (Comparable<?>) ((epoch != null) ? BigDecimal.valueOf(epoch) : BigDecimal.ZERO);
        }
        if (kind.equals("number")) {
            try {
                return (Comparable<Object>) (Comparable<?>) new BigDecimal(value);
            }
            catch (NumberFormatException ex) {
                return (Comparable<Object>) (Comparable<?>) BigDecimal.ZERO;
            }
        }
        return (Comparable<Object>) (Comparable<?>) value;
    }

    private final Map<String, Long> epochs = new java.util.HashMap<>();

    private Long epoch(String value) {
        return this.epochs.computeIfAbsent(value, PortalObjects::parseEpoch);
    }

    static Long parseEpoch(String value) {
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(value);
            }
            if (value.length() == 10) {
                return java.time.LocalDate.parse(value)
                    .atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant()
                    .toEpochMilli();
            }
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    static ObjectNode json(StoredRecord record, List<String> wanted) {
        ObjectNode node = JSON.createObjectNode().put("id", Long.toString(record.id));
        ObjectNode properties = node.putObject("properties");
        List<String> names = wanted.isEmpty() ? List.of("hs_object_id", "createdate", "hs_lastmodifieddate") : wanted;
        for (String name : names) {
            properties.put(name, record.properties.get(name));
        }
        properties.put("hs_object_id", Long.toString(record.id));
        node.put("createdAt", record.created.toString())
            .put("updatedAt", record.modified.toString())
            .put("archived", record.archived);
        return node;
    }

    private static List<String> names(String csv) {
        List<String> names = new ArrayList<>();
        if (csv != null) {
            for (String name : csv.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

}
