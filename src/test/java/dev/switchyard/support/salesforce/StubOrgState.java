package dev.switchyard.support.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a stub org holds: its objects and their records (JSON-ready values; deleted ones
 * kept with {@code IsDeleted} until purged), and the checks a save goes through (unknown
 * and read-only fields, required fields, lengths, restricted picklists, references,
 * unique values, validation and duplicate rules). Callers synchronize on the org.
 */
final class StubOrgState {

    static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxx");

    final Map<String, StubObject> objects = new LinkedHashMap<>();

    final Map<String, Map<String, Map<String, Object>>> records = new LinkedHashMap<>();

    final Map<String, Instant> deletedAt = new LinkedHashMap<>();

    private final AtomicLong sequence = new AtomicLong(1);

    Instant fixedNow;

    Instant now() {
        return (this.fixedNow != null) ? this.fixedNow : Instant.now();
    }

    static String format(Instant instant) {
        return WIRE.format(instant.atOffset(ZoneOffset.UTC));
    }

    static Instant instant(String text) {
        String t = text.endsWith("Z") ? text.substring(0, text.length() - 1) + "+0000" : text;
        t = t.replaceAll("([+-]\\d{2}):(\\d{2})$", "$1$2");
        if (!t.contains(".")) {
            t = t.substring(0, 19) + ".000" + t.substring(19);
        }
        return OffsetDateTime.parse(t, WIRE).toInstant();
    }

    StubObject object(String name) {
        return this.objects.values()
            .stream()
            .filter((o) -> o.name().equalsIgnoreCase(name))
            .findFirst()
            .orElseThrow(() -> new StubError(404, "NOT_FOUND", "The requested resource does not exist"));
    }

    StubObject queryObject(String name) {
        return this.objects.values()
            .stream()
            .filter((o) -> o.name().equalsIgnoreCase(name))
            .findFirst()
            .orElseThrow(() -> new StubError(400, "INVALID_TYPE",
                    "sObject type '" + name + "' is not supported. If you are attempting to use a custom object, "
                            + "be sure to append the '__c' after the entity name."));
    }

    Map<String, Map<String, Object>> table(String object) {
        return this.records.computeIfAbsent(object(object).name(), (o) -> new LinkedHashMap<>());
    }

    Optional<StubObject> objectOfId(String id) {
        return this.objects.values().stream().filter((o) -> id.startsWith(o.keyPrefix())).findFirst();
    }

    String newId(StubObject object) {
        String body = String.format("%012d", this.sequence.getAndIncrement());
        return object.keyPrefix() + body + "AAA";
    }

