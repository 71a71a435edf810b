package dev.switchyard.dictionary;

import java.util.List;
import java.util.Map;

/**
 * An object in the data dictionary with its fields.
 *
 * @param id the stored id (null before it is stored)
 * @param name the object's name
 * @param origin where it comes from (file, sheet, table)
 * @param idField the field that identifies its records
 * @param recordCount how many records it has, or null when unknown
 * @param profile object-level profile (reference fill rates, orphans, hierarchy depth,
 * category distribution)
 * @param fields its fields in order
 */
public record DictionaryObject(Long id, String name, String origin, String idField, Long recordCount,
        Map<String, Object> profile, List<DictionaryField> fields) {

    public DictionaryObject {
        profile = (profile != null) ? profile : Map.of();
        fields = List.copyOf(fields);
    }

}
