package dev.switchyard.mapping;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.switchyard.connector.FieldType;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.mapping.transform.Chain;
import dev.switchyard.mapping.transform.CountryCode;
import dev.switchyard.mapping.transform.MultiPicklistMap;
import dev.switchyard.mapping.transform.NormalizeEmail;
import dev.switchyard.mapping.transform.ParseBoolean;
import dev.switchyard.mapping.transform.ParseDate;
import dev.switchyard.mapping.transform.ParseNumber;
import dev.switchyard.mapping.transform.PhoneE164;
import dev.switchyard.mapping.transform.PicklistMap;
import dev.switchyard.mapping.transform.Reference;
import dev.switchyard.mapping.transform.StateCode;
import dev.switchyard.mapping.transform.Transform;
import dev.switchyard.mapping.transform.TransformContext;
import dev.switchyard.mapping.transform.TransformException;
import dev.switchyard.staging.StagedRecords;

import org.springframework.stereotype.Component;

/**
 * Proposes object mappings, field mappings, match keys and picklist values from the
 * source and target dictionaries:
 * <ul>
 * <li>objects by name, plural and CRM synonyms ({@code accounts} → {@code account},
 * {@code Opportunity} → {@code deals});</li>
 * <li>fields by name ({@code StageName} → {@code stage_name}, {@code BillingCity} →
 * {@code city}), lookups as references to the mapped parent ({@code AccountId} →
 * {@code company_id}), and a text column named like {@code source_id},
 * {@code external_id}, {@code legacy_id} or {@code crm_id} as the holder of the source id
 * and the match key; columns the target fills itself (identity, serial, defaults) never
 * get a suggestion;</li>
 * <li>the parse a target type needs, chosen from the values profiling saw and checked on
 * a sample of staged values, so that the description says whether every value is
 * accepted;</li>
 * <li>picklist values through {@link PicklistSuggester}.</li>
 * </ul>
 * It never changes the mapping: it returns the mapping with every suggestion applied, and
 * the suggestions to accept or reject one by one.
 */
@Component
public class MappingSuggester {

    /** How many staged values a proposed parse is checked on. */
    static final int CHECK_SAMPLE = 2_000;

    private final TargetPicklists picklists;

    private final StagedRecords staged;

    MappingSuggester(TargetPicklists picklists, StagedRecords staged) {
        this.picklists = picklists;
        this.staged = staged;
    }

    /**
     * @param inputs the dictionaries
     * @param document the current mapping
     * @return the suggestions not rejected before, and the mapping with all applied
     */
    public Result suggest(MappingInputs.Inputs inputs, MappingDocument document) {
        Set<String> rejected = Set.copyOf(document.rejectedSuggestions());
        List<Suggestion> suggestions = new ArrayList<>();
        List<ObjectMapping> objects = new ArrayList<>(document.objects());
        for (DictionaryObject source : inputs.source()) {
            if (!document.fromSource(source.name()).isEmpty()) {
                continue;
            }
            DictionaryObject best = null;
            double score = 0;
            for (DictionaryObject target : inputs.target()) {
                double similarity = Names.objectSimilarity(source.name(), target.name());
                boolean taken = objects.stream().anyMatch((o) -> o.target().equalsIgnoreCase(target.name()));
                if (taken) {
                    similarity *= 0.9;
                }
                if (similarity > score) {
                    score = similarity;
                    best = target;
                }
            }
            if (best != null && score >= 0.8) {
                String key = Suggestion.objectKey(source.name(), best.name());
                if (!rejected.contains(key)) {
                    suggestions.add(new Suggestion(key, "object", source.name(), best.name(), null,
                            "Map " + source.name() + " to " + best.name() + " (" + reason(score) + ")", score, null,
                            null, null));
                    objects.add(new ObjectMapping(source.name(), best.name(), null, null, List.of()));
                }
            }
        }
        MappingDocument withObjects = document.withObjects(objects);
        List<ObjectMapping> result = new ArrayList<>();
        for (ObjectMapping object : objects) {
            result.add(fields(inputs, withObjects, object, rejected, suggestions));
        }
        MappingDocument mapping = withObjects.withObjects(result);
        return new Result(mapping, suggestions);
    }

