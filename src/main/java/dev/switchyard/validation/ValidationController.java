package dev.switchyard.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import dev.switchyard.project.Environment;
import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.ProjectService;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.run.Run;
import dev.switchyard.run.RunService;
import dev.switchyard.run.RunStatus;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The validation tab: a dashboard per environment (pass/warn/fail tiles of the latest
 * validation, match rates per field, quarantine reasons, the trend across migration
 * cycles), the form to validate a run, thresholds; a validation's page with its
 * reconciliation, fields, content checks and findings, drill-downs side by side, and the
 * tester's sign-off.
 */
@Controller
class ValidationController {

    private static final int PAGE = 50;

    /** Validations of an environment the dashboard shows (and draws the trend of). */
    private static final int CYCLES = 30;

    private final ValidationService validations;

    private final RunService runs;

    private final ProjectService projects;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    private final ValidationWorkbook workbook;

    ValidationController(ValidationService validations, RunService runs, ProjectService projects, ProjectAccess access,
            WorkspaceModel workspace, JdbcTemplate jdbc, JsonMapper json, ValidationWorkbook workbook) {
        this.workbook = workbook;
        this.validations = validations;
        this.runs = runs;
        this.projects = projects;
        this.access = access;
        this.workspace = workspace;
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/projects/{projectId}/validation")
    String dashboard(@PathVariable Long projectId, @RequestParam(required = false) String environment, Model model) {
        this.workspace.fill(projectId, model, "validation");
        List<Environment> environments = this.projects.environments(projectId);
        Optional<Long> lastValidated = this.validations.latestEnvironment(projectId);
        Environment selected = environments.stream()
            .filter((e) -> environment != null && e.getName().equalsIgnoreCase(environment))
            .findFirst()
            .orElseGet(() -> lastValidated
                .flatMap((id) -> environments.stream().filter((e) -> e.getId() == id).findFirst())
                .orElse(environments.isEmpty() ? null : environments.get(0)));
        model.addAttribute("environments", environments);
        model.addAttribute("environment", selected);
        List<Validation> cycle = (selected == null) ? List.of()
                : this.validations.ofEnvironment(projectId, selected.getId(), CYCLES);
        Optional<Validation> latest = cycle.stream()
            .filter((v) -> v.status() == ValidationStatus.COMPLETED || v.status() == ValidationStatus.COULD_NOT_VERIFY)
            .findFirst();
        model.addAttribute("latest", latest.orElse(null));
        model.addAttribute("validations", cycle);
        List<Run> inEnvironment = this.runs.list(projectId)
            .stream()
            .filter((r) -> selected != null && r.environmentId() == selected.getId())
            .toList();
        List<Run> runs = inEnvironment.stream()
            .filter((r) -> !RunStatus.ACTIVE.contains(r.status()) && r.status() != RunStatus.UNDONE)
            .toList();
        model.addAttribute("runs", runs);
        model.addAttribute("thresholds", this.validations.thresholds(projectId));
        latest.ifPresent((v) -> {
            model.addAttribute("fieldChart", fieldChart(v));
            model.addAttribute("reasonChart", reasonChart(v.runId()));
        });
        model.addAttribute("trendChart", trendChart(cycle, inEnvironment));
        return "validation/dashboard";
    }

    @PostMapping("/projects/{projectId}/validation")
    String start(@PathVariable Long projectId, @RequestParam(required = false) Long runId,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String sampleSize,
            @RequestParam(required = false) String seed, @RequestParam(required = false) String strata,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.TESTER, ProjectRole.ANALYST);
        try {
            if (runId == null) {
                throw new InvalidInputException("runId", "Choose the run to validate");
            }
            Run run = this.runs.get(runId);
            if (run.projectId() != projectId) {
                throw NotFoundException.of("Run", runId);
            }
            boolean sample = "sample".equalsIgnoreCase(mode);
            Validation validation = this.validations.start(runId,
                    new ValidationService.Request(mode,
                            sample ? number(sampleSize, "sampleSize", "The sample size") : null,
                            sample && seed != null && !seed.isBlank() ? (long) number(seed, "seed", "The seed") : null,
                            sample ? strata : null));
            redirect.addFlashAttribute("flash", "Validation " + validation.id() + " of run " + runId + " started.");
            return "redirect:/projects/" + projectId + "/validations/" + validation.id();
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
            return "redirect:/projects/" + projectId + "/validation";
        }
    }

