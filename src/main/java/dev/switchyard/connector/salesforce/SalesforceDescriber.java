package dev.switchyard.connector.salesforce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import tools.jackson.databind.JsonNode;

/**
 * Describes an org: the global describe lists the objects, each object's describe gives
 * its fields and record types, and the Tooling API its validation rules. Describes are
 * kept for the connection's life, so each object costs one call.
 */
final class SalesforceDescriber {

    private static final List<String> SKIPPED_SUFFIXES = List.of("ChangeEvent", "__Share", "__History", "__Feed",
            "Share", "History", "Feed");

    private final SalesforceClient client;

    private final Map<String, JsonNode> describes = new HashMap<>();

    SalesforceDescriber(SalesforceClient client) {
        this.client = client;
    }

    /**
     * @param writable whether only objects records can be created in are wanted
     * @return the names of the objects to describe: those the settings name, or every
     * queryable and retrievable object other than change events, shares, histories and
     * feeds
     */
    List<String> objectNames(boolean writable) {
        List<String> wanted = this.client.settings().objects();
        JsonNode global = this.client
            .call(SalesforceRequest.get("describe", "global describe", this.client.data("/sobjects/"), Map.of()))
            .json();
        List<String> names = new ArrayList<>();
        for (JsonNode object : global.path("sobjects").values()) {
            String name = Json.text(object.path("name"));
            boolean listed = wanted.stream().anyMatch((w) -> w.equalsIgnoreCase(name));
            boolean usable = object.path("queryable").asBoolean(false) && object.path("retrieveable").asBoolean(true)
                    && (!writable || object.path("createable").asBoolean(false));
            if (name != null && usable
                    && (wanted.isEmpty() ? SKIPPED_SUFFIXES.stream().noneMatch(name::endsWith) : listed)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * @param writable whether only objects records can be created in are described
     * @return the schema: objects with fields, record types and validation rules
     */
    SchemaSnapshot describe(boolean writable) {
        List<String> names = objectNames(writable);
        List<ObjectSchema> objects = new ArrayList<>();
        List<ExtractionProblem> problems = new ArrayList<>();
        Map<String, List<Map<String, Object>>> rules = Map.of();
        String rulesUnavailable = null;
        try {
            rules = new ValidationRules(this.client).read(names);
        }
        catch (SalesforceApiException ex) {
            rulesUnavailable = ex.getMessage();
            problems.add(new ExtractionProblem(null, "Tooling API", null,
                    "Validation rules are unavailable (reading them needs the View Setup permission): "
                            + ex.getMessage(),
                    null));
        }
        for (String name : names) {
            try {
                objects.add(schema(name, rules.getOrDefault(name, List.of()), rulesUnavailable));
            }
            catch (SalesforceApiException ex) {
                problems
                    .add(new ExtractionProblem(name, "sobjects/" + name + "/describe", null, ex.getMessage(), null));
            }
        }
        return new SchemaSnapshot(objects, problems);
    }

    private ObjectSchema schema(String name, List<Map<String, Object>> rules, String rulesUnavailable) {
        JsonNode describe = objectDescribe(name);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        describe.path("fields").values().forEach((f) -> byName.put(Json.text(f.path("name")), f));
        List<FieldSchema> fields = new ArrayList<>();
        String idField = null;
        for (JsonNode field : byName.values()) {
            if (SalesforceField.readable(Json.text(field.path("type")))) {
                FieldSchema schema = FieldDescribe.schema(field, byName);
                fields.add(schema);
                if ("id".equals(schema.nativeType())) {
                    idField = schema.name();
                }
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("label", Json.text(describe.path("label")));
        attributes.put("custom", describe.path("custom").asBoolean(false));
        attributes.put("keyPrefix", Json.text(describe.path("keyPrefix")));
        List<Map<String, Object>> recordTypes = new ArrayList<>();
        for (JsonNode type : describe.path("recordTypeInfos").values()) {
            Map<String, Object> recordType = new LinkedHashMap<>();
            recordType.put("name", Json.text(type.path("name")));
            recordType.put("developerName", Json.text(type.path("developerName")));
            recordType.put("id", Json.text(type.path("recordTypeId")));
            recordType.put("active", type.path("active").asBoolean(true));
            recordType.put("master", type.path("master").asBoolean(false));
            recordType.values().removeIf((v) -> v == null);
            recordTypes.add(recordType);
        }
        attributes.put("recordTypes", recordTypes);
        if (rulesUnavailable != null) {
            attributes.put("validationRulesUnavailable", rulesUnavailable);
        }
        else {
            attributes.put("validationRules", rules);
        }
        attributes.values().removeIf((v) -> v == null);
        return new ObjectSchema(name, idField, fields, null, "Salesforce " + name, attributes);
    }

    /**
     * @param name an object's name
     * @return its readable fields
     */
    SObjectDescribe fields(String name) {
        JsonNode describe = objectDescribe(name);
        List<SalesforceField> fields = new ArrayList<>();
        for (JsonNode field : describe.path("fields").values()) {
            if (SalesforceField.readable(Json.text(field.path("type")))) {
                fields.add(FieldDescribe.of(field));
            }
        }
        return new SObjectDescribe(Json.text(describe.path("name")), fields);
    }

    private JsonNode objectDescribe(String name) {
        return this.describes.computeIfAbsent(name.toLowerCase(Locale.ROOT), (key) -> this.client
            .call(SalesforceRequest.get("describe", "describe of " + name,
                    this.client.data("/sobjects/" + Soql.name(name) + "/describe"), Map.of()))
            .json());
    }

}
