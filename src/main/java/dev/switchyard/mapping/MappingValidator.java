package dev.switchyard.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.switchyard.connector.FieldType;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.mapping.transform.AddressSplit;
import dev.switchyard.mapping.transform.ChangeCase;
import dev.switchyard.mapping.transform.Concatenate;
import dev.switchyard.mapping.transform.Constant;
import dev.switchyard.mapping.transform.CountryCode;
import dev.switchyard.mapping.transform.Expression;
import dev.switchyard.mapping.transform.MultiPicklistMap;
import dev.switchyard.mapping.transform.NormalizeEmail;
import dev.switchyard.mapping.transform.ParseBoolean;
import dev.switchyard.mapping.transform.ParseDate;
import dev.switchyard.mapping.transform.ParseNumber;
import dev.switchyard.mapping.transform.PhoneE164;
import dev.switchyard.mapping.transform.PicklistMap;
import dev.switchyard.mapping.transform.Reference;
import dev.switchyard.mapping.transform.RegexReplace;
import dev.switchyard.mapping.transform.Split;
import dev.switchyard.mapping.transform.StateCode;
import dev.switchyard.mapping.transform.Transform;
import dev.switchyard.mapping.transform.Trim;
import dev.switchyard.mapping.transform.Truncate;
import dev.switchyard.scope.rule.CompiledRule;
import dev.switchyard.scope.rule.RuleException;
import dev.switchyard.staging.StagedRecords;

import org.springframework.stereotype.Component;

/**
 * Checks a mapping against the source and target dictionaries and a sample of the staged
 * records. Errors block a run; warnings are for the analyst to read. What it checks:
 * objects and fields that do not exist; target-required fields with no mapping; type and
 * length incompatibilities; unmapped picklist values and values the target does not
 * allow; references to unmapped objects; reference cycles (explained: runs load them in a
 * second pass); match keys; source filters that do not compile; and, by running the
 * mapping on up to {@value #SAMPLE} staged records per object mapping, values a transform
 * cannot handle, values too long or of the wrong type for the target field, and
 * target-required fields left without a value. Source fields with data that no object
 * mapping reads and that are not marked "not migrated on purpose" are a warning
 * ({@link UnmappedFields}), never an error.
 */
@Component
public class MappingValidator {

    /** How many staged records per object mapping the sample run transforms. */
    static final int SAMPLE = 2_000;

    private final StagedRecords staged;

    private final TargetPicklists picklists;

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final dev.switchyard.profiling.FindingStore findings;

    MappingValidator(StagedRecords staged, TargetPicklists picklists, org.springframework.jdbc.core.JdbcTemplate jdbc,
            dev.switchyard.profiling.FindingStore findings) {
        this.staged = staged;
        this.picklists = picklists;
        this.jdbc = jdbc;
        this.findings = findings;
    }

    /**
     * @param inputs the dictionaries
     * @param document the mapping
     * @return the errors and warnings
     */
    public Report validate(MappingInputs.Inputs inputs, MappingDocument document) {
        Collector out = new Collector();
        if (inputs.snapshotId() == null) {
            out.warning("no-source", null, null, null,
                    "There is no completed extraction: the mapping cannot be checked against the source");
        }
        if (inputs.targetConnectionId() == null) {
            out.warning("no-target", null, null, null,
                    "No environment has a target connection: the mapping cannot be checked against the target");
        }
        if (document.objects().isEmpty()) {
            out.warning("empty", null, null, null, "Nothing is mapped yet");
        }
        List<dev.switchyard.profiling.Finding> found = new ArrayList<>();
        for (ObjectMapping object : document.objects()) {
            if (inputs.snapshotId() != null) {
                requiredWithoutData(inputs, object, out, found);
            }
            validate(inputs, document, object, out);
            if (inputs.snapshotId() != null) {
                out.warnings.addAll(UnmappedFields.warnings(UnmappedFields.of(inputs, document, object)));
            }
        }
        cycles(document, out);
        return new Report(out.errors, out.warnings, found);
    }