    private ObjectMapping fields(MappingInputs.Inputs inputs, MappingDocument document, ObjectMapping object,
            Set<String> rejected, List<Suggestion> suggestions) {
        DictionaryObject source = inputs.sourceObject(object.source()).orElse(null);
        DictionaryObject target = inputs.targetObject(object.target()).orElse(null);
        if (source == null || target == null) {
            return object;
        }
        List<FieldMapping> fields = new ArrayList<>();
        for (FieldMapping field : object.fields()) {
            fields.add(picklistValues(inputs, document, object, source, field, rejected, suggestions));
        }
        String matchKey = object.matchKey();
        for (DictionaryField targetField : target.fields()) {
            if (targetField.generated() || object.field(targetField.name()).isPresent()) {
                continue;
            }
            String key = Suggestion.fieldKey(object.source(), object.target(), targetField.name());
            if (rejected.contains(key)) {
                continue;
            }
            Proposal proposal = propose(inputs, document, object, source, target, targetField);
            if (proposal == null
                    || proposal.mapping().sources().stream().anyMatch((f) -> object.notMigrated(f).isPresent())) {
                // a source field the analyst decided not to migrate is not proposed again
                continue;
            }
            fields.add(proposal.mapping());
            suggestions.add(new Suggestion(key, "field", object.source(), object.target(), targetField.name(),
                    proposal.description(), proposal.confidence(), proposal.mapping(), null, null));
            String matchKeyKey = "match-key:" + object.source() + ">" + object.target();
            if (proposal.matchKey() && matchKey == null && !rejected.contains(matchKeyKey)) {
                matchKey = targetField.name();
                suggestions.add(new Suggestion(matchKeyKey, "match-key", object.source(), object.target(),
                        targetField.name(), "Use " + targetField.name()
                                + " (it holds the source id) as the match key for upserts and " + "idempotent loads",
                        0.95, null, null, null));
            }
        }
        return new ObjectMapping(object.source(), object.target(), object.filter(), matchKey, fields,
                object.notMigrated());
    }

    private Proposal propose(MappingInputs.Inputs inputs, MappingDocument document, ObjectMapping object,
            DictionaryObject source, DictionaryObject target, DictionaryField field) {
        String normal = Names.normal(field.name());
        if (inputs.externalIdMatchKey() && MappingValidator.externalId(field) && source.idField() != null) {
            // a CRM's external id is where the workbench keeps the source id: never a
            // source field of the same
            // name (a source org with its own Legacy_Id__c), which would make upserts
            // match the wrong records
            return new Proposal(new FieldMapping(field.name(), List.of(source.idField()), List.of(), null),
                    "Fill the external id " + field.name() + " with the source id (" + source.idField()
                            + "): runs upsert on it, so re-runs, deltas and resumes create no duplicate",
                    0.95, true);
        }
        if (Names.SOURCE_ID_NAMES.contains(normal) && MappingInputs.Inputs.isText(field) && source.idField() != null) {
            return new Proposal(new FieldMapping(field.name(), List.of(source.idField()), List.of(), null),
                    "Fill " + field.name() + " with the source id (" + source.idField() + ")", 0.95, true);
        }
        if (field.referenceTo() != null && document.picklistSource(object.target(), field.name()).isEmpty()) {
            return reference(document, object, source, field);
        }
        DictionaryField best = null;
        double score = 0;
        for (DictionaryField candidate : source.fields()) {
            double similarity = Names.fieldSimilarity(candidate.name(), field.name());
            if (similarity > score) {
                score = similarity;
                best = candidate;
            }
        }
        String why = null;
        if (best == null || score < 0.85) {
            // no name alike: a picklist whose allowed values most source values already
            // are
            ValueMatch match = byValues(inputs, document, object, source, field);
            if (match == null) {
                return null;
            }
            best = match.field();
            score = match.overlap() * 0.8;
            why = "values alike: " + Math.round(match.overlap() * 100) + "% of its values are allowed values";
        }
        if (best.referenceTo() != null && field.type() != FieldType.REFERENCE) {
            // a lookup copied into a plain column would hold source ids: not a suggestion
            return null;
        }
        List<String> notes = new ArrayList<>();
        List<Transform> steps = steps(inputs, document, object, source, best, field, notes);
        FieldMapping mapping = new FieldMapping(field.name(), sources(best, steps), steps, null);
        String check = check(inputs, object, best, mapping);
        StringBuilder description = new StringBuilder(field.name() + " ← " + best.name() + " ("
                + ((why != null) ? why : reason(score)) + "): " + mapping.chain().describe());
        notes.forEach((n) -> description.append("; ").append(n));
        if (check != null) {
            description.append("; ").append(check);
        }
        return new Proposal(mapping, description.toString(), score, false);
    }

