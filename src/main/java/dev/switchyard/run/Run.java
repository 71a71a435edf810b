package dev.switchyard.run;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.switchyard.scope.ScopeStatus;

/**
 * A migration run as stored.
 *
 * @param id its id
 * @param projectId the project
 * @param environmentId the environment it loads into
 * @param environment the environment's name
 * @param mode FULL or DELTA
 * @param status where it is
 * @param snapshotId the staged snapshot it reads
 * @param scopeVersion the scope version deciding what migrates, or null without a scope
 * @param mappingVersion the mapping version it applies
 * @param errorThreshold the quarantine share (percent) above which it aborts, or null
 * @param recordsPerSecond the most records per second it writes (throttling), or null
 * @param requestedBy who started it
 * @param createdAt when
 * @param startedAt when it started loading
 * @param finishedAt when it ended
 * @param message why it stopped, or a summary
 * @param plan its load order
 * @param objects its objects with their counters, in load order
 * @param deletePolicy what it does about records deleted in the source since earlier
 * runs: REPORT, DELETE or DEACTIVATE
 * @param rerunOf for a re-run of quarantined records (mode RERUN), the run whose
 * quarantined records it reads; else null
 * @param scopeStatus the status its scope version had when it started (a sandbox run may
 * apply a draft), or null without a scope
 */
public record Run(long id, long projectId, long environmentId, String environment, String mode, RunStatus status,
        long snapshotId, Integer scopeVersion, int mappingVersion, BigDecimal errorThreshold, Integer recordsPerSecond,
        String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt, String message, RunPlan plan,
        List<RunObject> objects, String deletePolicy, Long rerunOf, ScopeStatus scopeStatus, BudgetWait budget) {

    /**
     * Why and since when a run waits for its API budget.
     *
     * @param reason what was refused, as the provider or the meter said it
     * @param since when it started waiting
     * @param nextCheck when it asks next whether the budget is back
     * @param checks how often it has asked
     */
    public record BudgetWait(String reason, Instant since, Instant nextCheck, int checks) {
    }

    /**
     * @return the records quarantined, over every object
     */
    public long quarantined() {
        return this.objects.stream().mapToLong(RunObject::quarantined).sum();
    }

    /**
     * @return the records seen so far
     */
    public long processed() {
        return this.objects.stream().mapToLong(RunObject::processed).sum();
    }

    /**
     * @return the records the run will see
     */
    public long total() {
        return this.objects.stream().mapToLong(RunObject::total).sum();
    }

    /**
     * @return the share done, 0–100
     */
    public int percent() {
        long total = total();
        return (total == 0) ? ((this.status == RunStatus.COMPLETED) ? 100 : 0) : (int) (processed() * 100 / total);
    }

    /**
     * @return how long it has run, or null before it started
     */
    public Duration duration() {
        if (this.startedAt == null) {
            return null;
        }
        return Duration.between(this.startedAt, (this.finishedAt != null) ? this.finishedAt : Instant.now());
    }

    /**
     * @return the whole seconds from its start to its end (or to now while it runs), or
     * null before it started
     */
    public Long elapsedSeconds() {
        Duration duration = duration();
        return (duration != null) ? duration.getSeconds() : null;
    }

    /**
     * The time left to read the records still unread, at the rate the run has read so far
     * (records over the time its objects have been loading, which leaves out the wait
     * before a resume between objects).
     * @return the seconds left, or null when it is not running or has no rate yet
     */
    public Long etaSeconds() {
        if (this.status != RunStatus.RUNNING) {
            return null;
        }
        long processed = processed();
        long millis = 0;
        Instant now = Instant.now();
        for (RunObject object : this.objects) {
            if (object.startedAt() != null) {
                millis += Duration
                    .between(object.startedAt(), (object.finishedAt() != null) ? object.finishedAt() : now)
                    .toMillis();
            }
        }
        if (processed == 0 || millis <= 0) {
            return null;
        }
        long remaining = Math.max(0, total() - processed);
        return (long) Math.ceil(remaining * (millis / 1000.0) / processed);
    }

    /**
     * @return the quarantined share of the records seen, in percent with one decimal
     */
    public double quarantineRate() {
        long processed = processed();
        long quarantined = this.objects.stream().mapToLong(RunObject::quarantined).sum();
        return (processed == 0) ? 0 : Math.round(quarantined * 1000.0 / processed) / 10.0;
    }

    /**
     * @return whether every object's ledger balances
     */
    public boolean balanced() {
        return this.objects.stream().allMatch(RunObject::balanced);
    }

    /**
     * One object mapping of a run, with its counters.
     *
     * @param position its place in the load order
     * @param source the source object
     * @param target the target object
     * @param status PENDING, RUNNING, COMPLETED or FAILED
     * @param total the records it will see
     * @param processed the records that have their outcome
     * @param created records created in the target
     * @param updated records updated
     * @param unchanged records the target already held as they are
     * @param quarantined records refused, with their reason in the ledger
     * @param excluded records the scope or the mapping's filter leaves out
     * @param archived records the scope archives
     * @param deleted records of earlier runs deleted in the source since (counted apart)
     * @param targetDeleted of those, the records whose target rows it deleted
     * @param deactivated of those, the records whose target rows it marked inactive
     * @param deleteRefused of those, the records whose target rows the target would not
     * delete or deactivate (its message in the ledger)
     * @param startedAt when it started
     * @param finishedAt when it ended
     * @param leftScope records earlier runs loaded that this run excluded or archived
     * (records leaving the scope, counted apart like deleted ones)
     * @param leftScopeDeleted of those, the records whose target rows it deleted
     * @param leftScopeDeactivated of those, the records whose target rows it marked
     * inactive
     * @param leftScopeRefused of those, the records whose target rows the target would
     * not delete or deactivate (its message in the ledger)
     */
    public record RunObject(int position, String source, String target, String status, long total, long processed,
            long created, long updated, long unchanged, long quarantined, long excluded, long archived, long deleted,
            long targetDeleted, long deactivated, long deleteRefused, Instant startedAt, Instant finishedAt,
            long leftScope, long leftScopeDeleted, long leftScopeDeactivated, long leftScopeRefused) {

        /**
         * @return whether the outcomes add up to the records seen
         */
        public boolean balanced() {
            return this.created + this.updated + this.unchanged + this.quarantined + this.excluded
                    + this.archived == this.processed;
        }

        /**
         * @return records per second so far, or null
         */
        public Long throughput() {
            if (this.startedAt == null || this.processed == 0) {
                return null;
            }
            long millis = Duration.between(this.startedAt, (this.finishedAt != null) ? this.finishedAt : Instant.now())
                .toMillis();
            return (millis <= 0) ? null : this.processed * 1000 / millis;
        }

        /**
         * @return the seconds left at the current throughput, or null
         */
        public Long etaSeconds() {
            Long rate = throughput();
            if (rate == null || rate == 0 || this.finishedAt != null) {
                return null;
            }
            return (this.total - this.processed) / rate;
        }

        /**
         * @return the share done, 0–100
         */
        public int percent() {
            return (this.total == 0) ? ("COMPLETED".equals(this.status) ? 100 : 0)
                    : (int) Math.min(100, this.processed * 100 / this.total);
        }

    }

}
