package dev.switchyard.demo;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.switchyard.audit.AuditLog;
import dev.switchyard.connection.ConnectionRequest;
import dev.switchyard.connection.ConnectionService;
import dev.switchyard.extraction.ExtractionService;
import dev.switchyard.mapping.MappingDocument;
import dev.switchyard.mapping.MappingInputs;
import dev.switchyard.mapping.MappingService;
import dev.switchyard.mapping.MappingSuggester;
import dev.switchyard.mapping.MappingValidator;
import dev.switchyard.project.Environment;
import dev.switchyard.project.EnvironmentKind;
import dev.switchyard.project.Project;
import dev.switchyard.project.ProjectRepository;
import dev.switchyard.project.ProjectService;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.system.JobStatus;
import dev.switchyard.system.SwitchyardProperties;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Builds the demo project through the same services the pages and the API use: the
 * project, its source (the bundled Salesforce export, uploaded as a ZIP), a full
 * extraction (which makes the source dictionary and draft scope v1), the demo CRM as the
 * sandbox target (with its dictionary), and the mapping: every suggestion accepted, then
 * curated by {@link DemoMapping}.
 *
 * <p>
 * Every step is skipped when its result is already there, so a build interrupted by a
 * failure or a stop is finished by the next one; the saved mapping is the last step and
 * marks the demo as complete. It acts as the bootstrap administrator (who becomes the
 * project's analyst), because every service records who made a change.
 */
@Component
class DemoProjectBuilder {

    /** The demo project's name. */
    static final String NAME = "Demo: Salesforce export → demo CRM";

    static final String DESCRIPTION = "A ready project to try Switchyard on: a real Salesforce export (Account, "
            + "Contact, Opportunity; MIT licence, see demo/source/PROVENANCE.md) migrating into a demo CRM database "
            + "(switchyard_demo: companies, people, deals, activities). Its dictionary, draft scope and a complete "
            + "mapping are ready for a sandbox migration run. Built on the first start; switchyard.demo.enabled=false "
            + "switches that off.";

    private static final Duration EXTRACTION_TIMEOUT = Duration.ofMinutes(10);

    private final ProjectRepository projectRepository;

    private final ProjectService projects;

    private final ConnectionService connections;

    private final ExtractionService extractions;

    private final SnapshotLifecycle snapshots;

    private final MappingInputs inputs;

    private final MappingSuggester suggester;

    private final MappingValidator validator;

    private final MappingService mappings;

    private final DemoTargetDatabase targetDatabase;

    private final UserDetailsService users;

    private final AuditLog audit;

    private final String admin;

    DemoProjectBuilder(ProjectRepository projectRepository, ProjectService projects, ConnectionService connections,
            ExtractionService extractions, SnapshotLifecycle snapshots, MappingInputs inputs,
            MappingSuggester suggester, MappingValidator validator, MappingService mappings,
            DemoTargetDatabase targetDatabase, UserDetailsService users, AuditLog audit,
            SwitchyardProperties properties) {
        this.projectRepository = projectRepository;
        this.projects = projects;
        this.connections = connections;
        this.extractions = extractions;
        this.snapshots = snapshots;
        this.inputs = inputs;
        this.suggester = suggester;
        this.validator = validator;
        this.mappings = mappings;
        this.targetDatabase = targetDatabase;
        this.users = users;
        this.audit = audit;
        this.admin = properties.admin().username();
    }

    /**
     * @return whether this is a first start: the database has no projects, or only an
     * unfinished demo project
     */
    boolean isFirstStart() {
        long count = this.projectRepository.count();
        if (count == 0) {
            return true;
        }
        return count == 1 && demo().filter((p) -> !isComplete(p.getId())).isPresent();
    }

    /**
     * Builds the demo project, or finishes one that an earlier build left unfinished.
     * @return what was done and how long each step took
     * @throws DemoStepException naming the step that failed
     */
    Result build() {
        Optional<Project> existing = demo();
        if (existing.isPresent() && isComplete(existing.get().getId())) {
            return Result.alreadyThere(existing.get().getId());
        }
        return actingAs(this.admin, () -> {
            Map<String, Duration> timings = new LinkedHashMap<>();
            Project project = timed(timings, "creating the project",
                    () -> existing.orElseGet(() -> this.projects.create(NAME, DESCRIPTION)));
            Long id = project.getId();
            DemoTargetDatabase.Target target = timed(timings, "creating the demo CRM database",
                    this.targetDatabase::prepare);
            timed(timings, "uploading the source", () -> uploadSource(id));
            timed(timings, "extracting the source", () -> extract(id));
            timed(timings, "connecting the target", () -> connectTarget(id, target));
            MappingValidator.Report report = timed(timings, "mapping", () -> map(id));
            this.audit.recordAs(AuditLog.SYSTEM, id, "Project", id, "demo built",
                    "demo project built on first start (acting as " + this.admin + "); mapping with "
                            + report.errors().size() + " errors, " + report.warnings().size() + " warnings");
            return new Result(id, true, existing.isPresent(), report, timings);
        });
    }

    private Optional<Project> demo() {
        return this.projectRepository.findByNameIgnoreCase(NAME);
    }

    private boolean isComplete(Long projectId) {
        return this.mappings.current(projectId).version() > 0;
    }

    private Object uploadSource(Long projectId) {
        if (this.connections.source(projectId).isEmpty()) {
            this.connections.create(projectId, new ConnectionRequest("source", null, "csv", "Salesforce export (demo)",
                    null, null, null, null, null, null), DemoSource.FILENAME,
                    new ByteArrayInputStream(DemoSource.zip()));
        }
        return null;
    }

    private Object extract(Long projectId) {
        if (this.snapshots.latestUsable(projectId).isPresent()) {
            return null;
        }
        Snapshot snapshot = this.snapshots.isActive(projectId)
                ? this.snapshots.list(projectId, PageRequest.of(0, 1)).getContent().get(0)
                : this.extractions.start(projectId, "full");
        long deadline = System.nanoTime() + EXTRACTION_TIMEOUT.toNanos();
        while (!snapshot.getStatus().isFinished()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the extraction did not end within " + EXTRACTION_TIMEOUT);
            }
            sleep(200);
            snapshot = this.snapshots.get(snapshot.getId());
        }
        if (snapshot.getStatus() != JobStatus.COMPLETED && snapshot.getStatus() != JobStatus.COMPLETED_WITH_ERRORS) {
            throw new IllegalStateException(
                    "the extraction ended " + snapshot.getStatus() + ": " + snapshot.getMessage());
        }
        return null;
    }

    private Object connectTarget(Long projectId, DemoTargetDatabase.Target target) {
        Environment sandbox = this.projects.environments(projectId)
            .stream()
            .filter((e) -> e.getKind() == EnvironmentKind.SANDBOX)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the project has no sandbox environment"));
        if (this.connections.target(sandbox.getId()).isEmpty()) {
            this.connections.create(projectId,
                    new ConnectionRequest("target", sandbox.getName(), "jdbc",
                            "Demo CRM (" + DemoTargetDatabase.NAME + ")", target.url(), target.username(),
                            target.password(), target.schema(), null, null),
                    null, null);
        }
        return null;
    }

    private MappingValidator.Report map(Long projectId) {
        MappingInputs.Inputs dictionaries = this.inputs.load(projectId);
        MappingDocument suggested = this.suggester.suggest(dictionaries, DemoMapping.start()).mapping();
        MappingDocument curated = DemoMapping.curate(suggested);
        MappingValidator.Report report = this.validator.validate(dictionaries, curated);
        this.mappings.save(projectId, curated.withVersion(0),
                "demo mapping: every suggestion accepted; industries, account types, employees and phones curated");
        return report;
    }

    private <T> T actingAs(String username, Supplier<T> work) {
        UserDetails principal;
        try {
            principal = this.users.loadUserByUsername(username);
        }
        catch (RuntimeException ex) {
            throw new DemoStepException("finding the administrator '" + username + "'", ex);
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static <T> T timed(Map<String, Duration> timings, String step, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            T result = work.get();
            timings.put(step, Duration.ofNanos(System.nanoTime() - start));
            return result;
        }
        catch (RuntimeException ex) {
            throw new DemoStepException(step, ex);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the extraction", ex);
        }
    }

    /**
     * What a build did.
     *
     * @param projectId the demo project
     * @param built whether anything was built now (false: it was complete already)
     * @param resumed whether an unfinished demo from an earlier start was finished
     * @param report the saved mapping's validation, or null when nothing was built
     * @param timings how long each step took
     */
    record Result(Long projectId, boolean built, boolean resumed, MappingValidator.Report report,
            Map<String, Duration> timings) {

        static Result alreadyThere(Long projectId) {
            return new Result(projectId, false, false, null, Map.of());
        }

    }

}
