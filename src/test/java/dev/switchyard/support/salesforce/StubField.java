package dev.switchyard.support.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A field of a stub org's object, rendered as Salesforce's object describe renders one.
 *
 * @param name the API name
 * @param type the describe type ({@code string}, {@code reference}, …)
 * @param length the length of text fields, else 0
 * @param precision the precision of numbers, else 0
 * @param scale the scale of numbers, else 0
 * @param nillable whether it may be empty
 * @param createable whether it can be set on create
 * @param updateable whether it can be changed
 * @param defaultedOnCreate whether the org fills it when it is not given
 * @param unique whether values are unique
 * @param externalId whether it is an external id
 * @param referenceTo the objects a reference may point to
 * @param picklist the picklist values, with {@code value}, {@code active} and optionally
 * {@code validFor}
 * @param restricted whether only picklist values are accepted
 * @param controllerName a dependent picklist's controlling field, or null
 */
public record StubField(String name, String type, int length, int precision, int scale, boolean nillable,
        boolean createable, boolean updateable, boolean defaultedOnCreate, boolean unique, boolean externalId,
        List<String> referenceTo, List<Map<String, Object>> picklist, boolean restricted, String controllerName) {

    public StubField {
        referenceTo = List.copyOf(referenceTo);
        picklist = List.copyOf(picklist);
    }

    /**
     * @param name the name
     * @param length the maximum length
     * @return an optional, writable text field
     */
    public static StubField text(String name, int length) {
        return new StubField(name, "string", length, 0, 0, true, true, true, false, false, false, List.of(), List.of(),
                false, null);
    }

    /**
     * @param name the name
     * @param type a describe type without length ({@code boolean}, {@code date},
     * {@code datetime}, {@code double}, {@code currency}, {@code int}, {@code email},
     * {@code phone}, {@code url}, {@code textarea}, {@code address})
     * @return an optional, writable field of the type
     */
    public static StubField of(String name, String type) {
        boolean bool = type.equals("boolean");
        int length = switch (type) {
            case "textarea" -> 32000;
            case "email", "phone", "url" -> 255;
            default -> 0;
        };
        int precision = (type.equals("double") || type.equals("currency") || type.equals("percent")) ? 18 : 0;
        boolean compound = type.equals("address") || type.equals("location");
        return new StubField(name, type, length, precision, (precision > 0) ? 2 : 0, !bool, !compound, !compound, bool,
                false, false, List.of(), List.of(), false, null);
    }

    /**
     * @param name the name
     * @param targets the objects it may point to (several: polymorphic)
     * @return an optional, writable reference
     */
    public static StubField reference(String name, String... targets) {
        return new StubField(name, "reference", 18, 0, 0, true, true, true, false, false, false, List.of(targets),
                List.of(), false, null);
    }

    /**
     * @param name the name
     * @param restricted whether other values are refused
     * @param values the active values
     * @return an optional picklist
     */
    public static StubField picklist(String name, boolean restricted, String... values) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String value : values) {
            entries.add(Map.of("value", value, "active", true));
        }
        return new StubField(name, "picklist", 255, 0, 0, true, true, true, false, false, false, List.of(), entries,
                restricted, null);
    }

    /**
     * @param name the name
     * @param length the maximum length
     * @return a unique external-id text field, the match key of upserts
     */
    public static StubField externalId(String name, int length) {
        return new StubField(name, "string", length, 0, 0, true, true, true, false, true, true, List.of(), List.of(),
                false, null);
    }

    /**
     * @return this field, mandatory (not nillable)
     */
    public StubField required() {
        return new StubField(this.name, this.type, this.length, this.precision, this.scale, false, this.createable,
                this.updateable, false, this.unique, this.externalId, this.referenceTo, this.picklist, this.restricted,
                this.controllerName);
    }

    /**
     * @return this field, filled by the org only
     */
    public StubField readOnly() {
        return new StubField(this.name, this.type, this.length, this.precision, this.scale, this.nillable, false, false,
                this.defaultedOnCreate, this.unique, this.externalId, this.referenceTo, this.picklist, this.restricted,
                this.controllerName);
    }

    /**
     * @param controller the controlling field
     * @param values each value and the base64 {@code validFor} bitmap of its controlling
     * values
     * @return this field as a dependent picklist
     */
    public StubField dependentOn(String controller, Map<String, String> values) {
        List<Map<String, Object>> entries = new ArrayList<>();
        values.forEach((value, validFor) -> entries.add(Map.of("value", value, "active", true, "validFor", validFor)));
        return new StubField(this.name, "picklist", 255, 0, 0, true, true, true, false, false, false, List.of(),
                entries, this.restricted, controller);
    }

    /**
     * @param value a value
     * @return this picklist with an inactive value added
     */
    public StubField withInactive(String value) {
        List<Map<String, Object>> entries = new ArrayList<>(this.picklist);
        entries.add(Map.of("value", value, "active", false));
        return new StubField(this.name, this.type, this.length, this.precision, this.scale, this.nillable,
                this.createable, this.updateable, this.defaultedOnCreate, this.unique, this.externalId,
                this.referenceTo, entries, this.restricted, this.controllerName);
    }

    /**
     * @return whether values of this field are text in JSON
     */
    boolean isText() {
        return !(this.type.equals("boolean") || this.type.equals("int") || this.type.equals("double")
                || this.type.equals("currency") || this.type.equals("percent"));
    }

    /**
     * @return the field as the object describe gives it
     */
    Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", this.name);
        d.put("label", this.name.replace("__c", "").replace('_', ' '));
        d.put("type", this.type);
        d.put("soapType", "xsd:" + this.type);
        d.put("length", this.length);
        d.put("byteLength", this.length * 3);
        d.put("precision", this.precision);
        d.put("scale", this.scale);
        d.put("digits", this.type.equals("int") ? 9 : 0);
        d.put("nillable", this.nillable);
        d.put("unique", this.unique);
        d.put("externalId", this.externalId);
        d.put("idLookup", this.externalId || this.type.equals("id"));
        d.put("calculated", false);
        d.put("calculatedFormula", null);
        d.put("createable", this.createable);
        d.put("updateable", this.updateable);
        d.put("defaultedOnCreate", this.defaultedOnCreate);
        d.put("defaultValue", this.type.equals("boolean") ? false : null);
        d.put("referenceTo", this.referenceTo);
        d.put("relationshipName", this.referenceTo.isEmpty() ? null : this.name.endsWith("Id")
                ? this.name.substring(0, this.name.length() - 2) : this.name.replace("__c", "__r"));
        List<Map<String, Object>> values = new ArrayList<>();
        for (Map<String, Object> entry : this.picklist) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("active", entry.get("active"));
            v.put("defaultValue", false);
            v.put("label", entry.get("value"));
            v.put("validFor", entry.get("validFor"));
            v.put("value", entry.get("value"));
            values.add(v);
        }
        d.put("picklistValues", values);
        d.put("restrictedPicklist", this.restricted);
        d.put("dependentPicklist", this.controllerName != null);
        d.put("controllerName", this.controllerName);
        d.put("autoNumber", false);
        d.put("caseSensitive", false);
        d.put("custom", this.name.endsWith("__c"));
        return d;
    }

}
