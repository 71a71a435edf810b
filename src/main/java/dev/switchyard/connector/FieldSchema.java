package dev.switchyard.connector;

import java.util.List;
import java.util.Map;

/**
 * A field as the source (or target) system declares it. Self-describing sources (JDBC)
 * fill most of it; files only give the name, and the dictionary infers the rest from the
 * staged values. NUL characters are removed from its names (PostgreSQL cannot store
 * them).
 *
 * @param name the field's name as the system spells it
 * @param nativeType the system's own type name ({@code varchar}, {@code int8}, …), or
 * null when the source has none (CSV)
 * @param type the dictionary type when the system declares one, or null
 * @param length the declared maximum length, or null
 * @param required whether the system declares it mandatory (NOT NULL)
 * @param unique whether the system declares it unique (primary key or unique constraint)
 * @param generated whether the system fills it itself (identity, serial, a default, a
 * computed column): never a mapping target
 * @param referenceTo the object a declared foreign key points to, or null
 * @param picklistValues the allowed values when the system declares them (CHECK ... IN,
 * enum types, Salesforce picklists); empty otherwise
 * @param attributes what else the system declares, for the dictionary to show (a CRM's
 * precision and scale, external id, every object a polymorphic reference may point to,
 * picklist entries with their active, restricted and dependent flags); empty for files
 * and databases; values are JSON-ready (text, numbers, booleans, lists, maps)
 */
public record FieldSchema(String name, String nativeType, FieldType type, Integer length, boolean required,
        boolean unique, boolean generated, String referenceTo, List<String> picklistValues,
        Map<String, Object> attributes) {

    public FieldSchema {
        name = NulCharacters.strip(name);
        nativeType = NulCharacters.strip(nativeType);
        referenceTo = NulCharacters.strip(referenceTo);
        picklistValues = (picklistValues != null)
                ? List.copyOf(picklistValues.stream().map(NulCharacters::strip).toList()) : List.of();
        attributes = (attributes != null)
                ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes)) : Map.of();
    }

    /**
     * A field with nothing declared beyond the dictionary's own columns.
     * @param name the name
     * @param nativeType the system's type name, or null
     * @param type the dictionary type, or null
     * @param length the maximum length, or null
     * @param required whether mandatory
     * @param unique whether unique
     * @param generated whether the system fills it
     * @param referenceTo the referenced object, or null
     * @param picklistValues the allowed values
     */
    public FieldSchema(String name, String nativeType, FieldType type, Integer length, boolean required, boolean unique,
            boolean generated, String referenceTo, List<String> picklistValues) {
        this(name, nativeType, type, length, required, unique, generated, referenceTo, picklistValues, Map.of());
    }

    /**
     * A field known only by name, as in a CSV header.
     * @param name the name
     * @return the field
     */
    public static FieldSchema named(String name) {
        return new FieldSchema(name, null, null, null, false, false, false, null, List.of());
    }

}
