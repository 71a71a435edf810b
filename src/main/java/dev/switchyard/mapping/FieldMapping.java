package dev.switchyard.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchyard.mapping.transform.Chain;
import dev.switchyard.mapping.transform.Reference;
import dev.switchyard.mapping.transform.Transform;

/**
 * How one target field is made: a chain of transforms over one or more source fields. The
 * first source field's value is the chain's input; transforms that read more fields
 * (concatenate, phone region from a country field, expressions) read them from the record
 * and name them themselves, and {@code sources} lists them all for suggestions, lineage
 * and validation. A mapping with no source field starts from null (e.g. a constant).
 *
 * @param target the target field
 * @param sources the source fields it reads, the chain's input first
 * @param transforms the chain, applied in order (empty: copy)
 * @param note the analyst's note, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldMapping(String target, List<String> sources, List<Transform> transforms, String note) {

    public FieldMapping {
        sources = (sources != null)
                ? sources.stream().filter((s) -> s != null && !s.isBlank()).map(String::trim).toList() : List.of();
        transforms = (transforms != null) ? List.copyOf(transforms) : List.of();
        note = (note != null && !note.isBlank()) ? note.trim() : null;
    }

    /**
     * @return the source field whose value starts the chain, or null
     */
    @JsonIgnore
    public String input() {
        return this.sources.isEmpty() ? null : this.sources.get(0);
    }

    /**
     * @return the chain of transforms
     */
    public Chain chain() {
        return new Chain(this.transforms);
    }

    /**
     * @return the reference step, when this field is a reference resolved at load time
     */
    @JsonIgnore
    public Reference reference() {
        return this.transforms.stream()
            .filter(Reference.class::isInstance)
            .map(Reference.class::cast)
            .findFirst()
            .orElse(null);
    }

}
