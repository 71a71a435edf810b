package dev.switchyard.scope;

import java.util.List;
import java.util.Optional;

/**
 * The source fields the mapping sends nowhere, per source object, so that a stakeholder
 * approves the scope knowing which data stays behind and why. Scope owns this interface
 * and the mapping implements it: the mapping depends on scope (its filters are scope
 * rules), so scope must not depend on the mapping.
 */
public interface FieldsNotMigrated {

    /**
     * @param projectId a project
     * @return what its latest mapping sends nowhere, measured on its latest extraction
     */
    Summary of(Long projectId);

    /**
     * What a mapping version sends nowhere.
     *
     * @param mappingVersion the mapping version it was read from (0 before any save)
     * @param objects one entry per source object the mapping reads, in mapping order
     */
    record Summary(int mappingVersion, List<ObjectFields> objects) {

        public Summary {
            objects = List.copyOf(objects);
        }

        /**
         * @param object a source object, any case
         * @return its entry, when the mapping reads it
         */
        public Optional<ObjectFields> object(String object) {
            return this.objects.stream().filter((o) -> o.object().equalsIgnoreCase(object)).findFirst();
        }

    }

    /**
     * A source object's fields that go nowhere.
     *
     * @param object the source object
     * @param mappings its object mappings ("Account → companies")
     * @param known whether the latest extraction has the object (its fields are listed
     * only then)
     * @param fields the fields that go nowhere and have data or a decision
     */
    record ObjectFields(String object, List<String> mappings, boolean known, List<Field> fields) {

        public ObjectFields {
            mappings = List.copyOf(mappings);
            fields = List.copyOf(fields);
        }

        /**
         * @return how many are not migrated on purpose
         */
        public long decided() {
            return this.fields.stream().filter(Field::decided).count();
        }

        /**
         * @return how many hold data and have no decision yet
         */
        public long undecided() {
            return this.fields.size() - decided();
        }

    }

    /**
     * A source field that goes nowhere.
     *
     * @param name the field
     * @param fillRate its share of non-blank values (0–1), or null when not profiled
     * @param reason why it is not migrated, or null while nobody decided
     */
    record Field(String name, Double fillRate, String reason) {

        /**
         * @return whether it is not migrated on purpose
         */
        public boolean decided() {
            return this.reason != null;
        }

    }

}
