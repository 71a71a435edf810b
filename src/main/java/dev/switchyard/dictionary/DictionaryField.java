package dev.switchyard.dictionary;

import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldType;

/**
 * A field in the data dictionary: what the system declares and what profiling inferred.
 *
 * @param position its place in the object
 * @param name its name
 * @param nativeType the system's own type name, or null
 * @param declaredType the type the system declares, or null
 * @param inferredType the type profiling inferred from the values, or null
 * @param type the type to use: declared when there is one, else inferred, else TEXT
 * @param length the declared maximum length, or null
 * @param maxLength the longest value seen, or null
 * @param required declared NOT NULL, or never blank in the data
 * @param requiredDeclared whether {@code required} is declared rather than inferred
 * @param unique declared unique, or every non-blank value distinct
 * @param generated filled by the system itself (never a mapping target)
 * @param referenceTo the object it references, or null
 * @param referenceInferred whether the reference was inferred from the values
 * @param fillRate share of non-blank values (0–1), or null when not profiled
 * @param distinctCount distinct non-blank values, or null
 * @param distinctEstimated whether the distinct count is an estimate
 * @param picklistValues allowed or seen values with their counts ({@code value},
 * {@code count})
 * @param profile the full profile (top values, formats, lengths …)
 * @param referenceKey for a reference by business key: the referenced object's field its
 * values are keys of (a name, a code); null for a reference by id
 * @param referenceMatch for a reference by key: {@code EXACT} when every matching value
 * matches a key as written, {@code NORMALISED} when some match only ignoring case,
 * spaces, punctuation or accents; else null
 * @param referenceDecision an analyst's decision on an inferred reference
 * ({@code CONFIRMED}, or {@code REJECTED}: then {@code referenceTo} is null), else null
 */
public record DictionaryField(int position, String name, String nativeType, FieldType declaredType,
        FieldType inferredType, FieldType type, Integer length, Integer maxLength, boolean required,
        boolean requiredDeclared, boolean unique, boolean generated, String referenceTo, boolean referenceInferred,
        Double fillRate, Long distinctCount, boolean distinctEstimated, List<Map<String, Object>> picklistValues,
        Map<String, Object> profile, String referenceKey, String referenceMatch, String referenceDecision) {

    public DictionaryField {
        picklistValues = (picklistValues != null) ? picklistValues : List.of();
        profile = (profile != null) ? profile : Map.of();
    }

    /**
     * A field referencing by id, or no reference.
     */
    public DictionaryField(int position, String name, String nativeType, FieldType declaredType, FieldType inferredType,
            FieldType type, Integer length, Integer maxLength, boolean required, boolean requiredDeclared,
            boolean unique, boolean generated, String referenceTo, boolean referenceInferred, Double fillRate,
            Long distinctCount, boolean distinctEstimated, List<Map<String, Object>> picklistValues,
            Map<String, Object> profile) {
        this(position, name, nativeType, declaredType, inferredType, type, length, maxLength, required,
                requiredDeclared, unique, generated, referenceTo, referenceInferred, fillRate, distinctCount,
                distinctEstimated, picklistValues, profile, null, null, null);
    }

    /**
     * @return whether values match the referenced object's key only in normal form
     */
    public boolean referenceNormalised() {
        return "NORMALISED".equals(this.referenceMatch);
    }

}