    /**
     * The source field whose seen values overlap most with a target picklist's allowed
     * values (compared ignoring case, spaces and punctuation), when at least half of them
     * do.
     */
    private ValueMatch byValues(MappingInputs.Inputs inputs, MappingDocument document, ObjectMapping object,
            DictionaryObject source, DictionaryField field) {
        List<String> allowed;
        try {
            allowed = this.picklists.allowed(inputs, document, object.target(), field.name());
        }
        catch (RuntimeException ex) {
            return null;
        }
        if (allowed.isEmpty()) {
            return null;
        }
        java.util.Set<String> normal = new java.util.HashSet<>();
        allowed.forEach((a) -> normal.add(Names.value(a)));
        ValueMatch best = null;
        for (DictionaryField candidate : source.fields()) {
            List<PicklistSuggester.SourceValue> values = PicklistSuggester.sourceValues(candidate);
            long total = values.stream().mapToLong(PicklistSuggester.SourceValue::count).sum();
            if (total == 0) {
                continue;
            }
            long hits = values.stream()
                .filter((v) -> normal.contains(Names.value(v.value())))
                .mapToLong(PicklistSuggester.SourceValue::count)
                .sum();
            double overlap = (double) hits / total;
            if (overlap >= 0.5 && (best == null || overlap > best.overlap())) {
                best = new ValueMatch(candidate, overlap);
            }
        }
        return best;
    }

    private record ValueMatch(DictionaryField field, double overlap) {
    }

    private static List<String> sources(DictionaryField input, List<Transform> steps) {
        List<String> sources = new ArrayList<>();
        sources.add(input.name());
        for (Transform step : steps) {
            String other = (step instanceof PhoneE164 phone) ? phone.regionField()
                    : (step instanceof StateCode state) ? state.countryField() : null;
            if (other != null && !sources.contains(other)) {
                sources.add(other);
            }
        }
        return sources;
    }

    private Proposal reference(MappingDocument document, ObjectMapping object, DictionaryObject source,
            DictionaryField field) {
        // the target field points at a target object; the parent's source object is the
        // one
        // mapped to it, and the source's lookup is the field referencing that object
        for (ObjectMapping parent : document.objects()) {
            if (!parent.target().equalsIgnoreCase(field.referenceTo())) {
                continue;
            }
            DictionaryField best = null;
            double score = 0;
            for (DictionaryField candidate : source.fields()) {
                if (candidate.referenceTo() == null || !candidate.referenceTo().equalsIgnoreCase(parent.source())) {
                    continue;
                }
                double similarity = Math.max(0.5, Names.fieldSimilarity(candidate.name(), field.name()));
                if (similarity > score) {
                    score = similarity;
                    best = candidate;
                }
            }
            if (best == null) {
                // a lookup the profiler could not confirm (mostly blank, like a parent
                // account):
                // taken by name when its values look like ids
                for (DictionaryField candidate : source.fields()) {
                    double similarity = Names.fieldSimilarity(candidate.name(), field.name());
                    boolean idLike = candidate.referenceTo() == null
                            && (candidate.type() == null || candidate.type() == FieldType.ID
                                    || candidate.type() == FieldType.REFERENCE || candidate.type() == FieldType.TEXT);
                    if (idLike && similarity >= 0.88 && similarity > score) {
                        score = similarity * 0.8;
                        best = candidate;
                    }
                }
            }
            if (best != null) {
                // a reference by business key (an account's name) resolves by that field
                // of the parent, as the dictionary found it, whatever id the parent has
                Reference step = (best.referenceKey() != null && best.referenceTo() != null)
                        ? new Reference(parent.source(), best.referenceKey(),
                                best.referenceNormalised() ? Reference.KeyMatch.NORMALISED : Reference.KeyMatch.EXACT)
                        : new Reference(parent.source());
                FieldMapping mapping = new FieldMapping(field.name(), List.of(best.name()), List.of(step), null);
                String how = (step.byField() == null) ? "" : " by its " + step.byField() + (step.normalised()
                        ? " (ignoring case, spaces and punctuation, as some values differ so)" : "");
                return new Proposal(mapping,
                        field.name() + " ← " + best.name() + ": reference to " + parent.source() + how
                                + ", resolved at load time to the " + parent.target() + " record loaded for it",
                        Math.min(0.95, 0.6 + score * 0.35), false);
            }
        }
        return null;
    }

