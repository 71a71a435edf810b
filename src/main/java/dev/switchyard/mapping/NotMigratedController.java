package dev.switchyard.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The object mapping page's decisions about source fields that go nowhere: marking the
 * ticked ones "not migrated on purpose" with a reason (again, to change the reason), and
 * taking a decision back. Each is a form edit of the object mapping's decisions on those
 * fields, merged onto a newer version when nobody changed them meanwhile.
 */
@Controller
class NotMigratedController {

    private final MappingService mappings;

    private final MappingInputs inputs;

    private final ProjectAccess access;

    NotMigratedController(MappingService mappings, MappingInputs inputs, ProjectAccess access) {
        this.mappings = mappings;
        this.inputs = inputs;
        this.access = access;
    }

    @PostMapping("/projects/{projectId}/mapping/not-migrated")
    String mark(@PathVariable Long projectId, @RequestParam(required = false) String source,
            @RequestParam(required = false) String target, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) List<String> fields, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        ObjectMapping object = requireObject(this.mappings.current(projectId).document(), source, target);
        Set<String> ticked = new LinkedHashSet<>();
        if (fields != null) {
            fields.stream().filter((f) -> f != null && !f.isBlank()).map(String::trim).forEach(ticked::add);
        }
        String why = (reason != null) ? reason.strip() : "";
        try {
            if (ticked.isEmpty()) {
                throw new InvalidInputException("fields", "Tick the source fields that are not migrated on purpose.");
            }
            if (why.isEmpty()) {
                throw new InvalidInputException("reason",
                        "Give the reason why " + String.join(", ", ticked) + " " + ((ticked.size() == 1) ? "is" : "are")
                                + " not migrated: the stakeholder reads it with the scope.");
            }
            if (why.length() > NotMigrated.MAX_REASON) {
                throw new InvalidInputException("reason",
                        "The reason is longer than " + NotMigrated.MAX_REASON + " characters.");
            }
            MappingInputs.Inputs in = this.inputs.load(projectId);
            MappingVersion saved = this.mappings.edit(projectId, required(version), (d) -> part(d, object, ticked),
                    (d) -> {
                        ObjectMapping latest = requireObject(d, source, target);
                        List<String> listed = UnmappedFields.of(in, d, latest)
                            .fields()
                            .stream()
                            .map(UnmappedFields.Field::name)
                            .toList();
                        List<NotMigrated> decisions = new ArrayList<>(
                                latest.notMigrated().stream().filter((n) -> ticked.stream().noneMatch(n::is)).toList());
                        for (String field : ticked) {
                            String name = listed.stream()
                                .filter(field::equalsIgnoreCase)
                                .findFirst()
                                .orElseThrow(() -> new InvalidInputException("fields",
                                        field + " is not a source " + "field of " + latest.source()
                                                + " that goes nowhere: it may be mapped by "
                                                + "now. Reload the page."));
                            decisions.add(new NotMigrated(name, why));
                        }
                        return replace(d, latest, latest.withNotMigrated(decisions));
                    }, object.label() + ": not migrated on purpose: " + String.join(", ", ticked));
            redirect.addFlashAttribute("flash", "Marked " + String.join(", ", ticked)
                    + " not migrated on purpose (version " + saved.version() + ").");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
            redirect.addFlashAttribute("tickedFields", List.copyOf(ticked));
            redirect.addFlashAttribute("notMigratedReason", why);
            // the message is at the top of the page
            return "redirect:" + MappingController.objectUrl(projectId, object);
        }
        // the changed rows show the outcome where the analyst was
        return "redirect:" + MappingController.objectUrl(projectId, object) + "#unmapped-heading";
    }

    @PostMapping("/projects/{projectId}/mapping/not-migrated/remove")
    String remove(@PathVariable Long projectId, @RequestParam(required = false) String source,
            @RequestParam(required = false) String target, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String field, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        ObjectMapping object = requireObject(this.mappings.current(projectId).document(), source, target);
        try {
            if (field == null || object.notMigrated(field).isEmpty()) {
                throw new InvalidInputException("field", object.label() + " has no decision about "
                        + ((field != null) ? field : "that field") + " to remove. Reload the page.");
            }
            MappingVersion saved = this.mappings.edit(projectId, required(version),
                    (d) -> part(d, object, Set.of(field)), (d) -> {
                        ObjectMapping latest = requireObject(d, source, target);
                        return replace(d, latest, latest
                            .withNotMigrated(latest.notMigrated().stream().filter((n) -> !n.is(field)).toList()));
                    }, object.label() + ": " + field.trim() + " no longer marked not migrated");
            redirect.addFlashAttribute("flash",
                    field.trim() + " is no longer marked not migrated (version " + saved.version() + ").");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
            return "redirect:" + MappingController.objectUrl(projectId, object);
        }
        return "redirect:" + MappingController.objectUrl(projectId, object) + "#unmapped-heading";
    }

    /**
     * @return the object mapping's decisions about the fields, for the edit's conflict
     * check
     */
    private static Object part(MappingDocument document, ObjectMapping object, Set<String> fields) {
        return document.object(object.source(), object.target())
            .map((o) -> fields.stream().map(o::notMigrated).toList())
            .orElse(null);
    }

    private static MappingDocument replace(MappingDocument document, ObjectMapping old, ObjectMapping changed) {
        return document.withObjects(document.objects().stream().map((o) -> (o == old) ? changed : o).toList());
    }

    private static ObjectMapping requireObject(MappingDocument document, String source, String target) {
        if (source == null || source.isBlank() || target == null || target.isBlank()) {
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

}
