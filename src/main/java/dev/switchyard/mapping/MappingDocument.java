package dev.switchyard.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A project's mapping set as one document: how every target object and field is made from
 * the source. It is what the API reads and writes ({@code GET/PUT
 * /api/v1/projects/{id}/mapping}), what the JSON export holds and what each saved version
 * stores, so the three never drift apart.
 *
 * @param version the saved version this document is (when read) or was read at (when
 * saved: the optimistic lock); 0 before the first save
 * @param objects the object mappings, in load-independent authoring order
 * @param picklistSources target fields whose allowed values come from a lookup table
 * @param rejectedSuggestions keys of suggestions the analyst rejected, so that they are
 * not offered again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MappingDocument(Integer version, List<ObjectMapping> objects, List<PicklistSource> picklistSources,
        List<String> rejectedSuggestions) {

    public MappingDocument {
        objects = (objects != null) ? List.copyOf(objects) : List.of();
        picklistSources = (picklistSources != null) ? List.copyOf(picklistSources) : List.of();
        rejectedSuggestions = (rejectedSuggestions != null) ? List.copyOf(rejectedSuggestions) : List.of();
    }

    /**
     * @return an empty document at version 0
     */
    public static MappingDocument empty() {
        return new MappingDocument(0, List.of(), List.of(), List.of());
    }

    /**
     * @param version the version
     * @return this document at another version
     */
    public MappingDocument withVersion(int version) {
        return new MappingDocument(version, this.objects, this.picklistSources, this.rejectedSuggestions);
    }

    /**
     * @param objects the object mappings
     * @return this document with other object mappings
     */
    public MappingDocument withObjects(List<ObjectMapping> objects) {
        return new MappingDocument(this.version, objects, this.picklistSources, this.rejectedSuggestions);
    }

    /**
     * @param source a source object, any case
     * @param target a target object, any case
     * @return its object mapping
     */
    public Optional<ObjectMapping> object(String source, String target) {
        return this.objects.stream().filter((o) -> o.is(source, target)).findFirst();
    }

    /**
     * @param source a source object, any case
     * @return the object mappings that read it
     */
    public List<ObjectMapping> fromSource(String source) {
        return this.objects.stream().filter((o) -> o.source().equalsIgnoreCase(source)).toList();
    }

    /**
     * @param object a target object, any case
     * @param field a target field, any case
     * @return where its allowed values come from, when a lookup table was designated
     */
    public Optional<PicklistSource> picklistSource(String object, String field) {
        return this.picklistSources.stream()
            .filter((p) -> p.object().equalsIgnoreCase(object) && p.field().equalsIgnoreCase(field))
            .findFirst();
    }

    static String key(String text) {
        return (text != null) ? text.trim().toLowerCase(Locale.ROOT) : "";
    }

}
