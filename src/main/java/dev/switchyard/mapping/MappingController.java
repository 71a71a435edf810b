package dev.switchyard.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.mapping.transform.Chain;
import dev.switchyard.mapping.transform.MultiPicklistMap;
import dev.switchyard.mapping.transform.PicklistMap;
import dev.switchyard.mapping.transform.Transform;
import dev.switchyard.mapping.transform.TransformContext;
import dev.switchyard.mapping.transform.TransformException;
import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.scope.rule.Operator;
import dev.switchyard.staging.StagedRecords;
import dev.switchyard.system.FormErrors;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mapping pages: the overview of object mappings, an object mapping's fields with
 * their issues inline, the field mapping form (a chain of transforms tried on real
 * records as it is edited), the picklist mapping, suggestions to accept or reject, the
 * preview, and the version history.
 */
@Controller
class MappingController {

    private static final int SAMPLE = 5;

    private final MappingService mappings;

    private final MappingInputs inputs;

    private final MappingWorkbench workbench;

    private final MappingValidator validator;

    private final MappingSuggester suggester;

    private final TargetPicklists picklists;

    private final TransformForms forms;

    private final StagedRecords staged;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    private final dev.switchyard.project.ProjectService projects;

    MappingController(dev.switchyard.project.ProjectService projects, MappingService mappings, MappingInputs inputs,
            MappingWorkbench workbench, MappingValidator validator, MappingSuggester suggester,
            TargetPicklists picklists, TransformForms forms, StagedRecords staged, ProjectAccess access,
            WorkspaceModel workspace) {
        this.mappings = mappings;
        this.inputs = inputs;
        this.workbench = workbench;
        this.validator = validator;
        this.suggester = suggester;
        this.picklists = picklists;
        this.forms = forms;
        this.staged = staged;
        this.access = access;
        this.workspace = workspace;
        this.projects = projects;
    }

    // ---------------------------------------------------------------- overview

    @GetMapping("/projects/{projectId}/mapping")
    String overview(@PathVariable Long projectId, Model model) {
        this.workspace.fill(projectId, model, "mapping");
        MappingVersion current = this.mappings.current(projectId);
        MappingInputs.Inputs in = this.inputs.load(projectId);
        MappingValidator.Report report = this.validator.validate(in, current.document());
        List<ObjectRow> rows = new ArrayList<>();
        for (ObjectMapping object : current.document().objects()) {
            long errors = report.errors().stream().filter((i) -> i.concerns(object.source(), object.target())).count();
            long warnings = report.warnings()
                .stream()
                .filter((i) -> i.concerns(object.source(), object.target()))
                .count();
            rows.add(new ObjectRow(object, errors, warnings, objectUrl(projectId, object)));
        }
        model.addAttribute("current", current);
        model.addAttribute("rows", rows);
        model.addAttribute("report", report);
        model.addAttribute("general",
                concat(report.errors(), report.warnings()).stream().filter((i) -> i.source() == null).toList());
        model.addAttribute("inputs", in);
        model.addAttribute("sources", in.source().stream().map(DictionaryObject::name).toList());
        model.addAttribute("targets", in.target().stream().map(DictionaryObject::name).toList());
        model.addAttribute("otherEnvironments",
                this.projects.environments(projectId)
                    .stream()
                    .map(dev.switchyard.project.Environment::getName)
                    .filter((n) -> !n.equalsIgnoreCase(in.environment()))
                    .toList());
        return "mapping/overview";
    }

    @PostMapping("/projects/{projectId}/mapping/objects")
    String addObject(@PathVariable Long projectId, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String source, @RequestParam(required = false) String target,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        if (blank(source) || blank(target)) {
            redirect.addFlashAttribute("flashError", "Choose both a source object and a target object.");
            return "redirect:/projects/" + projectId + "/mapping";
        }
        ObjectMapping added = new ObjectMapping(source.trim(), target.trim(), null, null, List.of());
        try {
            MappingVersion saved = this.mappings.edit(projectId, required(version),
                    (d) -> d.object(source, target).isPresent(), (d) -> {
                        if (d.object(source, target).isPresent()) {
                            throw new InvalidInputException("source", added.label() + " is already mapped");
                        }
                        List<ObjectMapping> objects = new ArrayList<>(d.objects());
                        objects.add(added);
                        return d.withObjects(objects);
                    }, "added " + added.label());
            redirect.addFlashAttribute("flash", "Added " + added.label() + " (version " + saved.version() + ").");
            return "redirect:" + objectUrl(projectId, added);
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
            return "redirect:/projects/" + projectId + "/mapping";
        }
    }