    /**
     * @param field a target field
     * @return whether the target declares it an external id (a CRM's upsert key)
     */
    static boolean externalId(DictionaryField field) {
        Object declared = field.profile().get(dev.switchyard.dictionary.SchemaDictionary.DECLARED);
        return declared instanceof java.util.Map<?, ?> attributes && Boolean.TRUE.equals(attributes.get("externalId"));
    }

    private void validate(MappingInputs.Inputs inputs, MappingDocument document, ObjectMapping object, Collector out) {
        String s = object.source();
        String t = object.target();
        DictionaryObject source = inputs.sourceObject(s).orElse(null);
        DictionaryObject target = inputs.targetObject(t).orElse(null);
        if (source == null && inputs.snapshotId() != null) {
            out.error("unknown-source-object", s, t, null, "The source has no object " + s);
        }
        if (target == null && inputs.targetConnectionId() != null) {
            out.error("unknown-target-object", s, t, null, "The target has no object " + t);
        }
        if (inputs.externalIdMatchKey() && target != null) {
            List<String> externalIds = target.fields()
                .stream()
                .filter(MappingValidator::externalId)
                .map(DictionaryField::name)
                .toList();
            if (object.matchKey() == null) {
                out.error("crm-match-key-missing", s, t, null, t
                        + " needs a match key: an external-id field holding the source id ("
                        + (externalIds.isEmpty()
                                ? "the object has none: create one, e.g. Legacy_Id__c, marked External ID"
                                : String.join(", ", externalIds))
                        + "), so that a re-run, a delta or a resume after a crash updates records instead of duplicating them");
            }
            else if (!externalIds.contains(object.matchKey())) {
                out.error("crm-match-key-not-external-id", s, t, object.matchKey(),
                        object.matchKey() + " is not an " + "external-id field of " + t
                                + ": the target cannot upsert on it; use "
                                + (externalIds.isEmpty()
                                        ? "an external-id field (create one, e.g. Legacy_Id__c, marked External ID)"
                                        : String.join(" or ", externalIds)));
            }
        }
        if (object.matchKey() == null) {
            out.warning("no-match-key", s, t, null, "No match key: runs can only insert " + t
                    + " records, and a run that crashes mid-chunk could leave duplicates. Map the source id to a "
                    + "unique target column and make it the match key");
        }
        else if (object.field(object.matchKey()).isEmpty()) {
            out.error("match-key-unmapped", s, t, object.matchKey(), "The match key " + object.matchKey()
                    + " is not mapped: map the source id (or another unique key)" + " to it");
        }
        else if (target != null) {
            Optional<DictionaryField> key = MappingInputs.Inputs.field(target, object.matchKey());
            if (key.isPresent() && !key.get().unique()) {
                out.warning("match-key-not-unique", s, t, object.matchKey(),
                        "The target does not declare " + object.matchKey()
                                + " unique: upserts look records up instead of relying on a constraint, "
                                + "and nothing stops duplicates written by other tools");
            }
        }
        if (object.filter() != null && source != null) {
            try {
                SourceFilters.compile(object.filter(), source);
            }
            catch (RuleException ex) {
                out.error("bad-filter", s, t, null, "The source filter cannot be used: " + ex.getMessage());
            }
        }
        if (target != null) {
            for (DictionaryField field : target.fields()) {
                if (field.required() && field.requiredDeclared() && !field.generated()
                        && object.field(field.name()).isEmpty()) {
                    out.error("required-unmapped", s, t, field.name(),
                            t + "." + field.name() + " is required by the target and not mapped");
                }
            }
        }
        for (FieldMapping field : object.fields()) {
            validate(inputs, document, object, source, target, field, out);
        }
        if (source != null && inputs.snapshotId() != null) {
            sample(inputs, object, target, out);
        }
    }

