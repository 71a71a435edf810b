package dev.switchyard.dictionary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.switchyard.connector.FieldType;
import dev.switchyard.project.Environment;
import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.ProjectService;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.system.FormErrors;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;
import dev.switchyard.system.TableExport;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * The dictionary tab: objects and fields of the source or a target, searchable and
 * filterable, with each field's profile and the analysts' annotations; XLSX export.
 */
@Controller
class DictionaryController {

    private final DictionaryService dictionary;

    private final AnnotationService annotations;

    private final ProjectService projects;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    private final ReferenceDecisions decisions;

    DictionaryController(DictionaryService dictionary, AnnotationService annotations, ProjectService projects,
            ProjectAccess access, WorkspaceModel workspace, ReferenceDecisions decisions) {
        this.decisions = decisions;
        this.dictionary = dictionary;
        this.annotations = annotations;
        this.projects = projects;
        this.access = access;
        this.workspace = workspace;
    }

    @GetMapping("/projects/{projectId}/dictionary")
    String page(@PathVariable Long projectId, @RequestParam(defaultValue = "source") String side,
            @RequestParam(required = false) String environment, @RequestParam(required = false) String object,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String type, Model model) {
        this.workspace.fill(projectId, model, "dictionary");
        model.addAttribute("side", side.toLowerCase(Locale.ROOT));
        model.addAttribute("environment", environment);
        model.addAttribute("environments",
                this.projects.environments(projectId).stream().map(Environment::getName).toList());
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("types", Arrays.stream(FieldType.values()).map(Enum::name).toList());
        DictionaryService.View view;
        try {
            view = this.dictionary.view(projectId, side, environment);
        }
        catch (NotFoundException ex) {
            model.addAttribute("empty", ex.getMessage());
            return "dictionary/dictionary";
        }
        Map<String, DictionaryAnnotation> notes = this.annotations.all(projectId, view.side());
        model.addAttribute("view", view);
        model.addAttribute("notes", notes);
        DictionaryObject selected = view.objects()
            .stream()
            .filter((o) -> o.name().equalsIgnoreCase((object != null) ? object : ""))
            .findFirst()
            .orElse(view.objects().isEmpty() ? null : view.objects().get(0));
        model.addAttribute("selected", selected);
        String needle = q.trim().toLowerCase(Locale.ROOT);
        boolean searching = !needle.isEmpty() || !type.isBlank();
        model.addAttribute("searching", searching);
        List<Row> rows = new ArrayList<>();
        for (DictionaryObject o : view.objects()) {
            if (!searching && o != selected) {
                continue;
            }
            for (DictionaryField f : o.fields()) {
                DictionaryAnnotation note = notes.get(AnnotationService.key(o.name(), f.name()));
                String label = (note != null) ? note.getLabel() : null;
                boolean matches = needle.isEmpty() || f.name().toLowerCase(Locale.ROOT).contains(needle)
                        || (label != null && label.toLowerCase(Locale.ROOT).contains(needle));
                if (matches && (type.isBlank() || f.type().name().equals(type))) {
                    rows.add(new Row(o.name(), f, note));
                }
            }
        }
        model.addAttribute("rows", rows);
        return "dictionary/dictionary";
    }

    @GetMapping("/projects/{projectId}/dictionary/field")
    String field(@PathVariable Long projectId, @RequestParam(defaultValue = "source") String side,
            @RequestParam(required = false) String environment, @RequestParam(defaultValue = "") String object,
            @RequestParam(defaultValue = "") String field, Model model) {
        DictionaryService.View view = fieldPage(projectId, side, environment, object, field, model);
        model.addAttribute("form", AnnotationForm.of(this.annotations.find(projectId, view.side(), object, field)));
        return "dictionary/field";
    }

    @PostMapping("/projects/{projectId}/dictionary/field")
    String annotate(@PathVariable Long projectId, @RequestParam(defaultValue = "source") String side,
            @RequestParam(required = false) String environment, @RequestParam(defaultValue = "") String object,
            @RequestParam(defaultValue = "") String field, @ModelAttribute("form") AnnotationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        DictionaryService.View view = fieldPage(projectId, side, environment, object, field, model);
        try {
            this.annotations.save(projectId, view.side(), object, field, form);
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            return "dictionary/field";
        }
        redirect.addFlashAttribute("flash", "Annotation saved.");
        return "redirect:" + UriComponentsBuilder.fromPath("/projects/{p}/dictionary/field")
            .queryParam("side", side)
            .queryParam("environment", environment)
            .queryParam("object", object)
            .queryParam("field", field)
            .buildAndExpand(projectId)
            .encode()
            .toUriString();
    }

