package dev.switchyard.connector;

import java.util.List;

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
 */
public record ObjectSchema(String name, String idField, List<FieldSchema> fields, Long recordCount, String origin) {

    public ObjectSchema {
        name = NulCharacters.strip(name);
        idField = NulCharacters.strip(idField);
        origin = NulCharacters.strip(origin);
        fields = List.copyOf(fields);
    }

}
