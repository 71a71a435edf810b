package dev.switchyard.mapping;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One source object feeding one target object. Several source objects may feed the same
 * target (Leads and Contacts → Person): each is its own object mapping.
 *
 * @param source the source object, e.g. {@code Account}
 * @param target the target object, e.g. {@code companies}
 * @param filter which source records this mapping takes, or null for all
 * @param matchKey the target field that holds the source id or another unique business
 * key: runs upsert by it and a replayed chunk looks records up by it; null when the
 * target has none (then a crash mid-chunk could leave duplicates, and the plan says so)
 * @param fields the field mappings
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectMapping(String source, String target, SourceFilter filter, String matchKey,
        List<FieldMapping> fields) {

    public ObjectMapping {
        fields = (fields != null) ? List.copyOf(fields) : List.of();
        if (filter != null && filter.conditions().isEmpty()) {
            filter = null;
        }
        matchKey = (matchKey != null && !matchKey.isBlank()) ? matchKey.trim() : null;
    }

    /**
     * @param source a source object, any case
     * @param target a target object, any case
     * @return whether this mapping is source → target
     */
    public boolean is(String source, String target) {
        return MappingDocument.key(this.source).equals(MappingDocument.key(source))
                && MappingDocument.key(this.target).equals(MappingDocument.key(target));
    }

    /**
     * @param target a target field, any case
     * @return its field mapping
     */
    public Optional<FieldMapping> field(String target) {
        return this.fields.stream().filter((f) -> f.target().equalsIgnoreCase(target)).findFirst();
    }

    /**
     * @param fields the field mappings
     * @return this mapping with other field mappings
     */
    public ObjectMapping withFields(List<FieldMapping> fields) {
        return new ObjectMapping(this.source, this.target, this.filter, this.matchKey, fields);
    }

    /**
     * @return "Account → companies"
     */
    @JsonIgnore
    public String label() {
        return this.source + " → " + this.target;
    }

}
