package dev.switchyard.mapping;

import java.util.List;
import java.util.Objects;
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
 * @param notMigrated source fields this mapping reads nowhere on purpose, each with the
 * reason (absent from the JSON when there are none, so documents saved before this part
 * existed read and write as they did)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectMapping(String source, String target, SourceFilter filter, String matchKey,
        List<FieldMapping> fields, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NotMigrated> notMigrated) {

    public ObjectMapping {
        fields = (fields != null) ? List.copyOf(fields) : List.of();
        notMigrated = (notMigrated != null) ? notMigrated.stream().filter(Objects::nonNull).toList() : List.of();
        if (filter != null && filter.conditions().isEmpty()) {
            filter = null;
        }
        matchKey = (matchKey != null && !matchKey.isBlank()) ? matchKey.trim() : null;
    }

    /**
     * An object mapping without decisions about unmapped source fields.
     * @param source the source object
     * @param target the target object
     * @param filter the source filter, or null
     * @param matchKey the match key, or null
     * @param fields the field mappings
     */
    public ObjectMapping(String source, String target, SourceFilter filter, String matchKey,
            List<FieldMapping> fields) {
        this(source, target, filter, matchKey, fields, List.of());
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
        return new ObjectMapping(this.source, this.target, this.filter, this.matchKey, fields, this.notMigrated);
    }

    /**
     * @param filter the source filter, or null
     * @param matchKey the match key, or null
     * @return this mapping with another filter and match key
     */
    public ObjectMapping withFilterAndMatchKey(SourceFilter filter, String matchKey) {
        return new ObjectMapping(this.source, this.target, filter, matchKey, this.fields, this.notMigrated);
    }

    /**
     * @param notMigrated the decisions about unmapped source fields
     * @return this mapping with other decisions
     */
    public ObjectMapping withNotMigrated(List<NotMigrated> notMigrated) {
        return new ObjectMapping(this.source, this.target, this.filter, this.matchKey, this.fields, notMigrated);
    }

    /**
     * @param field a source field, any case
     * @return the decision that it is not migrated on purpose, when there is one
     */
    public Optional<NotMigrated> notMigrated(String field) {
        return this.notMigrated.stream().filter((n) -> n.is(field)).findFirst();
    }

    /**
     * @param field a source field, any case
     * @return whether a field mapping of this object mapping reads it
     */
    public boolean reads(String field) {
        return field != null && this.fields.stream()
            .anyMatch((f) -> f.sources().stream().anyMatch((s) -> s.equalsIgnoreCase(field.trim())));
    }

    /**
     * @return "Account → companies"
     */
    @JsonIgnore
    public String label() {
        return this.source + " → " + this.target;
    }

}
