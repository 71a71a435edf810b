package dev.switchyard.run;

import java.util.List;
import java.util.function.ToLongFunction;

import dev.switchyard.connector.BudgetExhaustedException;
import dev.switchyard.connector.TargetUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Sets a run's status from its job's when the job ends — COMPLETED; STOPPED as PAUSED or
 * CANCELLED; an API budget used up as WAITING_FOR_BUDGET; a lost target as PAUSED with
 * the reason; an exceeded error threshold or any other failure as FAILED — and writes the
 * run's log lines for it: the quarantine reasons and the balance.
 */
class RunOutcome implements JobExecutionListener {

    private static final Log logger = LogFactory.getLog(RunOutcome.class);

    private final long runId;

    private final RunStore store;

    private final RunLog log;

    private final java.time.Duration budgetCheck;

    RunOutcome(long runId, RunStore store, RunLog log, java.time.Duration budgetCheck) {
        this.budgetCheck = budgetCheck;
        this.runId = runId;
        this.store = store;
        this.log = log;
    }

    @Override
    public void afterJob(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        RunStatus current = this.store.status(this.runId);
        if (status == BatchStatus.COMPLETED) {
            Run run = this.store.find(this.runId).orElseThrow();
            this.store.finished(this.runId, RunStatus.COMPLETED,
                    run.balanced() ? "Every record has its outcome; the ledger balances"
                            : "The ledger does not balance: see the objects");
            quarantineSummary();
            this.log.add(this.runId, "Finished COMPLETED: " + balance(run));
            return;
        }
        if (status == BatchStatus.STOPPED || status == BatchStatus.STOPPING) {
            boolean cancel = current == RunStatus.CANCELLING;
            this.store.finished(this.runId, cancel ? RunStatus.CANCELLED : RunStatus.PAUSED,
                    cancel ? "Cancelled; what was loaded stays loaded and is in the ledger"
                            : "Paused after the last committed chunk; resume to continue");
            Run run = this.store.find(this.runId).orElseThrow();
            this.log.add(this.runId,
                    (cancel ? "Cancelled" : "Paused") + " after the last committed chunk: " + balance(run));
            return;
        }
        Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        Throwable cause = failure;
        while (cause != null && !(cause instanceof TargetUnavailableException)
                && !(cause instanceof RunContext.ThresholdExceededException)) {
            cause = cause.getCause();
        }
        if (cause instanceof BudgetExhaustedException budget) {
            java.time.Instant next = java.time.Instant.now().plus(this.budgetCheck);
            this.store.waitForBudget(this.runId, budget.getMessage(), next);
            Run run = this.store.find(this.runId).orElseThrow();
            this.log.add(this.runId, "Waiting for the API budget after the last committed chunk (" + budget.getMessage()
                    + "); checking every " + this.budgetCheck.toSeconds() + " s: " + balance(run));
        }
        else if (cause instanceof TargetUnavailableException) {
            String message = "Paused: the target is unavailable (" + cause.getMessage()
                    + "). No record was marked failed; resume when it is back";
            this.store.finished(this.runId, RunStatus.PAUSED, message);
            this.log.add(this.runId, "Target outage. " + message);
        }
        else if (cause instanceof RunContext.ThresholdExceededException) {
            this.store.finished(this.runId, RunStatus.FAILED, cause.getMessage());
            this.log.add(this.runId, "Error threshold exceeded. " + cause.getMessage());
            quarantineSummary();
        }
        else {
            String message = (failure != null) ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
                    : "The job ended as " + status;
            logger.warn("Run " + this.runId + " failed: " + message, failure);
            this.store.finished(this.runId, RunStatus.FAILED, "Failed: " + message);
            this.log.add(this.runId, "Failed: " + message);
        }
    }

    private void quarantineSummary() {
        List<RunStore.ReasonCount> reasons = this.store.quarantineReasons(this.runId, 20);
        long total = this.store.ledgerCount(this.runId, Outcome.QUARANTINED, null);
        if (total == 0) {
            return;
        }
        this.log.add(this.runId, "Quarantined " + total + " records, by reason:");
        long shown = 0;
        for (RunStore.ReasonCount reason : reasons) {
            shown += reason.count();
            this.log.add(this.runId, "  " + reason.count() + " × " + reason.source() + " → " + reason.target()
                    + ((reason.field() != null) ? " (" + reason.field() + ")" : "") + ": " + reason.reason());
        }
        if (shown < total) {
            this.log.add(this.runId,
                    "  " + (total - shown) + " more with other reasons: see the ledger, outcome QUARANTINED");
        }
    }

    private String balance(Run run) {
        StringBuilder text = new StringBuilder();
        text.append(run.processed())
            .append(" of ")
            .append(run.total())
            .append(" records read: ")
            .append(sum(run, Run.RunObject::created))
            .append(" created, ")
            .append(sum(run, Run.RunObject::updated))
            .append(" updated, ")
            .append(sum(run, Run.RunObject::unchanged))
            .append(" unchanged, ")
            .append(sum(run, Run.RunObject::quarantined))
            .append(" quarantined, ")
            .append(sum(run, Run.RunObject::excluded))
            .append(" excluded, ")
            .append(sum(run, Run.RunObject::archived))
            .append(" archived; ")
            .append(run.balanced() ? "the ledger balances" : "the ledger does NOT balance");
        long deleted = sum(run, Run.RunObject::deleted);
        if (deleted > 0) {
            text.append("; deleted in the source since earlier runs: ")
                .append(deleted)
                .append(" (")
                .append(sum(run, Run.RunObject::targetDeleted))
                .append(" deleted in the target, ")
                .append(sum(run, Run.RunObject::deactivated))
                .append(" deactivated, ")
                .append(sum(run, Run.RunObject::deleteRefused))
                .append(" refused, the rest reported)");
        }
        long left = sum(run, Run.RunObject::leftScope);
        if (left > 0) {
            text.append("; left the scope since earlier runs: ")
                .append(left)
                .append(" (")
                .append(sum(run, Run.RunObject::leftScopeDeleted))
                .append(" deleted in the target, ")
                .append(sum(run, Run.RunObject::leftScopeDeactivated))
                .append(" deactivated, ")
                .append(sum(run, Run.RunObject::leftScopeRefused))
                .append(" refused, the rest kept)");
        }
        return text.toString();
    }

    private static long sum(Run run, ToLongFunction<Run.RunObject> counter) {
        return run.objects().stream().mapToLong(counter).sum();
    }

}