    @PostMapping("/projects/{projectId}/mapping/objects/remove")
    String removeObject(@PathVariable Long projectId, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String source, @RequestParam(required = false) String target,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            MappingVersion saved = this.mappings.edit(projectId, required(version), (d) -> d.object(source, target),
                    (d) -> d.withObjects(d.objects().stream().filter((o) -> !o.is(source, target)).toList()),
                    "removed " + source + " → " + target);
            redirect.addFlashAttribute("flash",
                    "Removed " + source + " → " + target + " (version " + saved.version() + ").");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/mapping";
    }

    @PostMapping("/projects/{projectId}/mapping/picklist-sources")
    String addPicklistSource(@PathVariable Long projectId, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String field, @RequestParam(required = false) String lookup,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            String[] target = split(field, "the target field (object.field)");
            String[] table = split(lookup, "the lookup table's column (table.column)");
            PicklistSource source = new PicklistSource(target[0], target[1], table[0], table[1]);
            MappingInputs.Inputs in = this.inputs.load(projectId);
            List<String> values = this.picklists.lookup(in, source);
            MappingVersion saved = this.mappings.edit(projectId, required(version),
                    (d) -> d.picklistSource(source.object(), source.field()), (d) -> {
                        List<PicklistSource> list = new ArrayList<>(d.picklistSources()
                            .stream()
                            .filter((p) -> !(p.object().equalsIgnoreCase(source.object())
                                    && p.field().equalsIgnoreCase(source.field())))
                            .toList());
                        list.add(source);
                        return new MappingDocument(d.version(), d.objects(), list, d.rejectedSuggestions());
                    }, "picklist source of " + field + ": " + lookup);
            redirect.addFlashAttribute("flash", field + " now takes its " + values.size() + " allowed values from "
                    + lookup + " (version " + saved.version() + ").");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/mapping";
    }

