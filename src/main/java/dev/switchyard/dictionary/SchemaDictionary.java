package dev.switchyard.dictionary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.FieldType;
import dev.switchyard.connector.ObjectSchema;

/**
 * Turns what a system declares about itself into dictionary objects (used as is for
 * targets, and as the starting point that profiling completes for sources).
 */
public final class SchemaDictionary {

    private SchemaDictionary() {
    }

    /**
     * @param schema a declared object
     * @return its dictionary object, with declared types only
     */
    public static DictionaryObject of(ObjectSchema schema) {
        List<DictionaryField> fields = new ArrayList<>();
        int position = 0;
        for (FieldSchema field : schema.fields()) {
            fields.add(declared(position++, field, field.name().equals(schema.idField())));
        }
        return new DictionaryObject(null, schema.name(), schema.origin(), schema.idField(), schema.recordCount(),
                declared(schema.attributes()), fields);
    }

    static DictionaryField declared(int position, FieldSchema field, boolean isId) {
        FieldType type = field.type();
        if (type == null && isId) {
            type = FieldType.ID;
        }
        List<Map<String, Object>> picklist = field.picklistValues()
            .stream()
            .map((value) -> Map.<String, Object>of("value", value))
            .toList();
        return new DictionaryField(position, field.name(), field.nativeType(), type, null,
                (type != null) ? type : FieldType.TEXT, field.length(), null, field.required() || isId,
                field.required(), field.unique() || isId, field.generated(), field.referenceTo(), false, null, null,
                false, picklist, declared(field.attributes()));
    }

    /**
     * @param attributes what a system declares beyond the dictionary's columns
     * @return a profile holding them under {@code declared}, or an empty one
     */
    public static Map<String, Object> declared(Map<String, Object> attributes) {
        return attributes.isEmpty() ? Map.of() : Map.of(DECLARED, attributes);
    }

    /** The profile key under which a system's own declarations are kept. */
    public static final String DECLARED = "declared";

}