    private void validate(MappingInputs.Inputs inputs, MappingDocument document, ObjectMapping object,
            DictionaryObject source, DictionaryObject target, FieldMapping field, Collector out) {
        String s = object.source();
        String t = object.target();
        String name = field.target();
        DictionaryField to = MappingInputs.Inputs.field(target, name).orElse(null);
        if (target != null && to == null) {
            out.error("unknown-target-field", s, t, name, "The target object " + t + " has no field " + name);
        }
        if (to != null && to.generated()) {
            out.warning("generated-target", s, t, name, "The target fills " + name
                    + " itself (identity, serial or default): a mapped value may be refused or overwritten");
        }
        DictionaryField from = null;
        for (String sourceField : field.sources()) {
            Optional<DictionaryField> found = MappingInputs.Inputs.field(source, sourceField);
            if (source != null && found.isEmpty()) {
                out.error("unknown-source-field", s, t, name,
                        "The source object " + s + " has no field " + sourceField);
            }
            if (sourceField.equals(field.input())) {
                from = found.orElse(null);
            }
        }
        if (field.sources().isEmpty() && field.transforms().stream().noneMatch(MappingValidator::makesValue)) {
            out.error("no-source", s, t, name, name + " reads no source field and its transforms make no value: "
                    + "name a source field or start with a constant");
        }
        Reference reference = field.reference();
        if (reference != null && reference.byField() != null) {
            Optional<DictionaryObject> parent = inputs.sourceObject(reference.targetObject());
            if (parent.isPresent() && MappingInputs.Inputs.field(parent.get(), reference.byField()).isEmpty()) {
                out.error("reference-key-unknown", s, t, name,
                        name + " resolves its " + reference.targetObject() + " by " + reference.byField() + ", which "
                                + reference.targetObject() + " does not have: name one of its fields");
            }
        }
        if (reference != null && document.fromSource(reference.targetObject()).isEmpty()) {
            out.error("reference-unmapped", s, t, name, name + " references " + reference.targetObject()
                    + ", which is not mapped: map " + reference.targetObject() + " too, or remove the reference");
        }
        if (to == null) {
            return;
        }
        if (to.referenceTo() != null && reference == null && document.picklistSource(object.target(), name).isEmpty()) {
            out.error("reference-missing", s, t, name, name + " points at " + to.referenceTo()
                    + ": it needs a reference step naming the parent's source object, so the run can put the id the "
                    + "target gave the parent");
        }
        if (reference != null && to.referenceTo() != null) {
            boolean fits = document.fromSource(reference.targetObject())
                .stream()
                .anyMatch((o) -> o.target().equalsIgnoreCase(to.referenceTo()));
            if (!fits && !document.fromSource(reference.targetObject()).isEmpty()) {
                out.warning("reference-target", s, t, name,
                        name + " points at " + to.referenceTo() + " but " + reference.targetObject() + " is mapped to "
                                + document.fromSource(reference.targetObject()).get(0).target());
            }
        }
        FieldType output = output(field, from);
        FieldType wanted = (to.type() != null) ? to.type() : FieldType.TEXT;
        String problem = compatibility(output, from, wanted);
        if (problem != null) {
            boolean blocking = !problem.startsWith("~");
            String message = name + " (" + wanted.name().toLowerCase(Locale.ROOT) + ") ← "
                    + ((from != null) ? from.name() : "no field") + ": " + problem.replace("~", "");
            if (blocking) {
                out.error("type", s, t, name, message);
            }
            else {
                out.warning("type", s, t, name, message);
            }
        }
        if (to.length() != null && from != null && from.maxLength() != null && from.maxLength() > to.length()
                && keepsLength(field) && MappingInputs.Inputs.isText(to)) {
            out.error("length", s, t, name,
                    "Source values of " + from.name() + " are up to " + from.maxLength() + " characters; " + name
                            + " holds " + to.length() + ". Add a truncate step (recorded as a finding"
                            + " per record) or widen the target column");
        }
        picklist(inputs, document, object, field, from, out);
    }

