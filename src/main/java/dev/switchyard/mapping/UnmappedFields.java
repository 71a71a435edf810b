package dev.switchyard.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;

/**
 * The source fields an object mapping's source object sends nowhere: fields of the latest
 * extraction's source dictionary that no object mapping of that source object reads (the
 * record id aside, which the cross-reference keeps), with their fill rate and most
 * frequent values from profiling, and the analyst's decision when one was made. A field
 * another object mapping of the same source reads is not listed: its data goes somewhere.
 * Decisions that no longer apply (the field is mapped now, or the source no longer has
 * it) are listed apart so that they can be removed.
 */
public final class UnmappedFields {

    /** How many of a field's most frequent values are shown. */
    static final int SAMPLES = 3;

    /** The longest sample value shown, in characters; longer ones are cut with "…". */
    static final int SAMPLE_LENGTH = 60;

    private UnmappedFields() {
    }

    /**
     * A source field that goes nowhere.
     *
     * @param name the source field
     * @param type its type in the dictionary, or null
     * @param fillRate its share of non-blank values (0–1), or null when not profiled
     * @param filled how many records have a value, or null when not profiled
     * @param samples its most frequent values, most frequent first
     * @param decision the decision that it is not migrated on purpose, or null while
     * undecided
     * @param decidedIn the object mapping holding the decision ("Lead → people"), or null
     */
    public record Field(String name, String type, Double fillRate, Long filled, List<Sample> samples,
            NotMigrated decision, String decidedIn) {

        /**
         * @return whether its records hold any value (true when not profiled: nothing
         * says it is empty)
         */
        public boolean hasData() {
            return this.fillRate == null || this.fillRate > 0;
        }

        /**
         * @return whether it is not migrated on purpose
         */
        public boolean decided() {
            return this.decision != null;
        }

        /**
         * @return its reason, or null while undecided
         */
        public String reason() {
            return (this.decision != null) ? this.decision.reason() : null;
        }

    }

    /**
     * A frequent value of a field.
     *
     * @param value the value, cut to {@value #SAMPLE_LENGTH} characters
     * @param count how many records have it
     */
    public record Sample(String value, long count) {
    }

    /**
     * A decision of this object mapping that no longer applies.
     *
     * @param decision the decision
     * @param why why it no longer applies
     */
    public record Stale(NotMigrated decision, String why) {
    }

    /**
     * What an object mapping's source object sends nowhere.
     *
     * @param object the object mapping
     * @param sourceKnown whether the latest extraction has its source object (without it
     * nothing can be listed)
     * @param fields the fields that go nowhere and have data or a decision, in dictionary
     * order
     * @param empty the fields that go nowhere and have no data and no decision
     * @param stale this mapping's decisions that no longer apply
     */
    public record View(ObjectMapping object, boolean sourceKnown, List<Field> fields, List<String> empty,
            List<Stale> stale) {

        /**
         * @return the fields with data that are neither mapped nor decided
         */
        public List<Field> undecided() {
            return this.fields.stream().filter((f) -> f.hasData() && !f.decided()).toList();
        }

        /**
         * @return the fields not migrated on purpose
         */
        public List<Field> decided() {
            return this.fields.stream().filter(Field::decided).toList();
        }

    }

