package dev.switchyard.connector.salesforce;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldSchema;
import tools.jackson.databind.JsonNode;

/**
 * Turns one field of an object describe into the dictionary's {@link FieldSchema}:
 * required is not nillable, createable and not defaulted on create; picklist entries keep
 * their active flag and, for a dependent picklist, the controlling values each is valid
 * for; a polymorphic reference keeps every object it may point to.
 */
final class FieldDescribe {

    private FieldDescribe() {
    }

    /**
     * @param field the field's describe
     * @param siblings every field of the object by name (for a dependent picklist's
     * controlling field)
     * @return the field's schema
     */
    static FieldSchema schema(JsonNode field, Map<String, JsonNode> siblings) {
        SalesforceField sf = of(field);
        String type = sf.soapType();
        boolean required = !field.path("nillable").asBoolean(true) && sf.createable()
                && !field.path("defaultedOnCreate").asBoolean(false);
        boolean generated = field.path("calculated").asBoolean(false) || field.path("autoNumber").asBoolean(false)
                || !sf.createable() && !sf.updateable();
        List<String> referenceTo = strings(field.path("referenceTo"));
        Integer length = (field.path("length").asInt(0) > 0) ? field.path("length").asInt() : null;
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("label", Json.text(field.path("label")));
        if (field.path("precision").asInt(0) > 0) {
            attributes.put("precision", field.path("precision").asInt());
            attributes.put("scale", field.path("scale").asInt(0));
        }
        if (field.path("digits").asInt(0) > 0) {
            attributes.put("digits", field.path("digits").asInt());
        }
        if (sf.externalId()) {
            attributes.put("externalId", true);
        }
        if (field.path("idLookup").asBoolean(false)) {
            attributes.put("idLookup", true);
        }
        if (!referenceTo.isEmpty()) {
            attributes.put("referenceTo", referenceTo);
            attributes.put("relationshipName", Json.text(field.path("relationshipName")));
            if (referenceTo.size() > 1) {
                attributes.put("polymorphic", true);
            }
        }
        if (field.path("calculated").asBoolean(false) && Json.text(field.path("calculatedFormula")) != null) {
            attributes.put("formula", Json.text(field.path("calculatedFormula")));
        }
        if (Json.text(field.path("defaultValue")) != null) {
            attributes.put("defaultValue", Json.text(field.path("defaultValue")));
        }
        List<String> active = new ArrayList<>();
        if (field.path("picklistValues").size() > 0) {
            attributes.put("restrictedPicklist", field.path("restrictedPicklist").asBoolean(false));
            String controller = Json.text(field.path("controllerName"));
            List<String> controllingValues = controllingValues(siblings.get(controller));
            if (field.path("dependentPicklist").asBoolean(false) && controller != null) {
                attributes.put("controllingField", controller);
            }
            List<Map<String, Object>> entries = new ArrayList<>();
            for (JsonNode value : field.path("picklistValues").values()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("value", Json.text(value.path("value")));
                entry.put("label", Json.text(value.path("label")));
                entry.put("active", value.path("active").asBoolean(true));
                entry.put("default", value.path("defaultValue").asBoolean(false));
                String validFor = Json.text(value.path("validFor"));
                if (validFor != null && controllingValues != null) {
                    entry.put("validFor", validFor(validFor, controllingValues));
                }
                entries.add(entry);
                if (value.path("active").asBoolean(true)) {
                    active.add(Json.text(value.path("value")));
                }
            }
            attributes.put("picklist", entries);
        }
        attributes.values().removeIf((v) -> v == null);
        return new FieldSchema(sf.name(), type, sf.type(), length, required,
                field.path("unique").asBoolean(false) || "id".equals(type), generated,
                (referenceTo.size() == 1) ? referenceTo.get(0) : null, active, attributes);
    }

    /**
     * @param field a field's describe
     * @return the field as queries and writes use it
     */
    static SalesforceField of(JsonNode field) {
        return new SalesforceField(Json.text(field.path("name")), Json.text(field.path("type")),
                field.path("createable").asBoolean(false), field.path("updateable").asBoolean(false),
                field.path("externalId").asBoolean(false));
    }

    /**
     * The controlling field's values in the order the bitmap numbers them: a checkbox's
     * false and true, or a picklist's values.
     */
    private static List<String> controllingValues(JsonNode controller) {
        if (controller == null) {
            return null;
        }
        if ("boolean".equals(Json.text(controller.path("type")))) {
            return List.of("false", "true");
        }
        List<String> values = new ArrayList<>();
        controller.path("picklistValues").values().forEach((v) -> values.add(Json.text(v.path("value"))));
        return values;
    }

    /**
     * Decodes a {@code validFor} bitmap: bit {@code i}, counted from the high bit of the
     * first byte, is set when the entry is valid for the {@code i}-th controlling value.
     */
    static List<String> validFor(String bitmap, List<String> controllingValues) {
        byte[] bits;
        try {
            bits = Base64.getDecoder().decode(bitmap);
        }
        catch (IllegalArgumentException ex) {
            return List.of();
        }
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < controllingValues.size() && (i >> 3) < bits.length; i++) {
            if ((bits[i >> 3] & (0x80 >> (i % 8))) != 0) {
                valid.add(controllingValues.get(i));
            }
        }
        return valid;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.values().forEach((v) -> values.add(v.asString()));
        return values;
    }

}
