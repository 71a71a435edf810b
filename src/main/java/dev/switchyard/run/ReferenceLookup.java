package dev.switchyard.run;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.mapping.transform.Reference;
import dev.switchyard.staging.ParentKeys;

import org.springframework.stereotype.Component;

/**
 * Resolves the values of a reference field to the target ids of their parents, one set of
 * values at a time (a chunk's, never a record's): the one lookup runs, their second pass,
 * validation and relationship tracing share, so that a reference resolves the same way
 * everywhere. A reference by id takes the value as the parent's source id; a reference by
 * a parent's field first finds the parent whose field holds the value among the parent's
 * staged records of the run's extraction (exactly or in normal form: {@link ParentKeys}),
 * whatever id it has. Then the parent's source id goes through the environment's
 * cross-reference (one primary-key lookup per id).
 */
@Component
public class ReferenceLookup {

    private final RunStore store;

    private final ParentKeys keys;

    ReferenceLookup(RunStore store, ParentKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /**
     * @param environmentId an environment
     * @param object a source object (any case)
     * @return the cross-reference's (source object, target object) pairs of the object,
     * to pass to {@link #resolve}
     */
    public List<String[]> xrefObjects(long environmentId, String object) {
        return this.store.xrefObjects(environmentId, object);
    }

    /**
     * @param snapshotId the run's extraction
     * @param environmentId the run's environment
     * @param reference the reference step of the field
     * @param xrefObjects the parent's (source object, target object) pairs in the
     * cross-reference ({@link #xrefObjects})
     * @param values the field's values (trimmed, not blank)
     * @return for each value, its parent
     */
    public Map<String, Parent> resolve(long snapshotId, long environmentId, Reference reference,
            List<String[]> xrefObjects, Collection<String> values) {
        Map<String, Parent> parents = new HashMap<>();
        if (values.isEmpty()) {
            return parents;
        }
        Map<String, String> parentIds = new HashMap<>();
        if (reference.byField() == null) {
            values.forEach((value) -> parentIds.put(value, value));
        }
        else {
            Map<String, List<String>> found = this.keys.sourceIds(snapshotId, reference.targetObject(),
                    reference.byField(), reference.normalised(), values);
            for (String value : values) {
                List<String> ids = found.getOrDefault(value, List.of());
                if (ids.size() == 1) {
                    parentIds.put(value, ids.get(0));
                }
                else {
                    parents.put(value,
                            new Parent(null, null,
                                    ids.isEmpty()
                                            ? "no " + reference.targetObject() + " has " + reference.byField() + " '"
                                                    + value + "'"
                                                    + (reference.normalised()
                                                            ? " (ignoring case, spaces and punctuation)" : "")
                                            : ids.size() + " " + reference.targetObject() + " records have "
                                                    + reference.byField() + " '" + value + "' ("
                                                    + String.join(", ", ids.subList(0, Math.min(5, ids.size())))
                                                    + "): the reference is ambiguous"));
                }
            }
        }
        Set<String> ids = new LinkedHashSet<>(parentIds.values());
        Map<String, String> targetIds = this.store.targetIds(environmentId, xrefObjects, ids);
        parentIds.forEach((value, id) -> parents.put(value, new Parent(id, targetIds.get(id), null)));
        return parents;
    }

    /**
     * The parent a reference value names.
     *
     * @param sourceId its source id, or null when the value names none (or several)
     * @param targetId the target id the environment's cross-reference holds for it, or
     * null when it was not loaded (or has no source id)
     * @param problem why the value names no single parent, or null
     */
    public record Parent(String sourceId, String targetId, String problem) {
    }

}
