package dev.switchyard.validation;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.audit.AuditLog;
import dev.switchyard.run.Run;
import dev.switchyard.run.RunService;
import dev.switchyard.run.RunStatus;
import dev.switchyard.admin.CurrentUser;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Starts validations of runs on the bounded validation executor, and records testers'
 * decisions and the project's thresholds.
 */
@Service
public class ValidationService implements SmartInitializingSingleton {

    /** The largest sample per object. */
    static final int MAX_SAMPLE = 1_000_000;

    private static final Log logger = LogFactory.getLog(ValidationService.class);

    private final ValidationStore store;

    private final ValidationEngine engine;

    private final RunService runs;

    private final AuditLog audit;

    private final ThreadPoolTaskExecutor executor;

    private final SecureRandom random = new SecureRandom();

    ValidationService(ValidationStore store, ValidationEngine engine, RunService runs, AuditLog audit,
            @Qualifier("validationExecutor") ThreadPoolTaskExecutor executor) {
        this.store = store;
        this.engine = engine;
        this.runs = runs;
        this.audit = audit;
        this.executor = executor;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int failed = this.store.failUnfinished();
        if (failed > 0) {
            logger.warn(failed + " validations were stopped by a restart: start them again");
        }
    }

    /**
     * A validation request.
     *
     * @param mode full (default: every loaded record) or sample
     * @param sampleSize records compared per object in sample mode
     * @param seed the sample's seed (random when not given, and recorded)
     * @param strata a source field to draw the sample across in proportion (stratified),
     * or null for a simple random sample
     */
    public record Request(String mode, Integer sampleSize, Long seed, String strata) {

        /** Full mode. */
        public static final Request FULL = new Request(null, null, null, null);

    }

    /**
     * Starts a fresh validation of a run against its target as it is now.
     * @param runId the run
     * @param request how
     * @return the queued validation
     */
    public Validation start(long runId, Request request) {
        Run run = this.runs.get(runId);
        if (RunStatus.ACTIVE.contains(run.status())) {
            throw new ConflictException("run", "Run " + runId + " is still "
                    + run.status().name().toLowerCase(Locale.ROOT) + ": validate it once it has stopped");
        }
        if (run.status() == RunStatus.UNDONE) {
            throw new ConflictException("run", "Run " + runId + " was undone: there is nothing of it to validate");
        }
        String mode = (request.mode() == null || request.mode().isBlank()) ? "FULL"
                : request.mode().trim().toUpperCase(Locale.ROOT);
        if (!mode.equals("FULL") && !mode.equals("SAMPLE")) {
            throw new InvalidInputException("mode", "The mode is full or sample, not '" + request.mode() + "'");
        }
        Integer size = null;
        Long seed = null;
        String strata = null;
        if (mode.equals("SAMPLE")) {
            if (request.sampleSize() == null || request.sampleSize() < 1 || request.sampleSize() > MAX_SAMPLE) {
                throw new InvalidInputException("sampleSize",
                        "A sample needs a size from 1 to " + MAX_SAMPLE + " records per object");
            }
            size = request.sampleSize();
            seed = (request.seed() != null) ? request.seed() : Math.abs(this.random.nextLong() % 1_000_000_000L);
            if (request.strata() != null && !request.strata().isBlank()) {
                strata = request.strata().strip();
                if (strata.length() > 200) {
                    throw new InvalidInputException("strata", "The stratifying field name is at most 200 characters");
                }
            }
        }
        else if (request.sampleSize() != null || request.strata() != null && !request.strata().isBlank()) {
            throw new InvalidInputException("mode",
                    "A sample size or strata field is given: choose mode sample, or leave them out");
        }
        String user = CurrentUser.require().getUsername();
        long id = this.store.insert(runId, run.projectId(), run.environmentId(), mode, size, seed, strata, user);
        this.audit.record(run.projectId(), "Validation", id, "started",
                mode.toLowerCase(Locale.ROOT) + " validation of run " + runId
                        + ((size != null) ? ", " + size + " records per object, seed " + seed : ""));
        this.executor.execute(() -> this.engine.execute(id));
        return get(id);
    }

    /**
     * @param id a validation
     * @return it with its results
     */
    public Validation get(long id) {
        return this.store.find(id).orElseThrow(() -> NotFoundException.of("Validation", id));
    }

    /**
     * @param runId a run
     * @return its latest finished validation
     */
    public java.util.Optional<Validation> latestFinished(long runId) {
        return this.store.latestFinished(runId);
    }

    /**
     * @param runId a run
     * @return its validations, newest first (without results)
     */
    public List<Validation> ofRun(long runId) {
        return this.store.ofRun(runId);
    }

    /**
     * @param projectId a project
     * @param environmentId an environment
     * @param limit the most
     * @return the latest validations there, newest first, with results
     */
    public List<Validation> ofEnvironment(long projectId, long environmentId, int limit) {
        return this.store.ofEnvironment(projectId, environmentId, limit);
    }

    /**
     * @param projectId a project
     * @return the environment of its latest validation, if any
     */
    public java.util.Optional<Long> latestEnvironment(long projectId) {
        return this.store.latestEnvironment(projectId);
    }