    private List<Transform> steps(MappingInputs.Inputs inputs, MappingDocument document, ObjectMapping object,
            DictionaryObject source, DictionaryField from, DictionaryField to, List<String> notes) {
        List<Transform> steps = new ArrayList<>();
        FieldType type = (to.type() != null) ? to.type() : FieldType.TEXT;
        List<String> allowed = this.picklists.allowed(inputs, document, object.target(), to.name());
        if (!allowed.isEmpty()) {
            Map<String, String> values = new LinkedHashMap<>();
            PicklistSuggester suggester = new PicklistSuggester(allowed, document,
                    PicklistSuggester.canonicalValues(from));
            int unmatched = 0;
            for (PicklistSuggester.SourceValue value : values(inputs, object, from)) {
                PicklistSuggester.Choice choice = suggester.suggest(value.value());
                if (choice != null) {
                    values.putIfAbsent(value.value().strip(), choice.value());
                }
                else {
                    unmatched++;
                }
            }
            if (unmatched > 0) {
                notes.add(unmatched + " source values have no suggested target value: map them or set a default");
            }
            steps.add((type == FieldType.MULTI_PICKLIST) ? new MultiPicklistMap(values, null, true)
                    : new PicklistMap(values, null, true));
            return steps;
        }
        switch (type) {
            case INTEGER, DECIMAL ->
                steps.add(new ParseNumber(locale(from), null, RoundingMode.HALF_UP, type == FieldType.INTEGER));
            case BOOLEAN -> steps.add(new ParseBoolean(null, null, blankIsFalse(from)));
            case DATE, DATETIME -> {
                Integer pivot = twoDigitYearPivot(from);
                steps.add(new ParseDate(dateFormats(from), type == FieldType.DATE, null, pivot));
                if (pivot != null) {
                    notes.add("two-digit years are read as " + pivot + "–" + (pivot + 99)
                            + " (switchyard.profiling.two-digit-year-pivot)");
                }
                if (from.profile().get("formats") instanceof Map<?, ?> formats
                        && Boolean.TRUE.equals(formats.get("ambiguousDayMonth"))) {
                    notes.add("ambiguous day/month: every slash date could be read either way; the formats are "
                            + "tried in the order shown — check them");
                }
            }
            default -> {
                FieldType sourceType = (from.type() != null) ? from.type() : FieldType.TEXT;
                String name = Names.normal(to.name());
                if (sourceType == FieldType.PHONE || name.contains("phone") || name.contains("mobile")
                        || name.equals("fax")) {
                    steps.add(new PhoneE164(null, countryField(source)));
                }
                else if (sourceType == FieldType.EMAIL || name.contains("email")) {
                    steps.add(new NormalizeEmail(true));
                }
                else if (name.contains("country") && to.length() != null && to.length() <= 3) {
                    steps.add(new CountryCode());
                }
                else if ((name.contains("state") || name.contains("province")) && to.length() != null
                        && to.length() <= 3) {
                    steps.add(new StateCode(countryField(source), null));
                }
            }
        }
        return steps;
    }

    private List<PicklistSuggester.SourceValue> values(MappingInputs.Inputs inputs, ObjectMapping object,
            DictionaryField from) {
        if (inputs.snapshotId() == null || from.type() == FieldType.MULTI_PICKLIST) {
            // a multi-select's options, not its combinations of them
            return PicklistSuggester.sourceValues(from);
        }
        return this.staged.distinctValues(inputs.snapshotId(), object.source(), from.name(), 1_000)
            .stream()
            .map((e) -> new PicklistSuggester.SourceValue(e.getKey(), e.getValue()))
            .toList();
    }