    @PostMapping("/projects/{projectId}/dictionary/references")
    String decide(@PathVariable Long projectId, @RequestParam(defaultValue = "") String object,
            @RequestParam(defaultValue = "") String field, @RequestParam(defaultValue = "") String decision,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            ReferenceDecisions.Kind kind = ReferenceDecisionForm.kind(decision);
            this.decisions.decide(projectId, object, field, kind);
            redirect.addFlashAttribute("flash", (kind == null) ? "Decision on " + object + "." + field + " withdrawn."
                    : object + "." + field + ": reference " + kind.name().toLowerCase(Locale.ROOT) + ".");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/projects/{p}/dictionary/field")
            .queryParam("object", object)
            .fragment("references")
            .buildAndExpand(projectId)
            .encode()
            .toUriString();
    }

    @GetMapping("/projects/{projectId}/dictionary.xlsx")
    void export(@PathVariable Long projectId, @RequestParam(defaultValue = "source") String side,
            @RequestParam(required = false) String environment, HttpServletResponse response) throws IOException {
        DictionaryService.View view = this.dictionary.view(projectId, side, environment);
        Map<String, DictionaryAnnotation> notes = this.annotations.all(projectId, view.side());
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                    .filename("dictionary-" + view.side().name().toLowerCase(Locale.ROOT) + ".xlsx")
                    .build()
                    .toString());
        Stream<List<?>> rows = view.objects().stream().flatMap((o) -> o.fields().stream().map((f) -> {
            DictionaryAnnotation note = notes.get(AnnotationService.key(o.name(), f.name()));
            return List.<Object>of(o.name(), f.name(), f.type().name(), text(f.declaredType()), text(f.inferredType()),
                    number(f.length()), number(f.maxLength()), f.required(), f.unique(), f.generated(),
                    text(f.referenceTo()) + ((f.referenceKey() != null) ? " by " + f.referenceKey() : ""),
                    (f.fillRate() != null) ? f.fillRate() : "", (f.distinctCount() != null) ? f.distinctCount() : "",
                    String.join("; ", f.picklistValues().stream().map((v) -> String.valueOf(v.get("value"))).toList()),
                    (note != null) ? text(note.getLabel()) : "", (note != null) ? text(note.getDescription()) : "",
                    (note != null) ? text(note.getBusinessOwner()) : "",
                    (note != null) ? note.getSensitivity().name() : "NONE",
                    (note != null) ? text(note.getNotes()) : "");
        }));
        TableExport.xlsx("Dictionary",
                List.of("Object", "Field", "Type", "Declared type", "Inferred type", "Length", "Longest value",
                        "Required", "Unique", "Generated", "References", "Fill rate", "Distinct values",
                        "Picklist values", "Label", "Description", "Business owner", "Sensitivity", "Notes"),
                rows, response.getOutputStream());
    }

    private DictionaryService.View fieldPage(Long projectId, String side, String environment, String object,
            String field, Model model) {
        this.workspace.fill(projectId, model, "dictionary");
        DictionaryService.View view = this.dictionary.view(projectId, side, environment);
        DictionaryObject dictionaryObject = view.objects()
            .stream()
            .filter((o) -> o.name().equalsIgnoreCase(object))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("There is no object " + object + " in this dictionary"));
        DictionaryField dictionaryField = field.isBlank() ? null
                : dictionaryObject.fields()
                    .stream()
                    .filter((f) -> f.name().equals(field))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("There is no field " + object + "." + field));
        model.addAttribute("side", side.toLowerCase(Locale.ROOT));
        model.addAttribute("environment", environment);
        model.addAttribute("view", view);
        model.addAttribute("dictionaryObject", dictionaryObject);
        model.addAttribute("inferredRefs",
                dictionaryObject.fields()
                    .stream()
                    .filter((f) -> f.referenceInferred() || "REJECTED".equals(f.referenceDecision()))
                    .map(DictionaryField::name)
                    .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("field", dictionaryField);
        model.addAttribute("sensitivities", Arrays.stream(Sensitivity.values()).map(Enum::name).toList());
        return view;
    }

    private static String text(Object value) {
        return (value != null) ? value.toString() : "";
    }

    private static Object number(Integer value) {
        return (value != null) ? value : "";
    }

    /**
     * A row of the fields table.
     *
     * @param object the object
     * @param field the field
     * @param note its annotation, or null
     */
    record Row(String object, DictionaryField field, DictionaryAnnotation note) {
    }

}
