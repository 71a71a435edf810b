package dev.switchyard.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Describes in words what changed between two versions of a mapping, for the version
 * history and the audit log.
 */
final class MappingDiff {

    private MappingDiff() {
    }

    static String summary(MappingDocument before, MappingDocument after) {
        List<String> parts = new ArrayList<>();
        int changedFields = 0;
        for (ObjectMapping object : after.objects()) {
            ObjectMapping old = before.object(object.source(), object.target()).orElse(null);
            if (old == null) {
                parts.add("added " + object.label() + " (" + object.fields().size() + " fields)");
                continue;
            }
            if (!Objects.equals(old.filter(), object.filter())) {
                parts.add(object.label() + ": filter changed");
            }
            if (!Objects.equals(old.matchKey(), object.matchKey())) {
                parts.add(object.label() + ": match key " + ((object.matchKey() != null) ? object.matchKey() : "none"));
            }
            for (FieldMapping field : object.fields()) {
                if (!old.field(field.target()).map(field::equals).orElse(false)) {
                    changedFields++;
                }
            }
            for (FieldMapping field : old.fields()) {
                if (object.field(field.target()).isEmpty()) {
                    changedFields++;
                }
            }
            if (!old.notMigrated().equals(object.notMigrated())) {
                parts.add(object.label() + ": source fields not migrated on purpose changed");
            }
        }
        for (ObjectMapping object : before.objects()) {
            if (after.object(object.source(), object.target()).isEmpty()) {
                parts.add("removed " + object.label());
            }
        }
        if (changedFields > 0) {
            parts.add(changedFields + ((changedFields == 1) ? " field mapping" : " field mappings") + " changed");
        }
        if (!before.picklistSources().equals(after.picklistSources())) {
            parts.add("picklist sources changed");
        }
        if (!before.rejectedSuggestions().equals(after.rejectedSuggestions())) {
            parts.add("suggestions rejected");
        }
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }

}