    private FieldMapping picklistValues(MappingInputs.Inputs inputs, MappingDocument document, ObjectMapping object,
            DictionaryObject source, FieldMapping field, Set<String> rejected, List<Suggestion> suggestions) {
        Optional<Transform> step = field.transforms()
            .stream()
            .filter((t) -> t instanceof PicklistMap || t instanceof MultiPicklistMap)
            .findFirst();
        Optional<DictionaryField> from = MappingInputs.Inputs.field(source, field.input());
        if (step.isEmpty() || from.isEmpty()) {
            return field;
        }
        List<String> allowed;
        try {
            allowed = this.picklists.allowed(inputs, document, object.target(), field.target());
        }
        catch (RuntimeException ex) {
            return field;
        }
        if (allowed.isEmpty()) {
            return field;
        }
        Map<String, String> values = new LinkedHashMap<>(
                (step.get() instanceof PicklistMap map) ? map.values() : ((MultiPicklistMap) step.get()).values());
        PicklistSuggester suggester = new PicklistSuggester(allowed, document,
                PicklistSuggester.canonicalValues(from.get()));
        boolean added = false;
        for (PicklistSuggester.SourceValue value : values(inputs, object, from.get())) {
            String text = value.value().strip();
            if (values.keySet().stream().anyMatch((k) -> k.equalsIgnoreCase(text))) {
                continue;
            }
            String key = "picklist-value:" + object.source() + ">" + object.target() + ":" + field.target() + ":"
                    + text;
            PicklistSuggester.Choice choice = suggester.suggest(text);
            if (choice == null || rejected.contains(key)) {
                continue;
            }
            values.put(text, choice.value());
            added = true;
            suggestions.add(new Suggestion(
                    key, "picklist-value", object.source(), object.target(), field.target(), "'" + text + "' ("
                            + value.count() + " records) → '" + choice.value() + "' (" + choice.reason() + ")",
                    choice.confidence(), null, text, choice.value()));
        }
        if (!added) {
            return field;
        }
        return withPicklistValues(field, values);
    }

    /**
     * @param field a field mapping with a picklist step
     * @param values the new value map
     * @return the field mapping with the first picklist step's values replaced
     */
    static FieldMapping withPicklistValues(FieldMapping field, Map<String, String> values) {
        List<Transform> steps = new ArrayList<>();
        boolean done = false;
        for (Transform step : field.transforms()) {
            if (!done && step instanceof PicklistMap map) {
                steps.add(new PicklistMap(values, map.defaultValue(), map.caseInsensitive()));
                done = true;
            }
            else if (!done && step instanceof MultiPicklistMap multi) {
                steps.add(new MultiPicklistMap(values, multi.defaultValue(), multi.caseInsensitive()));
                done = true;
            }
            else {
                steps.add(step);
            }
        }
        return new FieldMapping(field.target(), field.sources(), steps, field.note());
    }

    /**
     * Tries a proposed chain on staged values of its source field.
     * @return "accepts all N sampled values", or how many fail with an example, or null
     * when there is nothing to check
     */
    private String check(MappingInputs.Inputs inputs, ObjectMapping object, DictionaryField from,
            FieldMapping mapping) {
        if (inputs.snapshotId() == null || mapping.transforms().isEmpty()) {
            return null;
        }
        Chain chain = mapping.chain();
        int[] counts = new int[2];
        String[] example = new String[1];
        this.staged.each(inputs.snapshotId(), object.source(), CHECK_SAMPLE, (record) -> {
            Object value = record.values().get(from.name());
            if (value == null || value.toString().isBlank()) {
                return;
            }
            counts[0]++;
            try {
                chain.apply(value, new TransformContext(record.sourceId(), record.values(), mapping.target(), null));
            }
            catch (TransformException | IllegalArgumentException ex) {
                counts[1]++;
                if (example[0] == null) {
                    example[0] = value.toString();
                }
            }
        });
        if (counts[0] == 0) {
            return null;
        }
        if (counts[1] == 0) {
            return "accepts all " + counts[0] + " sampled values";
        }
        return "fails on " + counts[1] + " of " + counts[0] + " sampled values, e.g. '" + example[0] + "'";
    }