    private void picklist(MappingInputs.Inputs inputs, MappingDocument document, ObjectMapping object,
            FieldMapping field, DictionaryField from, Collector out) {
        String s = object.source();
        String t = object.target();
        List<String> allowed;
        try {
            allowed = this.picklists.allowed(inputs, document, t, field.target());
        }
        catch (RuntimeException ex) {
            out.error("picklist-source", s, t, field.target(), ex.getMessage());
            return;
        }
        Map<String, String> values = MappingSuggester.picklistValues(field);
        Transform step = field.transforms()
            .stream()
            .filter((x) -> x instanceof PicklistMap || x instanceof MultiPicklistMap)
            .findFirst()
            .orElse(null);
        String defaultValue = (step instanceof PicklistMap map) ? map.defaultValue()
                : (step instanceof MultiPicklistMap multi) ? multi.defaultValue() : null;
        if (values != null && !allowed.isEmpty()) {
            Set<String> wrong = new LinkedHashSet<>();
            values.values().stream().filter((v) -> !allowed.contains(v)).forEach(wrong::add);
            if (defaultValue != null && !allowed.contains(defaultValue)) {
                wrong.add(defaultValue);
            }
            if (!wrong.isEmpty()) {
                out.error("picklist-not-allowed", s, t, field.target(), "The target does not allow " + quoted(wrong, 10)
                        + " in " + field.target() + "; it allows " + quoted(allowed, 30));
            }
        }
        if (from == null || inputs.snapshotId() == null || (values == null && allowed.isEmpty())) {
            return;
        }
        if (values != null && defaultValue != null) {
            return;
        }
        // every distinct source value must have a target value
        Map<String, Long> unmapped = new LinkedHashMap<>();
        long records = 0;
        for (Map.Entry<String, Long> value : this.staged.distinctValues(inputs.snapshotId(), s, from.name(), 2_000)) {
            String text = value.getKey();
            List<String> parts = (step instanceof MultiPicklistMap || (step == null && isMulti(inputs, object, field)))
                    ? List.of(text.split(";")) : List.of(text);
            for (String part : parts) {
                String key = part.strip();
                if (key.isEmpty()) {
                    continue;
                }
                boolean mapped = (values != null) ? values.keySet().stream().anyMatch((k) -> k.equalsIgnoreCase(key))
                        : allowed.contains(key);
                if (!mapped) {
                    unmapped.merge(key, value.getValue(), Long::sum);
                    records += value.getValue();
                }
            }
        }
        if (!unmapped.isEmpty()) {
            List<String> shown = unmapped.entrySet()
                .stream()
                .limit(10)
                .map((e) -> "'" + e.getKey() + "' (" + e.getValue() + ")")
                .toList();
            out.error("picklist-unmapped", s, t, field.target(),
                    unmapped.size() + " source values of " + from.name() + " (" + records + " records) have no "
                            + "target value: " + String.join(", ", shown) + ((unmapped.size() > 10) ? ", …" : "")
                            + ". Map them or set a default");
        }
    }

