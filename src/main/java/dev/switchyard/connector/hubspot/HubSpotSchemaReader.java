package dev.switchyard.connector.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.FieldType;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import tools.jackson.databind.JsonNode;

import org.springframework.web.util.UriUtils;

/**
 * Reads a portal's objects from the properties endpoint (contract §2.3): property types,
 * enumeration options as picklists, unique properties, calculated and read-only ones as
 * generated, and the association fields a record carries. An object the portal refuses
 * (unknown: 400 or 404; not in the token's scopes: 403 {@code MISSING_SCOPES}) is listed
 * as unavailable in a problem with HubSpot's reason, and the others are still described.
 */
final class HubSpotSchemaReader {

    /** The property holding a record's id, on every object. */
    static final String ID_PROPERTY = "hs_object_id";

    private final HubSpotClient client;

    private final HubSpotProperties properties;

    HubSpotSchemaReader(HubSpotClient client, HubSpotProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    SchemaSnapshot describe() {
        List<ObjectSchema> objects = new ArrayList<>();
        List<ExtractionProblem> problems = new ArrayList<>();
        for (String object : this.properties.objects()) {
            try {
                objects.add(describe(object));
            }
            catch (HubSpotApiException ex) {
                if (ex.status() == 400 || ex.status() == 403 || ex.status() == 404) {
                    problems.add(new ExtractionProblem(object, "HubSpot " + object, null,
                            "Unavailable: " + ex.getMessage(), null));
                }
                else {
                    throw ex;
                }
            }
        }
        return new SchemaSnapshot(objects, problems);
    }

    /**
     * @param object an object type name
     * @return its schema, with the association fields of its configured associations
     * @throws HubSpotApiException when the portal refuses the object
     */
    ObjectSchema describe(String object) {
        HubSpotResponse answer = this.client.get("describe", "reading the properties of " + object,
                "/crm/v3/properties/" + UriUtils.encodePathSegment(object, "UTF-8") + "?archived=false");
        List<FieldSchema> fields = new ArrayList<>();
        boolean hasId = false;
        for (JsonNode property : answer.body().path("results")) {
            FieldSchema field = field(property);
            if (field != null) {
                hasId |= field.name().equals(ID_PROPERTY);
                fields.add(field);
            }
        }
        if (!hasId) {
            fields.add(0, new FieldSchema(ID_PROPERTY, "number/number", FieldType.ID, null, true, true, true, null,
                    List.of()));
        }
        for (String associated : this.properties.associationsOf(object)) {
            fields.add(new FieldSchema(AssociationFields.listField(associated), "associations", FieldType.TEXT, null,
                    false, false, true, null, List.of()));
            if (AssociationFields.hasPrimary(associated)) {
                fields.add(new FieldSchema(AssociationFields.primaryField(associated), "association/primary",
                        FieldType.REFERENCE, null, false, false, true, associated, List.of()));
            }
        }
        return new ObjectSchema(object, ID_PROPERTY, fields, null, "HubSpot " + object);
    }

    private static FieldSchema field(JsonNode property) {
        String name = Json.text(property.path("name"));
        if (name == null || property.path("archived").asBoolean(false)) {
            return null;
        }
        String type = lower(Json.text(property.path("type")));
        String fieldType = lower(Json.text(property.path("fieldType")));
        List<String> options = new ArrayList<>();
        for (JsonNode option : property.path("options")) {
            String value = Json.text(option.path("value"));
            if (value != null && !option.path("hidden").asBoolean(false)) {
                options.add(value);
            }
        }
        boolean unique = property.path("hasUniqueValue").asBoolean(false) || name.equals(ID_PROPERTY);
        boolean generated = property.path("calculated").asBoolean(false)
                || property.path("modificationMetadata").path("readOnlyValue").asBoolean(false)
                || name.equals(ID_PROPERTY);
        return new FieldSchema(name, type + "/" + fieldType, type(name, type, fieldType), null, false, unique,
                generated, null, options, attributes(property, name, unique));
    }

    /**
     * What the dictionary shows beyond its own columns: the label and form field type, a
     * unique property as the external id a target upserts on, calculated and read-only
     * flags, the formula, and the options with their labels.
     */
    private static Map<String, Object> attributes(JsonNode property, String name, boolean unique) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("label", Json.text(property.path("label")));
        attributes.put("fieldType", Json.text(property.path("fieldType")));
        if (unique && !name.equals(ID_PROPERTY)) {
            attributes.put("externalId", true);
        }
        if (property.path("calculated").asBoolean(false)) {
            attributes.put("calculated", true);
            String formula = Json.text(property.path("calculationFormula"));
            if (formula != null) {
                attributes.put("formula", formula);
            }
        }
        if (property.path("modificationMetadata").path("readOnlyValue").asBoolean(false)) {
            attributes.put("readOnlyValue", true);
        }
        if (property.has("hubspotDefined")) {
            attributes.put("custom", !property.path("hubspotDefined").asBoolean(true));
        }
        List<Map<String, Object>> options = new ArrayList<>();
        for (JsonNode option : property.path("options")) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", Json.text(option.path("value")));
            entry.put("label", Json.text(option.path("label")));
            entry.put("hidden", option.path("hidden").asBoolean(false));
            options.add(entry);
        }
        if (!options.isEmpty()) {
            attributes.put("options", options);
        }
        return attributes;
    }

    static FieldType type(String name, String type, String fieldType) {
        if (name.equals(ID_PROPERTY)) {
            return FieldType.ID;
        }
        return switch (type) {
            case "number" -> FieldType.DECIMAL;
            case "bool" -> FieldType.BOOLEAN;
            case "date" -> FieldType.DATE;
            case "datetime" -> FieldType.DATETIME;
            case "enumeration" -> switch (fieldType) {
                case "checkbox" -> FieldType.MULTI_PICKLIST;
                case "booleancheckbox" -> FieldType.BOOLEAN;
                default -> FieldType.PICKLIST;
            };
            default -> switch (fieldType) {
                case "phonenumber" -> FieldType.PHONE;
                case "email" -> FieldType.EMAIL;
                default -> name.equals("email") ? FieldType.EMAIL : FieldType.TEXT;
            };
        };
    }

    private static String lower(String text) {
        return (text != null) ? text.toLowerCase(Locale.ROOT) : "";
    }

}