    private static String locale(DictionaryField field) {
        // a decimal comma without a decimal point in the seen values means a comma locale
        Object top = field.profile().get("topValues");
        int comma = 0;
        int point = 0;
        if (top instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map && map.get("value") != null) {
                    String value = map.get("value").toString();
                    if (value.matches(".*\\d,\\d{1,2}\\s*$") && !value.contains(".")) {
                        comma++;
                    }
                    else if (value.matches(".*\\d\\.\\d+.*")) {
                        point++;
                    }
                }
            }
        }
        return (comma > point) ? "de-DE" : null;
    }

    private static boolean blankIsFalse(DictionaryField field) {
        // the Salesforce export convention: 1 for checked, nothing for unchecked
        List<PicklistSuggester.SourceValue> values = PicklistSuggester.sourceValues(field);
        return field.fillRate() != null && field.fillRate() < 1.0 && !values.isEmpty()
                && values.stream()
                    .allMatch((v) -> Set.of("1", "true", "yes", "y", "x")
                        .contains(v.value().strip().toLowerCase(java.util.Locale.ROOT)));
    }

    private static List<String> dateFormats(DictionaryField field) {
        List<String> formats = new ArrayList<>();
        if (field.profile().get("formats") instanceof Map<?, ?> map && map.get("dateFormats") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> format && format.get("format") != null) {
                    switch (format.get("format").toString()) {
                        case "ISO datetime with zone" -> {
                            add(formats, "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
                            add(formats, "ISO_OFFSET_DATE_TIME");
                        }
                        case "ISO datetime" -> add(formats, "ISO_LOCAL_DATE_TIME");
                        default -> add(formats, format.get("format").toString());
                    }
                }
            }
        }
        return formats.isEmpty() ? null : formats;
    }

    private static Integer twoDigitYearPivot(DictionaryField field) {
        if (field.profile().get("formats") instanceof Map<?, ?> map
                && map.get("twoDigitYearPivot") instanceof Number pivot) {
            return pivot.intValue();
        }
        return null;
    }

    private static void add(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static String countryField(DictionaryObject source) {
        for (String name : List.of("BillingCountry", "MailingCountry", "Country", "ShippingCountry", "OtherCountry")) {
            Optional<DictionaryField> field = MappingInputs.Inputs.field(source, name);
            if (field.isPresent()) {
                return field.get().name();
            }
        }
        return null;
    }

    private static String reason(double score) {
        return (score >= 0.999) ? "same name" : "similar name, " + Math.round(score * 100) + "%";
    }

    /**
     * Applies suggestions to a document: objects are added, fields added where the target
     * field is not mapped yet, match keys set where none is, picklist values added where
     * the value is not mapped yet.
     * @param document the mapping
     * @param accepted the suggestions to apply
     * @return the changed mapping
     */
    public static MappingDocument apply(MappingDocument document, List<Suggestion> accepted) {
        List<ObjectMapping> objects = new ArrayList<>(document.objects());
        for (Suggestion suggestion : accepted) {
            if (suggestion.kind().equals("object")
                    && objects.stream().noneMatch((o) -> o.is(suggestion.source(), suggestion.target()))) {
                objects.add(new ObjectMapping(suggestion.source(), suggestion.target(), null, null, List.of()));
            }
        }
        for (Suggestion suggestion : accepted) {
            for (int i = 0; i < objects.size(); i++) {
                ObjectMapping object = objects.get(i);
                if (!object.is(suggestion.source(), suggestion.target())) {
                    continue;
                }
                switch (suggestion.kind()) {
                    case "field" -> {
                        if (object.field(suggestion.field()).isEmpty() && suggestion.fieldMapping() != null) {
                            List<FieldMapping> fields = new ArrayList<>(object.fields());
                            fields.add(suggestion.fieldMapping());
                            objects.set(i, object.withFields(fields));
                        }
                    }
                    case "match-key" -> {
                        if (object.matchKey() == null) {
                            objects.set(i, object.withFilterAndMatchKey(object.filter(), suggestion.field()));
                        }
                    }
                    case "picklist-value" -> object.field(suggestion.field()).ifPresent((field) -> {
                        Map<String, String> values = picklistValues(field);
                        if (values != null && values.keySet()
                            .stream()
                            .noneMatch((k) -> k.equalsIgnoreCase(suggestion.value().strip()))) {
                            values.put(suggestion.value().strip(), suggestion.valueTarget());
                            List<FieldMapping> fields = new ArrayList<>(object.fields());
                            fields.replaceAll((f) -> (f == field) ? withPicklistValues(f, values) : f);
                            objects.set(objects.indexOf(object), object.withFields(fields));
                        }
                    });
                    default -> {
                    }
                }
            }
        }
        return document.withObjects(objects);
    }

    static Map<String, String> picklistValues(FieldMapping field) {
        for (Transform step : field.transforms()) {
            if (step instanceof PicklistMap map) {
                return new LinkedHashMap<>(map.values());
            }
            if (step instanceof MultiPicklistMap multi) {
                return new LinkedHashMap<>(multi.values());
            }
        }
        return null;
    }

    /**
     * Suggestions and the mapping with all of them applied.
     *
     * @param mapping the current mapping plus every suggestion
     * @param suggestions the suggestions
     */
    public record Result(MappingDocument mapping, List<Suggestion> suggestions) {
    }

    private record Proposal(FieldMapping mapping, String description, double confidence, boolean matchKey) {
    }

}