    /**
     * Target-required fields filled by a plain chain (copy, trim, case, parses …: nothing
     * that makes a value from nothing) from a source field that is blank in some records:
     * counted over every staged record, reported as an error and as a finding.
     */
    private void requiredWithoutData(MappingInputs.Inputs inputs, ObjectMapping object, Collector out,
            List<dev.switchyard.profiling.Finding> found) {
        DictionaryObject target = inputs.targetObject(object.target()).orElse(null);
        DictionaryObject source = inputs.sourceObject(object.source()).orElse(null);
        if (target == null || source == null) {
            return;
        }
        for (FieldMapping field : object.fields()) {
            DictionaryField to = MappingInputs.Inputs.field(target, field.target()).orElse(null);
            DictionaryField from = MappingInputs.Inputs.field(source, field.input()).orElse(null);
            if (to == null || from == null || !to.required() || !to.requiredDeclared() || to.generated()
                    || field.transforms().stream().anyMatch(MappingValidator::makesValue)
                    || field.transforms()
                        .stream()
                        .anyMatch((t) -> (t instanceof PicklistMap map && map.defaultValue() != null)
                                || (t instanceof ParseBoolean yesNo && yesNo.blankIsFalse()))) {
                continue;
            }
            List<dev.switchyard.profiling.Example> examples = new ArrayList<>();
            Long blank = this.jdbc.queryForObject("""
                    select count(*) from staged_record where snapshot_id = ? and object = ? and not deleted
                    and btrim(coalesce(payload ->> ?, '')) = ''""", Long.class, inputs.snapshotId(), source.name(),
                    from.name());
            if (blank == null || blank == 0) {
                continue;
            }
            this.jdbc.query("""
                    select source_id from staged_record where snapshot_id = ? and object = ? and not deleted
                    and btrim(coalesce(payload ->> ?, '')) = '' order by source_id limit 5""", (rs) -> {
                examples.add(new dev.switchyard.profiling.Example(rs.getString(1), ""));
            }, inputs.snapshotId(), source.name(), from.name());
            String message = blank + " " + source.name() + " records have no " + from.name() + ", but "
                    + object.target() + "." + field.target() + " is required by the target: add a default, or these "
                    + "records will be quarantined";
            out.error("required-no-data", object.source(), object.target(), field.target(), message);
            found.add(new dev.switchyard.profiling.Finding(
                    dev.switchyard.profiling.Finding.Kind.REQUIRED_WITHOUT_SOURCE_DATA, source.name(), from.name(),
                    blank, examples, message));
        }
    }

    private static boolean isMulti(MappingInputs.Inputs inputs, ObjectMapping object, FieldMapping field) {
        return inputs.targetObject(object.target())
            .flatMap((o) -> MappingInputs.Inputs.field(o, field.target()))
            .map((f) -> f.type() == FieldType.MULTI_PICKLIST)
            .orElse(false);
    }

    /**
     * Runs the mapping on a sample of staged records and reports per field what a run
     * would quarantine.
     */
    private void sample(MappingInputs.Inputs inputs, ObjectMapping object, DictionaryObject target, Collector out) {
        RecordMapper mapper = new RecordMapper(object, inputs.lengths(object.target()));
        Map<String, DictionaryField> targets = new HashMap<>();
        if (target != null) {
            target.fields().forEach((f) -> targets.put(f.name().toLowerCase(Locale.ROOT), f));
        }
        Map<String, FieldTally> tallies = new LinkedHashMap<>();
        int[] records = new int[1];
        this.staged.each(inputs.snapshotId(), object.source(), SAMPLE, (record) -> {
            records[0]++;
            MappedRecord mapped = mapper.map(record.sourceId(), record.values());
            for (TransformError error : mapped.errors()) {
                tallies.computeIfAbsent(error.field(), (k) -> new FieldTally()).error(error.message());
            }
            for (FieldMapping field : object.fields()) {
                if (!mapped.values().containsKey(field.target())) {
                    continue;
                }
                Object value = mapped.values().get(field.target());
                DictionaryField to = targets.get(field.target().toLowerCase(Locale.ROOT));
                if (to == null) {
                    continue;
                }
                FieldTally tally = tallies.computeIfAbsent(field.target(), (k) -> new FieldTally());
                if (value == null || (value instanceof String text && text.isEmpty())) {
                    if (to.required() && to.requiredDeclared() && !to.generated()) {
                        tally.missing(record.sourceId());
                    }
                    continue;
                }
                if (value instanceof String text && to.length() != null && MappingInputs.Inputs.isText(to)
                        && text.length() > to.length()) {
                    tally.tooLong(record.sourceId(), text.length());
                }
                String wrong = wrongType(value, (to.type() != null) ? to.type() : FieldType.TEXT);
                if (wrong != null) {
                    tally.wrongType(record.sourceId() + ": '" + value + "' " + wrong);
                }
            }
        });
        if (records[0] == 0) {
            return;
        }
        String s = object.source();
        String t = object.target();
        String of = " of " + records[0] + " sampled records";
        tallies.forEach((field, tally) -> {
            if (tally.errors > 0) {
                out.error("transform-errors", s, t, field, tally.errors + of + " fail: " + tally.firstError);
            }
            if (tally.tooLong > 0) {
                out.error("too-long", s, t, field, tally.tooLong + of + " are longer than " + field + " holds (up to "
                        + tally.longest + " characters, e.g. record " + tally.firstTooLong + ")");
            }
            if (tally.wrongType > 0) {
                out.error("wrong-type", s, t, field,
                        tally.wrongType + of + " have a value of the wrong type, e.g. record " + tally.firstWrongType);
            }
            if (tally.missing > 0 && out.errors.stream()
                .noneMatch((e) -> e.code().equals("required-no-data") && e.concerns(s, t, field))) {
                out.error("required-no-data", s, t, field,
                        tally.missing + of + " have no value for " + field + ", which the target requires (e.g. record "
                                + tally.firstMissing + "). Add a default, or these records will be quarantined");
            }
        });
    }

