package dev.switchyard.connector;

import java.util.List;
import java.util.Map;

/**
 * An object (a table, a sheet, a file) as the system declares it. NUL characters are
 * removed from its names (PostgreSQL cannot store them).
 *
 * @param name the object's name, e.g. {@code Account}
 * @param idField the field that identifies a record, or null when none was found (such an
 * object cannot be extracted, and says so in a problem)
 * @param fields its fields in the system's order
 * @param recordCount the number of records when the system can tell cheaply, or null
 * @param origin where it comes from, for messages: a file name, a sheet, a table
 * @param attributes what else the system declares about the object, for the dictionary to
 * show (a CRM's record types and validation rules); empty for files and databases; values
 * are JSON-ready
 */
public record ObjectSchema(String name, String idField, List<FieldSchema> fields, Long recordCount, String origin,
        Map<String, Object> attributes) {

    public ObjectSchema {
        name = NulCharacters.strip(name);
        idField = NulCharacters.strip(idField);
        origin = NulCharacters.strip(origin);
        fields = List.copyOf(fields);
        attributes = (attributes != null)
                ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes)) : Map.of();
    }

    /**
     * An object with nothing declared beyond its fields.
     * @param name the name
     * @param idField the id field, or null
     * @param fields its fields
     * @param recordCount the number of records, or null
     * @param origin where it comes from
     */
    public ObjectSchema(String name, String idField, List<FieldSchema> fields, Long recordCount, String origin) {
        this(name, idField, fields, recordCount, origin, Map.of());
    }

}