    /**
     * @param inputs the dictionaries the mapping is authored against
     * @param document the mapping
     * @param object one of its object mappings
     * @return what the object mapping's source object sends nowhere
     */
    public static View of(MappingInputs.Inputs inputs, MappingDocument document, ObjectMapping object) {
        List<ObjectMapping> siblings = document.fromSource(object.source());
        DictionaryObject source = inputs.sourceObject(object.source()).orElse(null);
        List<Field> fields = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        List<Stale> stale = new ArrayList<>();
        if (source != null) {
            for (DictionaryField field : source.fields()) {
                if (field.name().equalsIgnoreCase(source.idField())
                        || siblings.stream().anyMatch((o) -> o.reads(field.name()))) {
                    continue;
                }
                ObjectMapping holder = siblings.stream()
                    .filter((o) -> o.notMigrated(field.name()).isPresent())
                    .findFirst()
                    .orElse(null);
                NotMigrated decision = (holder != null) ? holder.notMigrated(field.name()).orElseThrow() : null;
                Field row = new Field(field.name(), (field.type() != null) ? field.type().name() : null,
                        field.fillRate(), filled(field), samples(field), decision,
                        (holder != null && holder != object) ? holder.label() : null);
                if (row.hasData() || row.decided()) {
                    fields.add(row);
                }
                else {
                    empty.add(field.name());
                }
            }
        }
        for (NotMigrated decision : object.notMigrated()) {
            ObjectMapping reader = siblings.stream().filter((o) -> o.reads(decision.field())).findFirst().orElse(null);
            if (reader != null) {
                stale.add(new Stale(decision, decision.field() + " is mapped"
                        + ((reader != object) ? " by " + reader.label() : "") + ", so it is migrated after all"));
            }
            else if (source != null && MappingInputs.Inputs.field(source, decision.field()).isEmpty()) {
                stale.add(new Stale(decision,
                        "The latest extraction of " + source.name() + " has no field " + decision.field()));
            }
        }
        return new View(object, source != null, fields, empty, stale);
    }

    private static Long filled(DictionaryField field) {
        return (field.profile().get("nonBlankCount") instanceof Number number) ? number.longValue() : null;
    }

    /**
     * @return the profile's most frequent values, else the values the dictionary keeps
     * for picklist-like fields that some record has
     */
    static List<Sample> samples(DictionaryField field) {
        List<?> values = (field.profile().get("topValues") instanceof List<?> top && !top.isEmpty()) ? top
                : field.picklistValues();
        List<Sample> samples = new ArrayList<>();
        for (Object item : values) {
            if (samples.size() == SAMPLES) {
                break;
            }
            if (item instanceof Map<?, ?> map && map.get("value") != null && map.get("count") instanceof Number count
                    && count.longValue() > 0) {
                String value = map.get("value").toString();
                if (value.codePointCount(0, value.length()) > SAMPLE_LENGTH) {
                    value = value.substring(0, value.offsetByCodePoints(0, SAMPLE_LENGTH - 1)) + "…";
                }
                samples.add(new Sample(value, count.longValue()));
            }
        }
        return samples;
    }

    /**
     * @param view what an object mapping sends nowhere
     * @return validation's warnings about it: fields with data nobody decided about (one
     * warning for the object mapping), and each decision that no longer applies
     */
    static List<MappingIssue> warnings(View view) {
        ObjectMapping object = view.object();
        List<MappingIssue> issues = new ArrayList<>();
        List<Field> undecided = view.undecided();
        if (!undecided.isEmpty()) {
            List<String> names = undecided.stream().limit(10).map(UnmappedFields::describe).toList();
            issues.add(new MappingIssue("unmapped-source-data", object.source(), object.target(), null,
                    undecided.size() + ((undecided.size() == 1) ? " source field" : " source fields") + " of "
                            + object.source() + " with data " + ((undecided.size() == 1) ? "goes" : "go")
                            + " nowhere and " + ((undecided.size() == 1) ? "has" : "have") + " no decision: "
                            + String.join(", ", names) + ((undecided.size() > 10) ? ", …" : "")
                            + ". Map them, or mark them not migrated on purpose with the reason"));
        }
        for (Stale stale : view.stale()) {
            issues.add(new MappingIssue("not-migrated-stale", object.source(), object.target(), null,
                    "The decision not to migrate " + stale.decision().field() + " no longer applies: " + stale.why()
                            + ". Remove it"));
        }
        return issues;
    }

    private static String describe(Field field) {
        return field.name() + ((field.fillRate() != null)
                ? " (" + Math.max(1, Math.round(field.fillRate() * 100)) + "% filled)" : "");
    }

}
