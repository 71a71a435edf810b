package dev.switchyard.support.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An object of a stub org: its fields (the system fields {@code Id}, {@code IsDeleted},
 * {@code CreatedDate}, {@code LastModifiedDate} and {@code SystemModstamp} are added
 * first), record types, validation rules and duplicate rules.
 */
public final class StubObject {

    private final String name;

    private final String keyPrefix;

    private final Map<String, StubField> fields = new LinkedHashMap<>();

    private final List<Map<String, Object>> recordTypes = new ArrayList<>();

    private final List<Rule> rules = new ArrayList<>();

    private final List<String> duplicateFields = new ArrayList<>();

    /**
     * @param name the object's API name
     * @param keyPrefix the three characters its ids start with
     */
    public StubObject(String name, String keyPrefix) {
        this.name = name;
        this.keyPrefix = keyPrefix;
        add(new StubField("Id", "id", 18, 0, 0, false, false, false, true, true, false, List.of(), List.of(), false,
                null));
        add(StubField.of("IsDeleted", "boolean").readOnly());
        add(StubField.of("CreatedDate", "datetime").readOnly());
        add(StubField.of("LastModifiedDate", "datetime").readOnly());
        add(StubField.of("SystemModstamp", "datetime").readOnly());
    }

    /**
     * @param field a field
     * @return this object
     */
    public StubObject add(StubField field) {
        this.fields.put(field.name(), field);
        return this;
    }

    /**
     * @param developerName the record type's developer name
     * @param id its id
     * @return this object
     */
    public StubObject recordType(String developerName, String id) {
        this.recordTypes.add(Map.of("name", developerName.replace('_', ' '), "developerName", developerName,
                "recordTypeId", id, "active", true, "available", true, "master", false));
        return this;
    }

    /**
     * @param ruleName the rule's name
     * @param message its error message
     * @param errorField the field the error shows on, or null
     * @param formula its formula, as Setup shows it
     * @param violates whether a record (after the write) breaks the rule
     * @return this object
     */
    public StubObject validationRule(String ruleName, String message, String errorField, String formula,
            Predicate<Map<String, Object>> violates) {
        this.rules.add(new Rule(
                "03d" + String.format("%06d", Math.abs(this.name.hashCode()) % 1_000_000)
                        + String.format("%06d", this.rules.size() + 1) + "AAA",
                ruleName, message, errorField, formula, violates));
        return this;
    }

    /**
     * @param field a field whose value a duplicate rule matches on
     * @return this object
     */
    public StubObject duplicateRuleOn(String field) {
        this.duplicateFields.add(field);
        return this;
    }

    public String name() {
        return this.name;
    }

    public String keyPrefix() {
        return this.keyPrefix;
    }

    Map<String, StubField> fields() {
        return this.fields;
    }

    Optional<StubField> field(String fieldName) {
        return this.fields.values().stream().filter((f) -> f.name().equalsIgnoreCase(fieldName)).findFirst();
    }

    List<Rule> rules() {
        return this.rules;
    }

    List<String> duplicateFields() {
        return this.duplicateFields;
    }

    Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", this.name);
        d.put("label", this.name);
        d.put("custom", this.name.endsWith("__c"));
        d.put("keyPrefix", this.keyPrefix);
        d.put("fields", this.fields.values().stream().map(StubField::describe).toList());
        d.put("childRelationships", List.of());
        List<Map<String, Object>> types = new ArrayList<>(this.recordTypes);
        types.add(Map.of("name", "Master", "developerName", "Master", "recordTypeId", "012000000000000AAA", "active",
                true, "available", true, "master", true));
        d.put("recordTypeInfos", types);
        return d;
    }

    Map<String, Object> globalEntry() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", this.name);
        d.put("label", this.name);
        d.put("keyPrefix", this.keyPrefix);
        d.put("custom", this.name.endsWith("__c"));
        d.put("queryable", true);
        d.put("createable", true);
        d.put("updateable", true);
        d.put("deletable", true);
        d.put("replicateable", true);
        d.put("retrieveable", true);
        d.put("urls", Map.of("describe", "/services/data/v62.0/sobjects/" + this.name + "/describe"));
        return d;
    }

    /**
     * A validation rule of the stub: what Setup shows, and a predicate standing in for
     * its formula.
     */
    record Rule(String id, String name, String message, String errorField, String formula,
            Predicate<Map<String, Object>> violates) {

    }

}