    /**
     * Records a tester's sign-off or rejection.
     * @param id the validation
     * @param signOff true to sign off, false to reject
     * @param comment the comment (required to reject, and to sign off what did not pass)
     * @return the validation
     */
    public Validation decide(long id, boolean signOff, String comment) {
        Validation validation = get(id);
        if (!validation.status().finished() || validation.status() == ValidationStatus.FAILED) {
            throw new ConflictException("validation", "Validation " + id + " is "
                    + validation.status().name().toLowerCase(Locale.ROOT) + ": only a finished one can be decided");
        }
        if (validation.decision() != null) {
            throw new ConflictException("validation",
                    "Validation " + id + " was already "
                            + (Validation.SIGNED_OFF.equals(validation.decision()) ? "signed off" : "rejected") + " by "
                            + validation.decidedBy());
        }
        supersededBy(validation).ifPresent((newer) -> {
            throw new ConflictException("validation", superseded(validation, newer));
        });
        String text = (comment != null) ? comment.strip() : "";
        if (signOff && validation.verdict() == Verdict.UNVERIFIED) {
            throw new ConflictException("validation",
                    "Validation " + id + " could not verify the target: it cannot be signed off");
        }
        if (!signOff && text.isEmpty()) {
            throw new InvalidInputException("comment", "Say what is wrong: a rejection needs its findings");
        }
        if (signOff && validation.verdict() != Verdict.PASS && text.isEmpty()) {
            throw new InvalidInputException("comment", "The validation did not pass ("
                    + validation.verdict().label().toLowerCase(Locale.ROOT) + "): say why it may be signed off anyway");
        }
        String user = CurrentUser.require().getUsername();
        String decision = signOff ? Validation.SIGNED_OFF : Validation.REJECTED;
        if (!this.store.decide(id, decision, user, text.isEmpty() ? null : text)) {
            Optional<Validation> newer = supersededBy(validation);
            throw new ConflictException("validation", newer.isPresent() ? superseded(validation, newer.get())
                    : "Validation " + id + " was decided by someone else meanwhile");
        }
        this.audit.record(validation.projectId(), "Validation", id, signOff ? "signed off" : "rejected",
                "run " + validation.runId() + (text.isEmpty() ? "" : ": " + text));
        return get(id);
    }

    /**
     * @param validation a validation
     * @return the newer validation of the same run that supersedes it, if any: only a
     * run's latest validation can be decided, and only its sign-off counts
     */
    public Optional<Validation> supersededBy(Validation validation) {
        return this.store.latestOfRun(validation.runId()).filter((latest) -> latest.id() != validation.id());
    }

    /**
     * @param projectId a project
     * @return the latest validation of each of its runs, newest first, without results
     */
    public List<Validation> latestPerRun(long projectId) {
        return this.store.latestPerRun(projectId);
    }

    static String superseded(Validation validation, Validation newer) {
        return "Validation " + validation.id() + " is not the latest validation of run " + validation.runId()
                + ": validation " + newer.id() + " is newer (" + describe(newer)
                + "). Only the latest validation of a run can be decided";
    }

    /**
     * @return a validation's state in words: its verdict once finished, else its status
     */
    static String describe(Validation validation) {
        if (validation.verdict() != null && validation.status().finished()) {
            return validation.verdict().label().toLowerCase(Locale.ROOT) + ((validation.decision() != null)
                    ? ", " + (Validation.SIGNED_OFF.equals(validation.decision()) ? "signed off" : "rejected")
                    : ", not decided");
        }
        return validation.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * @param projectId a project
     * @return its thresholds by target object and field
     */
    public Map<String, BigDecimal[]> thresholds(long projectId) {
        Map<String, BigDecimal[]> result = new java.util.TreeMap<>();
        this.store.thresholds(projectId)
            .forEach((key, t) -> result.put(key.replace('\u0000', '.'), new BigDecimal[] { t.pass(), t.warn() }));
        return result;
    }

    /**
     * Sets a field's (or, with {@code *}, an object's) pass and warn thresholds; the next
     * validation applies them.
     * @param projectId the project
     * @param target the target object
     * @param field the target field, or {@code *}
     * @param pass the match rate (percent) at or above which the field passes
     * @param warn the rate at or above which it warns instead of failing
     */
    public void threshold(long projectId, String target, String field, BigDecimal pass, BigDecimal warn) {
        if (target == null || target.isBlank()) {
            throw new InvalidInputException("target", "Name the target object");
        }
        if (field == null || field.isBlank()) {
            throw new InvalidInputException("field", "Name the field, or * for every field of the object");
        }
        if (pass == null || pass.signum() < 0 || pass.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("pass", "The pass rate is a percentage from 0 to 100");
        }
        if (warn == null || warn.signum() < 0 || warn.compareTo(pass) > 0) {
            throw new InvalidInputException("warn", "The warn rate is a percentage from 0 up to the pass rate");
        }
        this.store.threshold(projectId, target.strip(), field.strip(), new ValidationStore.Threshold(pass, warn));
        this.audit.record(projectId, "Validation threshold", null, "set", target.strip() + "." + field.strip()
                + ": pass ≥ " + pass.toPlainString() + "%, warn ≥ " + warn.toPlainString() + "%");
    }

    /**
     * @param id a validation
     * @param kind a finding kind, or null
     * @param target a target object, or null
     * @param field a field, or null
     * @param offset from
     * @param limit how many
     * @return the findings
     */
    public List<Validation.Finding> findings(long id, FindingKind kind, String target, String field, int offset,
            int limit) {
        return this.store.findings(id, kind, target, field, offset, limit);
    }

    /**
     * @return how many findings the filter matches
     */
    public long findingCount(long id, FindingKind kind, String target, String field) {
        return this.store.findingCount(id, kind, target, field);
    }

    /**
     * @return the findings per kind
     */
    public Map<FindingKind, Long> findingCounts(long id) {
        return this.store.findingCounts(id);
    }

}