    /**
     * @param value a value bound for a target field
     * @param type the field's type
     * @return why the field cannot take the value ("is not a whole number" …), or null
     * when it can
     */
    public static String wrongType(Object value, FieldType type) {
        switch (type) {
            case INTEGER -> {
                if (value instanceof Long || value instanceof Integer) {
                    return null;
                }
                if (value instanceof BigDecimal decimal) {
                    return (decimal.stripTrailingZeros().scale() <= 0) ? null : "is not a whole number";
                }
                if (value instanceof String text) {
                    return text.strip().matches("[-+]?\\d+") ? null : "is not a whole number";
                }
                return "is not a number";
            }
            case DECIMAL -> {
                if (value instanceof Number) {
                    return null;
                }
                if (value instanceof String text) {
                    return text.strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)") ? null : "is not a number";
                }
                return "is not a number";
            }
            case BOOLEAN -> {
                if (value instanceof Boolean) {
                    return null;
                }
                return (value instanceof String text && text.strip().matches("(?i)true|false|t|f|1|0")) ? null
                        : "is not a boolean";
            }
            case DATE -> {
                if (value instanceof LocalDate) {
                    return null;
                }
                return (value instanceof String text && text.strip().matches("\\d{4}-\\d{2}-\\d{2}")) ? null
                        : "is not a date (yyyy-mm-dd)";
            }
            case DATETIME -> {
                if (value instanceof OffsetDateTime || value instanceof LocalDateTime || value instanceof LocalDate) {
                    return null;
                }
                return (value instanceof String text && text.strip().matches("\\d{4}-\\d{2}-\\d{2}([T ].*)?")) ? null
                        : "is not a date-time";
            }
            default -> {
                return null;
            }
        }
    }

    private static void cycles(MappingDocument document, Collector out) {
        // an edge from each object mapping to the mappings of the objects it references
        List<ObjectMapping> objects = document.objects();
        Map<ObjectMapping, List<String[]>> edges = new LinkedHashMap<>();
        for (ObjectMapping object : objects) {
            for (FieldMapping field : object.fields()) {
                Reference reference = field.reference();
                if (reference == null) {
                    continue;
                }
                for (ObjectMapping parent : document.fromSource(reference.targetObject())) {
                    edges.computeIfAbsent(object, (k) -> new ArrayList<>())
                        .add(new String[] { String.valueOf(objects.indexOf(parent)), field.target() });
                }
            }
        }
        for (ObjectMapping object : objects) {
            for (String[] edge : edges.getOrDefault(object, List.of())) {
                ObjectMapping parent = objects.get(Integer.parseInt(edge[0]));
                if (parent == object) {
                    out.warning("self-reference", object.source(), object.target(), edge[1],
                            edge[1] + " references " + object.target() + " itself: a run loads every " + object.target()
                                    + " record without it first, then sets it in a second pass once every record "
                                    + "exists");
                }
                else if (reaches(edges, objects, parent, object, new LinkedHashSet<>())) {
                    out.warning("reference-cycle", object.source(), object.target(), edge[1],
                            object.target() + " and " + parent.target() + " reference each other (through " + edge[1]
                                    + "): a run loads " + object.target() + " without " + edge[1]
                                    + " and sets it in a second pass");
                }
            }
        }
    }

    private static boolean reaches(Map<ObjectMapping, List<String[]>> edges, List<ObjectMapping> objects,
            ObjectMapping from, ObjectMapping to, Set<ObjectMapping> seen) {
        if (from == to) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String[] edge : edges.getOrDefault(from, List.of())) {
            if (reaches(edges, objects, objects.get(Integer.parseInt(edge[0])), to, seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param field a field mapping
     * @param from its input source field, or null
     * @return the type of value its chain makes, or null when unknown (an expression)
     */
    static FieldType output(FieldMapping field, DictionaryField from) {
        FieldType type = (from != null) ? ((from.type() != null) ? from.type() : FieldType.TEXT) : FieldType.TEXT;
        if (type == FieldType.ID || type == FieldType.EMAIL || type == FieldType.PHONE || type == FieldType.URL
                || type == FieldType.PICKLIST) {
            type = FieldType.TEXT;
        }
        for (Transform step : field.transforms()) {
            if (step instanceof ParseNumber number) {
                type = number.toInteger() ? FieldType.INTEGER : FieldType.DECIMAL;
            }
            else if (step instanceof ParseBoolean) {
                type = FieldType.BOOLEAN;
            }
            else if (step instanceof ParseDate date) {
                type = date.dateOnly() ? FieldType.DATE : FieldType.DATETIME;
            }
            else if (step instanceof MultiPicklistMap) {
                type = FieldType.MULTI_PICKLIST;
            }
            else if (step instanceof Reference) {
                type = FieldType.REFERENCE;
            }
            else if (step instanceof Expression) {
                type = null;
            }
            else if (step instanceof Constant || step instanceof Concatenate || step instanceof Split
                    || step instanceof Trim || step instanceof ChangeCase || step instanceof RegexReplace
                    || step instanceof PhoneE164 || step instanceof NormalizeEmail || step instanceof CountryCode
                    || step instanceof StateCode || step instanceof AddressSplit || step instanceof PicklistMap
                    || step instanceof Truncate) {
                type = FieldType.TEXT;
            }
        }
        return type;
    }

    /**
     * @return null when compatible; a problem (starting with {@code ~} for a warning)
     */
    private static String compatibility(FieldType output, DictionaryField from, FieldType wanted) {
        if (output == null) {
            return "~an expression's result type is only known when it runs; the sample run checks it";
        }
        FieldType sourceType = (from != null && from.type() != null) ? from.type() : FieldType.TEXT;
        switch (wanted) {
            case INTEGER, DECIMAL -> {
                if (output == FieldType.INTEGER || (output == FieldType.DECIMAL && wanted == FieldType.DECIMAL)) {
                    return null;
                }
                if (output == FieldType.DECIMAL) {
                    return "~decimal values into a whole-number column: use a number parse with \"to integer\" to "
                            + "choose the rounding";
                }
                if (output == FieldType.TEXT && (sourceType == FieldType.INTEGER
                        || (sourceType == FieldType.DECIMAL && wanted == FieldType.DECIMAL))) {
                    return null;
                }
                return "text is not a number: add a number parse";
            }
            case BOOLEAN -> {
                if (output == FieldType.BOOLEAN) {
                    return null;
                }
                return (sourceType == FieldType.BOOLEAN) ? "~add a boolean parse to say which words mean true"
                        : "text is not a boolean: add a boolean parse";
            }
            case DATE, DATETIME -> {
                if (output == FieldType.DATE || output == FieldType.DATETIME) {
                    return null;
                }
                return (sourceType == FieldType.DATE || sourceType == FieldType.DATETIME)
                        ? "~text dates are loaded as written: add a date parse with the source's format"
                        : "text is not a date: add a date parse";
            }
            case REFERENCE -> {
                return (output == FieldType.REFERENCE) ? null
                        : "this field holds a record id: add a reference step to the parent's source object";
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean keepsLength(FieldMapping field) {
        return field.transforms()
            .stream()
            .noneMatch((t) -> t instanceof Truncate || t instanceof PicklistMap || t instanceof MultiPicklistMap
                    || t instanceof ParseNumber || t instanceof ParseBoolean || t instanceof ParseDate
                    || t instanceof PhoneE164 || t instanceof CountryCode || t instanceof StateCode
                    || t instanceof AddressSplit || t instanceof Split || t instanceof Constant
                    || t instanceof Expression || t instanceof RegexReplace);
    }

    private static boolean makesValue(Transform step) {
        return step instanceof Constant || step instanceof Concatenate || step instanceof Expression
                || step instanceof dev.switchyard.mapping.transform.DefaultWhenBlank;
    }

    private static String quoted(java.util.Collection<String> values, int limit) {
        List<String> shown = values.stream().limit(limit).map((v) -> "'" + v + "'").toList();
        return String.join(", ", shown) + ((values.size() > limit) ? ", …" : "");
    }

    /**
     * What validation found.
     *
     * @param errors what blocks a run
     * @param warnings what the analyst should read
     * @param findings target-required fields without source data, as findings of the
     * snapshot (stored by {@link #store})
     */
    public record Report(List<MappingIssue> errors, List<MappingIssue> warnings,
            @com.fasterxml.jackson.annotation.JsonIgnore List<dev.switchyard.profiling.Finding> findings) {

        /**
         * @param source a source object
         * @param target a target object
         * @param field a target field, or null for the object mapping's own issues
         * @return the issues there, errors first
         */
        public List<MappingIssue> at(String source, String target, String field) {
            List<MappingIssue> issues = new ArrayList<>();
            for (List<MappingIssue> list : List.of(this.errors, this.warnings)) {
                for (MappingIssue issue : list) {
                    if ((field == null) ? issue.concerns(source, target) && issue.field() == null
                            : issue.concerns(source, target, field)) {
                        issues.add(issue);
                    }
                }
            }
            return issues;
        }

        /**
         * @param issue an issue of this report
         * @return whether it is an error
         */
        public boolean isError(MappingIssue issue) {
            return this.errors.contains(issue);
        }

    }

    /**
     * Stores a report's findings with the assessment's findings of the snapshot,
     * replacing those of an earlier validation. Done on an explicit validation, not on
     * every page that shows issues.
     * @param inputs the dictionaries the report was made from
     * @param report the report
     */
    public void store(MappingInputs.Inputs inputs, Report report) {
        if (inputs.snapshotId() != null) {
            this.findings.replaceKind(inputs.snapshotId(),
                    dev.switchyard.profiling.Finding.Kind.REQUIRED_WITHOUT_SOURCE_DATA, report.findings());
        }
    }

    private static final class Collector {

        final List<MappingIssue> errors = new ArrayList<>();

        final List<MappingIssue> warnings = new ArrayList<>();

        void error(String code, String source, String target, String field, String message) {
            this.errors.add(new MappingIssue(code, source, target, field, message));
        }

        void warning(String code, String source, String target, String field, String message) {
            this.warnings.add(new MappingIssue(code, source, target, field, message));
        }

    }

    private static final class FieldTally {

        int errors;

        String firstError;

        int tooLong;

        int longest;

        String firstTooLong;

        int wrongType;

        String firstWrongType;

        int missing;

        String firstMissing;

        void error(String message) {
            if (this.errors++ == 0) {
                this.firstError = message;
            }
        }

        void tooLong(String id, int length) {
            if (this.tooLong++ == 0) {
                this.firstTooLong = id;
            }
            this.longest = Math.max(this.longest, length);
        }

        void wrongType(String example) {
            if (this.wrongType++ == 0) {
                this.firstWrongType = example;
            }
        }

        void missing(String id) {
            if (this.missing++ == 0) {
                this.firstMissing = id;
            }
        }

    }

}