    @PostMapping("/projects/{projectId}/mapping/picklist-sources/remove")
    String removePicklistSource(@PathVariable Long projectId, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String object, @RequestParam(required = false) String field,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            this.mappings.edit(projectId, required(version), (d) -> d.picklistSource(object, field),
                    (d) -> new MappingDocument(d.version(), d.objects(), d.picklistSources()
                        .stream()
                        .filter((p) -> !(p.object().equalsIgnoreCase(object) && p.field().equalsIgnoreCase(field)))
                        .toList(), d.rejectedSuggestions()),
                    "removed the picklist source of " + object + "." + field);
            redirect.addFlashAttribute("flash", object + "." + field + " takes its values from its schema again.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/mapping";
    }

    // ---------------------------------------------------------------- one object mapping

    @GetMapping("/projects/{projectId}/mapping/object")
    String object(@PathVariable Long projectId, @RequestParam(required = false) String source,
            @RequestParam(required = false) String target, Model model) {
        MappingVersion current = this.mappings.current(projectId);
        ObjectMapping object = requireObject(current.document(), source, target);
        fillObject(projectId, current, object, FilterForm.of(object, current.version()), model);
        return "mapping/object";
    }

    @PostMapping("/projects/{projectId}/mapping/object")
    String saveObject(@PathVariable Long projectId, @RequestParam(required = false) String source,
            @RequestParam(required = false) String target, @ModelAttribute("filterForm") FilterForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        MappingVersion current = this.mappings.current(projectId);
        ObjectMapping object = requireObject(current.document(), source, target);
        try {
            SourceFilter filter = form.toFilter();
            String matchKey = blank(form.getMatchKey()) ? null : form.getMatchKey().trim();
            MappingVersion saved = this.mappings.edit(projectId, required(form.getVersion()),
                    (d) -> d.object(source, target).map((o) -> Arrays.asList(o.matchKey(), o.filter())),
                    (d) -> replaceObject(d, requireObject(d, source, target),
                            (o) -> o.withFilterAndMatchKey(filter, matchKey)),
                    object.label() + ": match key and filter");
            redirect.addFlashAttribute("flash", "Saved " + object.label() + " (version " + saved.version() + ").");
            return "redirect:" + objectUrl(projectId, object);
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            fillObject(projectId, current, object, form, model);
            return "mapping/object";
        }
    }

    private void fillObject(Long projectId, MappingVersion current, ObjectMapping object, FilterForm form,
            Model model) {
        this.workspace.fill(projectId, model, "mapping");
        MappingInputs.Inputs in = this.inputs.load(projectId);
        MappingValidator.Report report = this.validator.validate(in, current.document());
        DictionaryObject target = in.targetObject(object.target()).orElse(null);
        DictionaryObject source = in.sourceObject(object.source()).orElse(null);
        List<FieldRow> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (target != null) {
            target.fields().forEach((f) -> names.add(f.name()));
        }
        object.fields()
            .stream()
            .map(FieldMapping::target)
            .filter((n) -> names.stream().noneMatch(n::equalsIgnoreCase))
            .forEach(names::add);
        for (String name : names) {
            DictionaryField field = MappingInputs.Inputs.field(target, name).orElse(null);
            FieldMapping mapping = object.field(name).orElse(null);
            boolean picklist = (mapping != null && MappingSuggester.picklistValues(mapping) != null)
                    || (field != null && (!field.picklistValues().isEmpty()
                            || current.document().picklistSource(object.target(), name).isPresent()));
            rows.add(new FieldRow(name, field, mapping, (mapping != null) ? rule(mapping) : null,
                    report.at(object.source(), object.target(), name), picklist, fieldUrl(projectId, object, name),
                    picklistUrl(projectId, object, name),
                    report.at(object.source(), object.target(), name).stream().anyMatch(report::isError)));
        }
        model.addAttribute("current", current);
        model.addAttribute("object", object);
        model.addAttribute("rows", rows);
        model.addAttribute("report", report);
        model.addAttribute("objectIssues", report.at(object.source(), object.target(), null));
        model.addAttribute("targetFields", names);
        model.addAttribute("sourceFields",
                (source != null) ? source.fields().stream().map(DictionaryField::name).toList() : List.of());
        model.addAttribute("operators", Arrays.stream(Operator.values()).filter((o) -> !o.relation()).toList());
        model.addAttribute("filterForm", form);
        model.addAttribute("previewUrl", "/projects/" + projectId + "/mapping/preview?object=" + object.source());
        model.addAttribute("unmapped", UnmappedFields.of(in, current.document(), object));
    }

    // ---------------------------------------------------------------- one field mapping

    @GetMapping("/projects/{projectId}/mapping/field")
    String field(@PathVariable Long projectId, @RequestParam(required = false) String source,
            @RequestParam(required = false) String target, @RequestParam(required = false) String field, Model model) {
        MappingVersion current = this.mappings.current(projectId);
        ObjectMapping object = requireObject(current.document(), source, target);
        FieldForm form = new FieldForm();
        form.setVersion(current.version());
        Optional<FieldMapping> existing = blank(field) ? Optional.empty() : object.field(field);
        form.setField(existing.map(FieldMapping::target).orElse(blank(field) ? null : field.trim()));
        form.setOriginalField(existing.map(FieldMapping::target).orElse(null));
        existing.ifPresent((m) -> {
            form.setInput(m.input());
            form.setExtraSources(String.join("; ", m.sources().stream().skip(1).toList()));
            form.setNote(m.note());
            m.transforms().forEach((t) -> form.getSteps().add(this.forms.toForm(t)));
        });
        fillField(projectId, current, object, form, model);
        return "mapping/field";
    }

    @PostMapping("/projects/{projectId}/mapping/field")
    String saveField(@PathVariable Long projectId, @RequestParam(required = false) String source,
            @RequestParam(required = false) String target, @RequestParam(defaultValue = "save") String action,
            @ModelAttribute("form") FieldForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        MappingVersion current = this.mappings.current(projectId);
        ObjectMapping object = requireObject(current.document(), source, target);
        List<StepForm> steps = form.getSteps();
        steps.removeIf((s) -> s == null);
        if (action.equals("add")) {
            steps.add(new StepForm("trim", Map.of()));
        }
        else if (action.startsWith("remove-") || action.startsWith("up-")) {
            int index = index(action);
            if (index >= 0 && index < steps.size()) {
                StepForm step = steps.remove(index);
                if (action.startsWith("up-")) {
                    steps.add(Math.max(0, index - 1), step);
                }
            }
        }
        if (!action.equals("save")) {
            fillField(projectId, current, object, form, model);
            return "mapping/field";
        }
        try {
            FieldMapping mapping = toMapping(form);
            String original = blank(form.getOriginalField()) ? null : form.getOriginalField();
            MappingVersion saved = this.mappings.edit(projectId, required(form.getVersion()),
                    (d) -> d.object(source, target)
                        .map((o) -> Arrays.asList(o.field(mapping.target()).orElse(null),
                                (original != null) ? o.field(original).orElse(null) : null)),
                    (d) -> replaceObject(d, requireObject(d, source, target), (o) -> {
                        List<FieldMapping> fields = new ArrayList<>();
                        boolean placed = false;
                        for (FieldMapping f : o.fields()) {
                            boolean same = f.target().equalsIgnoreCase(mapping.target());
                            boolean renamed = original != null && f.target().equalsIgnoreCase(original);
                            if (same || renamed) {
                                if (!placed) {
                                    fields.add(mapping);
                                    placed = true;
                                }
                                if (same && !renamed && original != null
                                        && !original.equalsIgnoreCase(mapping.target())) {
                                    throw new InvalidInputException("field",
                                            mapping.target() + " is already mapped: edit that mapping instead");
                                }
                            }
                            else {
                                fields.add(f);
                            }
                        }
                        if (!placed) {
                            fields.add(mapping);
                        }
                        return o.withFields(fields);
                    }), object.label() + ": " + mapping.target() + " ← " + mapping.chain().describe());
            redirect.addFlashAttribute("flash",
                    "Saved " + object.target() + "." + mapping.target() + " (version " + saved.version() + ").");
            return "redirect:" + objectUrl(projectId, object);
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            fillField(projectId, current, object, form, model);
            return "mapping/field";
        }
    }

    @PostMapping("/projects/{projectId}/mapping/field/remove")
    String removeField(@PathVariable Long projectId, @RequestParam(required = false) String source,
            @RequestParam(required = false) String target, @RequestParam(required = false) String field,
            @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        ObjectMapping object = requireObject(this.mappings.current(projectId).document(), source, target);
        try {
            MappingVersion saved = this.mappings
                .edit(projectId, required(version), (d) -> d.object(source, target).flatMap((o) -> o.field(field)),
                        (d) -> replaceObject(d, requireObject(d, source, target), (o) -> o.withFields(
                                o.fields().stream().filter((f) -> !f.target().equalsIgnoreCase(field)).toList())),
                        object.label() + ": removed " + field);
            redirect.addFlashAttribute("flash",
                    "Removed the mapping of " + object.target() + "." + field + " (version " + saved.version() + ").");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:" + objectUrl(projectId, object);
    }

    private FieldMapping toMapping(FieldForm form) {
        if (blank(form.getField())) {
            throw new InvalidInputException("field", "Choose the target field");
        }
        List<String> sources = new ArrayList<>();
        if (!blank(form.getInput())) {
            sources.add(form.getInput().trim());
        }
        if (!blank(form.getExtraSources())) {
            Arrays.stream(form.getExtraSources().split(";"))
                .map(String::trim)
                .filter((s) -> !s.isEmpty() && !sources.contains(s))
                .forEach(sources::add);
        }
        return new FieldMapping(form.getField().trim(), sources, this.forms.fromForms(form.getSteps()), form.getNote());
    }

    private void fillField(Long projectId, MappingVersion current, ObjectMapping object, FieldForm form, Model model) {
        this.workspace.fill(projectId, model, "mapping");
        MappingInputs.Inputs in = this.inputs.load(projectId);
        DictionaryObject source = in.sourceObject(object.source()).orElse(null);
        DictionaryObject target = in.targetObject(object.target()).orElse(null);
        List<Map<String, Object>> params = new ArrayList<>();
        for (StepForm step : form.getSteps()) {
            params.add(Map.of("params", this.forms.params(step.getType())));
        }
        model.addAttribute("current", current);
        model.addAttribute("object", object);
        model.addAttribute("form", form);
        model.addAttribute("stepParams", params);
        model.addAttribute("types", this.forms.types());
        model.addAttribute("sourceFields",
                (source != null) ? source.fields().stream().map(DictionaryField::name).toList() : List.of());
        model.addAttribute("targetFields",
                (target != null)
                        ? target.fields().stream().filter((f) -> !f.generated()).map(DictionaryField::name).toList()
                        : List.of());
        model.addAttribute("targetField", MappingInputs.Inputs.field(target, form.getField()).orElse(null));
        model.addAttribute("objectUrl", objectUrl(projectId, object));
        MappingValidator.Report report = this.validator.validate(in, current.document());
        model.addAttribute("report", report);
        model.addAttribute("issues",
                blank(form.getField()) ? List.of() : report.at(object.source(), object.target(), form.getField()));
        model.addAttribute("samples", samples(in, object, form));
    }

    /**
     * The form's chain, unsaved, on a few staged records, so the analyst sees what it
     * does before saving.
     */
    private List<SampleRow> samples(MappingInputs.Inputs in, ObjectMapping object, FieldForm form) {
        if (in.snapshotId() == null || blank(form.getField())) {
            return List.of();
        }
        Chain chain;
        try {
            chain = new Chain(this.forms.fromForms(form.getSteps()));
        }
        catch (InvalidInputException ex) {
            return List.of();
        }
        Integer length = in.lengths(object.target()).get(form.getField());
        String input = blank(form.getInput()) ? null : form.getInput().trim();
        List<SampleRow> rows = new ArrayList<>();
        this.staged.each(in.snapshotId(), object.source(), SAMPLE, (record) -> {
            Object value = (input != null) ? record.values().get(input) : null;
            TransformContext context = new TransformContext(record.sourceId(), record.values(), form.getField(),
                    length);
            try {
                Chain.Result result = chain.apply(value, context);
                rows.add(new SampleRow(record.sourceId(), text(value), text(result.value()), null,
                        String.join("; ", result.notes())));
            }
            catch (TransformException ex) {
                rows.add(new SampleRow(record.sourceId(), text(value), null, ex.getMessage(), null));
            }
            catch (RuntimeException ex) {
                rows.add(new SampleRow(record.sourceId(), text(value), null, ex.getMessage(), null));
            }
        });
        return rows;
    }

    // ---------------------------------------------------------------- picklist mapping

    @GetMapping("/projects/{projectId}/mapping/picklist")
    String picklist(@PathVariable Long projectId, @RequestParam(required = false) String source,
            @RequestParam(required = false) String target, @RequestParam(required = false) String field, Model model) {
        MappingVersion current = this.mappings.current(projectId);
        ObjectMapping object = requireObject(current.document(), source, target);
        FieldMapping mapping = object.field(field)
            .orElseThrow(() -> new NotFoundException(
                    "Map " + object.target() + "." + field + " to a source field first, then its values"));
        fillPicklist(projectId, current, object, mapping, null, null, model);
        return "mapping/picklist";
    }

    @PostMapping("/projects/{projectId}/mapping/picklist")
    String savePicklist(@PathVariable Long projectId, @RequestParam(required = false) String source,
            @RequestParam(required = false) String target, @RequestParam(required = false) String field,
            @RequestParam(required = false) Integer version, @RequestParam(defaultValue = "save") String action,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        MappingVersion current = this.mappings.current(projectId);
        ObjectMapping object = requireObject(current.document(), source, target);
        FieldMapping mapping = object.field(field)
            .orElseThrow(() -> new NotFoundException("There is no mapping of " + object.target() + "." + field));
        // rows come as value-N (the source value) and target-N (the chosen target value)
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> chosen = new LinkedHashMap<>();
        List<String> selected = new ArrayList<>();
        for (int i = 0; params.containsKey("value-" + i); i++) {
            String value = params.get("value-" + i);
            String choice = params.get("target-" + i);
            chosen.put(value, choice);
            if (params.containsKey("select-" + i)) {
                selected.add(value);
            }
        }
        String bulk = params.get("bulkTarget");
        if (action.equals("bulk")) {
            if (blank(bulk) || selected.isEmpty()) {
                fillPicklist(projectId, current, object, mapping, chosen,
                        "Tick the values to assign and choose the target value for them.", model);
                return "mapping/picklist";
            }
            selected.forEach((v) -> chosen.put(v, bulk));
        }
        if (action.equals("suggest")) {
            MappingInputs.Inputs in = this.inputs.load(projectId);
            PicklistSuggester suggester = new PicklistSuggester(
                    this.picklists.allowed(in, current.document(), object.target(), mapping.target()),
                    current.document());
            chosen.replaceAll((v, t) -> {
                if (!blank(t)) {
                    return t;
                }
                PicklistSuggester.Choice choice = suggester.suggest(v);
                return (choice != null) ? choice.value() : t;
            });
        }
        if (!action.equals("save")) {
            fillPicklist(projectId, current, object, mapping, chosen, null, model);
            return "mapping/picklist";
        }
        chosen.forEach((v, t) -> {
            if (!blank(t)) {
                values.put(v, t);
            }
        });
        String defaultValue = blank(params.get("defaultValue")) ? null : params.get("defaultValue");
        boolean caseInsensitive = params.containsKey("caseInsensitive");
        boolean multi = MappingSuggester.picklistValues(mapping) == null ? this.inputs.load(projectId)
            .targetObject(object.target())
            .flatMap((o) -> MappingInputs.Inputs.field(o, mapping.target()))
            .map((f) -> f.type() == dev.switchyard.connector.FieldType.MULTI_PICKLIST)
            .orElse(false) : mapping.transforms().stream().anyMatch(MultiPicklistMap.class::isInstance);
        Transform step = multi ? new MultiPicklistMap(values, defaultValue, caseInsensitive)
                : new PicklistMap(values, defaultValue, caseInsensitive);
        try {
            MappingVersion saved = this.mappings.edit(projectId, required(version),
                    (d) -> d.object(source, target).flatMap((o) -> o.field(field)),
                    (d) -> replaceObject(d, requireObject(d, source, target),
                            (o) -> o.withFields(o.fields()
                                .stream()
                                .map((f) -> f.target().equalsIgnoreCase(field) ? withPicklist(f, step) : f)
                                .toList())),
                    object.label() + ": " + values.size() + " picklist values of " + field);
            redirect.addFlashAttribute("flash", "Saved " + values.size() + " value mappings of " + object.target() + "."
                    + field + " (version " + saved.version() + ").");
            return "redirect:" + objectUrl(projectId, object);
        }
        catch (InvalidInputException ex) {
            fillPicklist(projectId, current, object, mapping, chosen, ex.getMessage(), model);
            return "mapping/picklist";
        }
    }

    private static FieldMapping withPicklist(FieldMapping field, Transform step) {
        List<Transform> steps = new ArrayList<>();
        boolean replaced = false;
        for (Transform t : field.transforms()) {
            if (!replaced && (t instanceof PicklistMap || t instanceof MultiPicklistMap)) {
                steps.add(step);
                replaced = true;
            }
            else {
                steps.add(t);
            }
        }
        if (!replaced) {
            steps.add(step);
        }
        return new FieldMapping(field.target(), field.sources(), steps, field.note());
    }

    private void fillPicklist(Long projectId, MappingVersion current, ObjectMapping object, FieldMapping mapping,
            Map<String, String> chosen, String error, Model model) {
        this.workspace.fill(projectId, model, "mapping");
        MappingInputs.Inputs in = this.inputs.load(projectId);
        List<String> allowed;
        String allowedError = null;
        try {
            allowed = this.picklists.allowed(in, current.document(), object.target(), mapping.target());
        }
        catch (InvalidInputException ex) {
            allowed = List.of();
            allowedError = ex.getMessage();
        }
        Map<String, String> values = Optional.ofNullable(MappingSuggester.picklistValues(mapping)).orElse(Map.of());
        PicklistSuggester suggester = new PicklistSuggester(allowed, current.document());
        List<PicklistRow> rows = new ArrayList<>();
        List<Map.Entry<String, Long>> distinct = (in.snapshotId() != null && mapping.input() != null)
                ? this.staged.distinctValues(in.snapshotId(), object.source(), mapping.input(), 1_000) : List.of();
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, Long> entry : distinct) {
            seen.add(entry.getKey());
            rows.add(row(entry.getKey(), entry.getValue(), values, chosen, suggester));
        }
        values.keySet()
            .stream()
            .filter((v) -> seen.stream().noneMatch(v::equalsIgnoreCase))
            .forEach((v) -> rows.add(row(v, 0, values, chosen, suggester)));
        Transform step = mapping.transforms()
            .stream()
            .filter((t) -> t instanceof PicklistMap || t instanceof MultiPicklistMap)
            .findFirst()
            .orElse(null);
        model.addAttribute("current", current);
        model.addAttribute("object", object);
        model.addAttribute("mapping", mapping);
        model.addAttribute("rows", rows);
        model.addAttribute("allowed", allowed);
        model.addAttribute("allowedError", allowedError);
        model.addAttribute("defaultValue", (step instanceof PicklistMap p) ? p.defaultValue()
                : (step instanceof MultiPicklistMap m) ? m.defaultValue() : null);
        model.addAttribute("caseInsensitive", (step instanceof PicklistMap p) ? p.caseInsensitive()
                : (step instanceof MultiPicklistMap m) ? m.caseInsensitive() : true);
        model.addAttribute("unmapped", rows.stream().filter((r) -> blank(r.target())).count());
        model.addAttribute("error", error);
        model.addAttribute("objectUrl", objectUrl(projectId, object));
    }

    private static PicklistRow row(String value, long count, Map<String, String> values, Map<String, String> chosen,
            PicklistSuggester suggester) {
        String target = (chosen != null) ? chosen.get(value)
                : values.entrySet()
                    .stream()
                    .filter((e) -> e.getKey().equalsIgnoreCase(value.strip()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        PicklistSuggester.Choice choice = suggester.suggest(value);
        return new PicklistRow(value, count, target, (choice != null) ? choice.value() : null,
                (choice != null) ? choice.reason() : null);
    }

    // ---------------------------------------------------------------- suggestions

    @GetMapping("/projects/{projectId}/mapping/suggestions")
    String suggestions(@PathVariable Long projectId, Model model) {
        this.workspace.fill(projectId, model, "mapping");
        MappingVersion current = this.mappings.current(projectId);
        MappingInputs.Inputs in = this.inputs.load(projectId);
        model.addAttribute("current", current);
        model.addAttribute("inputs", in);
        model.addAttribute("suggestions", this.suggester.suggest(in, current.document()).suggestions());
        return "mapping/suggestions";
    }

    @PostMapping("/projects/{projectId}/mapping/suggestions")
    String decideSuggestions(@PathVariable Long projectId, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) List<String> keys, @RequestParam(defaultValue = "accept") String action,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        if (keys == null || keys.isEmpty()) {
            redirect.addFlashAttribute("flashError", "Tick the suggestions to " + action + ".");
            return "redirect:/projects/" + projectId + "/mapping/suggestions";
        }
        MappingVersion current = this.mappings.current(projectId);
        List<Suggestion> all = this.suggester.suggest(this.inputs.load(projectId), current.document()).suggestions();
        List<Suggestion> picked = all.stream().filter((s) -> keys.contains(s.key())).toList();
        try {
            boolean accept = !action.equals("reject");
            MappingVersion saved = this.mappings.edit(projectId, required(version), (d) -> d, (d) -> {
                if (accept) {
                    return MappingSuggester.apply(d, picked);
                }
                List<String> rejected = new ArrayList<>(d.rejectedSuggestions());
                picked.stream().map(Suggestion::key).filter((k) -> !rejected.contains(k)).forEach(rejected::add);
                return new MappingDocument(d.version(), d.objects(), d.picklistSources(), rejected);
            }, (accept ? "accepted " : "rejected ") + picked.size() + " suggestions");
            redirect.addFlashAttribute("flash", (accept ? "Accepted " : "Rejected ") + picked.size()
                    + " suggestions (version " + saved.version() + ").");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/mapping/suggestions";
    }

    // ---------------------------------------------------------------- preview and
    // history

    @GetMapping("/projects/{projectId}/mapping/preview")
    String preview(@PathVariable Long projectId, @RequestParam(required = false) String object,
            @RequestParam(required = false) String ids, @RequestParam(defaultValue = "5") int sample, Model model) {
        this.workspace.fill(projectId, model, "mapping");
        MappingVersion current = this.mappings.current(projectId);
        List<String> objects = current.document().objects().stream().map(ObjectMapping::source).distinct().toList();
        model.addAttribute("current", current);
        model.addAttribute("objects", objects);
        model.addAttribute("object", object);
        model.addAttribute("ids", ids);
        model.addAttribute("sample", Math.max(1, Math.min(sample, MappingPreview.MAX_RECORDS)));
        if (!blank(object)) {
            List<String> idList = blank(ids) ? List.of()
                    : Arrays.stream(ids.split("[\\s,;]+")).filter((s) -> !s.isBlank()).toList();
            try {
                List<MappingPreview.Row> rows = this.workbench.preview(projectId, object, idList, sample);
                List<PreviewView> views = new ArrayList<>();
                for (MappingPreview.Row row : rows) {
                    ObjectMapping mapping = current.document()
                        .fromSource(object)
                        .stream()
                        .filter((o) -> o.target().equals(row.targetObject()))
                        .findFirst()
                        .orElseThrow();
                    views.add(PreviewView.of(row, mapping));
                }
                model.addAttribute("rows", views);
            }
            catch (InvalidInputException | NotFoundException ex) {
                model.addAttribute("error", ex.getMessage());
            }
        }
        return "mapping/preview";
    }

    @GetMapping("/projects/{projectId}/mapping/schema-check")
    String schemaCheck(@PathVariable Long projectId, @RequestParam(required = false) String environment, Model model) {
        this.workspace.fill(projectId, model, "mapping");
        model.addAttribute("current", this.mappings.current(projectId));
        model.addAttribute("environment", environment);
        try {
            model.addAttribute("check", this.workbench.schemaCheck(projectId, environment));
        }
        catch (InvalidInputException | NotFoundException ex) {
            model.addAttribute("error", ex.getMessage());
        }
        return "mapping/schema-check";
    }

    @GetMapping("/projects/{projectId}/mapping/versions")
    String versions(@PathVariable Long projectId, Model model) {
        this.workspace.fill(projectId, model, "mapping");
        model.addAttribute("current", this.mappings.current(projectId));
        model.addAttribute("versions", this.mappings.history(projectId));
        return "mapping/versions";
    }

    // ---------------------------------------------------------------- helpers

    private static MappingDocument replaceObject(MappingDocument document, ObjectMapping object,
            java.util.function.UnaryOperator<ObjectMapping> change) {
        return document
            .withObjects(document.objects().stream().map((o) -> (o == object) ? change.apply(o) : o).toList());
    }

    private static ObjectMapping requireObject(MappingDocument document, String source, String target) {
        if (blank(source) || blank(target)) {
            throw new NotFoundException("Name the object mapping's source and target");
        }
        return document.object(source, target)
            .orElseThrow(() -> new NotFoundException("There is no mapping of " + source + " to " + target));
    }

    private static int required(Integer version) {
        if (version == null) {
            throw new InvalidInputException("version", "The form did not say which version it was read at: reload");
        }
        return version;
    }

    private static String[] split(String qualified, String what) {
        if (blank(qualified) || !qualified.contains(".")) {
            throw new InvalidInputException("field", "Choose " + what);
        }
        int dot = qualified.indexOf('.');
        return new String[] { qualified.substring(0, dot).trim(), qualified.substring(dot + 1).trim() };
    }

    private static int index(String action) {
        try {
            return Integer.parseInt(action.substring(action.indexOf('-') + 1));
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static String rule(FieldMapping mapping) {
        String from = mapping.sources().isEmpty() ? "(no source field)" : String.join(" + ", mapping.sources());
        return from + ": " + mapping.chain().describe();
    }

    static String objectUrl(Long projectId, ObjectMapping object) {
        return url(projectId, "object", object, null);
    }

    static String fieldUrl(Long projectId, ObjectMapping object, String field) {
        return url(projectId, "field", object, field);
    }

    static String picklistUrl(Long projectId, ObjectMapping object, String field) {
        return url(projectId, "picklist", object, field);
    }

    private static String url(Long projectId, String page, ObjectMapping object, String field) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/projects/{id}/mapping/" + page)
            .queryParam("source", object.source())
            .queryParam("target", object.target());
        if (field != null) {
            builder.queryParam("field", field);
        }
        return builder.buildAndExpand(projectId).encode().toUriString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String text(Object value) {
        return (value != null) ? value.toString() : null;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * An object mapping in the overview.
     *
     * @param mapping the mapping
     * @param errors its errors
     * @param warnings its warnings
     * @param url its page
     */
    record ObjectRow(ObjectMapping mapping, long errors, long warnings, String url) {
    }

    /**
     * A target field on the object mapping page.
     *
     * @param name the field
     * @param field its dictionary entry, or null when the target does not have it
     * @param mapping its mapping, or null when unmapped
     * @param rule the mapping in words
     * @param issues validation's findings on it
     * @param picklist whether it has values to map
     * @param url the field form
     * @param picklistUrl the picklist page
     */
    record FieldRow(String name, DictionaryField field, FieldMapping mapping, String rule, List<MappingIssue> issues,
            boolean picklist, String url, String picklistUrl, boolean error) {
    }

    /**
     * A staged record run through the form's chain.
     *
     * @param sourceId the record
     * @param input the value the chain starts from
     * @param result what it makes
     * @param error why it could not, or null
     * @param notes deliberate losses
     */
    record SampleRow(String sourceId, String input, String result, String error, String notes) {
    }

    /**
     * A source value on the picklist page.
     *
     * @param value the source value
     * @param count how many records have it
     * @param target its target value, or null when unmapped
     * @param suggestion the suggested target value, or null
     * @param reason why
     */
    record PicklistRow(String value, long count, String target, String suggestion, String reason) {
    }

    /**
     * A previewed record laid out field by field.
     *
     * @param sourceId the record
     * @param targetObject the target object
     * @param included whether the source filter takes it
     * @param fields the target fields
     */
    record PreviewView(String sourceId, String targetObject, Boolean included, List<PreviewField> fields) {

        static PreviewView of(MappingPreview.Row row, ObjectMapping mapping) {
            List<PreviewField> fields = new ArrayList<>();
            for (FieldMapping field : mapping.fields()) {
                String sourceValues = field.sources()
                    .stream()
                    .map((s) -> s + " = " + ((row.source().get(s) != null) ? "'" + row.source().get(s) + "'" : "null"))
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("");
                TransformError error = row.errors()
                    .stream()
                    .filter((e) -> e.field().equals(field.target()))
                    .findFirst()
                    .orElse(null);
                Object value = row.target().get(field.target());
                List<String> notes = row.notes().getOrDefault(field.target(), List.of());
                fields.add(new PreviewField(field.target(), sourceValues, (value != null) ? value.toString() : null,
                        row.target().containsKey(field.target()), (error != null) ? error.message() : null,
                        String.join("; ", notes)));
            }
            return new PreviewView(row.sourceId(), row.targetObject(), row.included(), fields);
        }

    }

    /**
     * One target field of a previewed record.
     *
     * @param field the target field
     * @param source the source values it reads
     * @param value the value made, or null
     * @param made whether a value (possibly null) was made
     * @param error the transform error, or null
     * @param notes deliberate losses
     */
    record PreviewField(String field, String source, String value, boolean made, String error, String notes) {
    }

}