    /**
     * Saves one record: creates it (id null) or changes it.
     * @param object the object
     * @param id the record's id, or null to create
     * @param given the fields given, by name (JSON-ready)
     * @return the record's id
     * @throws StubError for a refused record, with Salesforce's status code
     */
    String save(StubObject object, String id, Map<String, Object> given) {
        Map<String, Map<String, Object>> table = table(object.name());
        Map<String, Object> existing = (id != null) ? table.get(id) : null;
        if (id != null && (existing == null || Boolean.TRUE.equals(existing.get("IsDeleted")))) {
            throw new StubError(400, "ENTITY_IS_DELETED", "entity is deleted");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            if (entry.getKey().equals("attributes") || entry.getKey().equalsIgnoreCase("Id")) {
                continue;
            }
            StubField field = object.field(entry.getKey())
                .orElseThrow(() -> new StubError(400, "INVALID_FIELD", "No such column '" + entry.getKey()
                        + "' on sobject of type " + object.name() + "|" + entry.getKey()));
            if ((existing == null) ? !field.createable() : !field.updateable()) {
                throw new StubError(400, "INVALID_FIELD_FOR_INSERT_UPDATE",
                        "Unable to create/update fields: " + field.name() + "|" + field.name());
            }
            values.put(field.name(), check(object, field, entry.getValue()));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        if (existing != null) {
            record.putAll(existing);
        }
        else {
            object.fields().values().forEach((f) -> record.put(f.name(), f.type().equals("boolean") ? false : null));
        }
        record.putAll(values);
        for (StubField field : object.fields().values()) {
            Object value = record.get(field.name());
            if (!field.nillable() && field.createable() && !field.defaultedOnCreate()
                    && (value == null || value.toString().isEmpty())) {
                throw new StubError(400, "REQUIRED_FIELD_MISSING",
                        "Required fields are missing: [" + field.name() + "]|" + field.name());
            }
            if (field.unique() && value != null && !field.name().equals("Id")) {
                for (Map.Entry<String, Map<String, Object>> other : table.entrySet()) {
                    if (!other.getKey().equals(id) && !Boolean.TRUE.equals(other.getValue().get("IsDeleted"))
                            && value.toString().equalsIgnoreCase(String.valueOf(other.getValue().get(field.name())))) {
                        throw new StubError(400, "DUPLICATE_VALUE", "duplicate value found: " + field.name()
                                + " duplicates value on record with id: " + other.getKey() + "|" + field.name());
                    }
                }
            }
        }
        for (StubObject.Rule rule : object.rules()) {
            if (rule.violates().test(record)) {
                throw new StubError(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                        rule.message() + "|" + ((rule.errorField() != null) ? rule.errorField() : ""));
            }
        }
        for (String duplicateField : object.duplicateFields()) {
            Object value = record.get(duplicateField);
            boolean duplicate = value != null && table.entrySet()
                .stream()
                .anyMatch((other) -> !other.getKey().equals(id)
                        && !Boolean.TRUE.equals(other.getValue().get("IsDeleted"))
                        && value.toString().equalsIgnoreCase(String.valueOf(other.getValue().get(duplicateField))));
            if (duplicate) {
                throw new StubError(400, "DUPLICATES_DETECTED",
                        "Use one of these records? (duplicate rule on " + duplicateField + ")|");
            }
        }
        String recordId = (id != null) ? id : newId(object);
        String now = format(now());
        record.put("Id", recordId);
        record.put("IsDeleted", false);
        if (existing == null) {
            record.put("CreatedDate", now);
        }
        record.put("LastModifiedDate", now);
        record.put("SystemModstamp", now);
        table.put(recordId, record);
        return recordId;
    }

    private Object check(StubObject object, StubField field, Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        switch (field.type()) {
            case "string", "textarea", "email", "phone", "url", "picklist" -> {
                if (field.length() > 0 && text.length() > field.length()) {
                    throw new StubError(400, "STRING_TOO_LONG",
                            field.name() + ": data value too large: " + text.substring(0, Math.min(20, text.length()))
                                    + "… (max length=" + field.length() + ")|" + field.name());
                }
                if (field.type().equals("picklist") && field.restricted()
                        && field.picklist()
                            .stream()
                            .noneMatch((e) -> Boolean.TRUE.equals(e.get("active")) && e.get("value").equals(text))) {
                    throw new StubError(400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                            field.name() + ": bad value for restricted picklist field: " + text + "|" + field.name());
                }
                return text;
            }
            case "reference" -> {
                Optional<StubObject> target = objectOfId(text);
                boolean known = field.referenceTo().stream().anyMatch(this.objects::containsKey);
                if (known && (target.isEmpty() || !field.referenceTo().contains(target.get().name())
                        || !this.table(target.get().name()).containsKey(text))) {
                    throw new StubError(400, "INVALID_CROSS_REFERENCE_KEY",
                            "invalid cross reference id|" + field.name());
                }
                return text;
            }
            case "boolean" -> {
                return (value instanceof Boolean) ? value : Boolean.parseBoolean(text);
            }
            case "int" -> {
                return number(field, text).longValueExact();
            }
            case "double", "currency", "percent" -> {
                return number(field, text);
            }
            case "datetime" -> {
                try {
                    return format(instant(text));
                }
                catch (RuntimeException ex) {
                    throw new StubError(400, "INVALID_TYPE_ON_FIELD_IN_RECORD",
                            field.name() + ": value not of required type: " + text + "|" + field.name());
                }
            }
            default -> {
                return text;
            }
        }
    }

    private static BigDecimal number(StubField field, String text) {
        try {
            return new BigDecimal(text);
        }
        catch (NumberFormatException ex) {
            throw new StubError(400, "INVALID_TYPE_ON_FIELD_IN_RECORD",
                    field.name() + ": value not of required type: " + text + "|" + field.name());
        }
    }

    /**
     * @param object the object
     * @param id a record's id
     * @return whether a live record was deleted
     */
    boolean delete(String object, String id) {
        Map<String, Object> record = table(object).get(id);
        if (record == null || Boolean.TRUE.equals(record.get("IsDeleted"))) {
            return false;
        }
        record.put("IsDeleted", true);
        String now = format(now());
        record.put("SystemModstamp", now);
        this.deletedAt.put(id, now());
        return true;
    }

    /**
     * @param soql a query
     * @param all whether deleted records are included
     * @return the matching records, each with the selected fields only
     */
    List<Map<String, Object>> select(StubSoql soql, boolean all) {
        StubObject object = queryObject(soql.object());
        for (String field : soql.fields()) {
            if (object.field(field).isEmpty()) {
                throw new StubError(400, "INVALID_FIELD",
                        "No such column '" + field + "' on entity '" + object.name() + "'.");
            }
        }
        for (StubSoql.Condition condition : soql.conditions()) {
            if (object.field(condition.field()).isEmpty()) {
                throw new StubError(400, "INVALID_FIELD",
                        "No such column '" + condition.field() + "' on entity '" + object.name() + "'.");
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> record : table(object.name()).values()) {
            if ((all || !Boolean.TRUE.equals(record.get("IsDeleted"))) && soql.matches(canonical(object, record))) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String field : soql.fields()) {
                    row.put(object.field(field).get().name(), record.get(object.field(field).get().name()));
                }
                rows.add(row);
                if (soql.limit() >= 0 && rows.size() >= soql.limit()) {
                    break;
                }
            }
        }
        return rows;
    }

    private static Map<String, Object> canonical(StubObject object, Map<String, Object> record) {
        Map<String, Object> byAnyCase = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byAnyCase.putAll(record);
        return byAnyCase;
    }

}