    @PostMapping("/projects/{projectId}/validation/thresholds")
    String threshold(@PathVariable Long projectId, @RequestParam(required = false) String target,
            @RequestParam(required = false) String field, @RequestParam(required = false) String pass,
            @RequestParam(required = false) String warn, @RequestParam(required = false) String environment,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.TESTER, ProjectRole.ANALYST);
        try {
            this.validations.threshold(projectId, target, (field == null || field.isBlank()) ? "*" : field,
                    decimal(pass, "pass", "The pass rate"), decimal(warn, "warn", "The warn rate"));
            redirect.addFlashAttribute("flash", "Threshold saved: the next validation applies it.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/validation"
                + ((environment != null && !environment.isBlank()) ? "?environment=" + environment : "");
    }

    @GetMapping("/projects/{projectId}/validations/{validationId}")
    String detail(@PathVariable Long projectId, @PathVariable long validationId, Model model) {
        this.workspace.fill(projectId, model, "validation");
        Validation validation = validation(projectId, validationId);
        model.addAttribute("validation", validation);
        model.addAttribute("run", this.runs.get(validation.runId()));
        model.addAttribute("newer", this.validations.supersededBy(validation).orElse(null));
        model.addAttribute("findingCounts", counts(validation));
        model.addAttribute("kinds", FindingKind.values());
        return "validation/detail";
    }

    @GetMapping("/projects/{projectId}/validations/{validationId}/progress")
    String progress(@PathVariable Long projectId, @PathVariable long validationId, Model model,
            HttpServletResponse response) {
        this.workspace.fill(projectId, model, "validation");
        Validation validation = validation(projectId, validationId);
        if (validation.status().finished()) {
            // the whole page changes once it ends: htmx reloads it
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("validation", validation);
        return "validation/detail :: progress";
    }

    @GetMapping("/projects/{projectId}/validations/{validationId}/findings")
    String findings(@PathVariable Long projectId, @PathVariable long validationId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String object,
            @RequestParam(required = false) String field, @RequestParam(defaultValue = "0") int page, Model model) {
        this.workspace.fill(projectId, model, "validation");
        Validation validation = validation(projectId, validationId);
        FindingKind wanted = ValidationApiController.kind(kind);
        int from = Math.max(0, page);
        long total = this.validations.findingCount(validationId, wanted, object, field);
        model.addAttribute("validation", validation);
        model.addAttribute("kind", wanted);
        model.addAttribute("object", (object != null) ? object : "");
        model.addAttribute("field", (field != null) ? field : "");
        model.addAttribute("findings",
                this.validations.findings(validationId, wanted, object, field, from * PAGE, PAGE));
        model.addAttribute("total", total);
        model.addAttribute("page", from);
        model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
        model.addAttribute("kinds", FindingKind.values());
        model.addAttribute("fieldResult",
                validation.fields()
                    .stream()
                    .filter((f) -> f.target().equals(object) && f.field().equals(field))
                    .findFirst()
                    .orElse(null));
        return "validation/findings";
    }

    @GetMapping("/projects/{projectId}/validations/{validationId}/export.xlsx")
    void export(@PathVariable Long projectId, @PathVariable long validationId, HttpServletResponse response)
            throws java.io.IOException {
        this.access.requireView(projectId);
        Validation validation = validation(projectId, validationId);
        if (!validation.status().finished()) {
            throw new dev.switchyard.system.ConflictException("validation",
                    "Validation " + validationId + " is still running: its report is ready once it finishes");
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                org.springframework.http.ContentDisposition.attachment()
                    .filename(ValidationWorkbook.filename(validationId))
                    .build()
                    .toString());
        this.workbook.write(validation, this.projects.get(projectId).getName(), response.getOutputStream());
    }

    @PostMapping("/projects/{projectId}/validations/{validationId}/decision")
    String decide(@PathVariable Long projectId, @PathVariable long validationId,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        validation(projectId, validationId);
        this.access.requireMemberRole(projectId, ProjectRole.TESTER);
        try {
            boolean signOff = ValidationApiController.signOff(decision);
            this.validations.decide(validationId, signOff, comment);
            redirect.addFlashAttribute("flash", signOff ? "Validation " + validationId + " signed off."
                    : "Validation " + validationId + " rejected with your findings.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
            redirect.addFlashAttribute("comment", comment);
        }
        return "redirect:/projects/" + projectId + "/validations/" + validationId;
    }

    private Validation validation(Long projectId, long validationId) {
        Validation validation = this.validations.get(validationId);
        if (validation.projectId() != projectId) {
            throw NotFoundException.of("Validation", validationId);
        }
        return validation;
    }

    private Map<FindingKind, Long> counts(Validation validation) {
        Map<FindingKind, Long> found = this.validations.findingCounts(validation.id());
        Map<FindingKind, Long> ordered = new LinkedHashMap<>();
        for (FindingKind kind : FindingKind.values()) {
            if (found.containsKey(kind)) {
                ordered.put(kind, found.get(kind));
            }
        }
        return ordered;
    }

    /**
     * The match rate of every compared field of a validation, worst first (at most 40).
     */
    private String fieldChart(Validation validation) {
        List<Validation.FieldResult> fields = validation.fields()
            .stream()
            .filter((f) -> f.compared() > 0)
            .sorted(Comparator.comparing((Validation.FieldResult f) -> f.rate())
                .thenComparing(Validation.FieldResult::target)
                .thenComparing(Validation.FieldResult::field))
            .limit(40)
            .toList();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", fields.stream().map((f) -> f.target() + "." + f.field()).toList());
        chart.put("rates", fields.stream().map(Validation.FieldResult::rate).toList());
        chart.put("statuses", fields.stream().map((f) -> f.status().name()).toList());
        return this.json.writeValueAsString(chart);
    }

    /**
     * The run's quarantined records by field and kind of reason.
     */
    private String reasonChart(long runId) {
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        this.jdbc.query("""
                select coalesce(field, 'record') || ': ' || case
                         when reason like 'The target refused%' then 'refused by the target'
                         when reason like '%was not loaded into%' then 'parent not loaded'
                         else 'transform' end as label, count(*) as n
                from run_ledger where run_id = ? and outcome = 'QUARANTINED'
                group by 1 order by 2 desc, 1 limit 12""", (rs) -> {
            labels.add(rs.getString(1));
            counts.add(rs.getLong(2));
        }, runId);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("counts", counts);
        return this.json.writeValueAsString(chart);
    }

    /**
     * Per finished validation of the environment, oldest first: the overall match rate
     * and the run's quarantine rate.
     */
    private String trendChart(List<Validation> cycle, List<Run> runs) {
        Map<Long, Run> byId = new java.util.HashMap<>();
        runs.forEach((r) -> byId.put(r.id(), r));
        List<Validation> finished = new ArrayList<>(
                cycle.stream().filter((v) -> v.status() == ValidationStatus.COMPLETED).toList());
        java.util.Collections.reverse(finished);
        List<String> labels = new ArrayList<>();
        List<Double> match = new ArrayList<>();
        List<Double> quarantine = new ArrayList<>();
        for (Validation v : finished) {
            Run run = byId.computeIfAbsent(v.runId(), this.runs::get);
            labels.add("run " + v.runId() + " · v" + v.id());
            match.add(v.matchRate());
            quarantine.add(run.quarantineRate());
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("match", match);
        chart.put("quarantine", quarantine);
        return this.json.writeValueAsString(chart);
    }

    private static int number(String text, String field, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, what + " is required");
        }
        try {
            return Integer.parseInt(text.strip());
        }
        catch (NumberFormatException ex) {
            throw new InvalidInputException(field, what + " is a whole number, not '" + text + "'");
        }
    }

    private static BigDecimal decimal(String text, String field, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, what + " is required");
        }
        try {
            return new BigDecimal(text.strip());
        }
        catch (NumberFormatException ex) {
            throw new InvalidInputException(field, what + " is a number, not '" + text + "'");
        }
    }

}
