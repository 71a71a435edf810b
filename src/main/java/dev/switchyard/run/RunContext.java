package dev.switchyard.run;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the steps of one run share.
 *
 * @param id the run
 * @param projectId its project
 * @param environmentId its environment
 * @param environment the environment's name
 * @param snapshotId the snapshot it reads
 * @param scopeVersion the scope version deciding what migrates, or null
 * @param delta whether only new and changed records are written
 * @param plan the load order
 * @param chunkSize records per chunk
 * @param threshold the quarantine share (percent) above which the run aborts, or null
 * @param recordsPerSecond the most records per second to write (throttling for
 * rate-limited targets), or 0 for no limit
 * @param rerunOf for a re-run of quarantined records, the run whose quarantined records
 * it reads; else null
 * @param deletes what it does about records deleted in the source since earlier runs and
 * records leaving the scope
 * @param holdLeavers why records leaving the scope stay in the target whatever the delete
 * policy (a production run whose scope version is not approved), or null
 */
record RunContext(long id, long projectId, long environmentId, String environment, long snapshotId,
        Integer scopeVersion, boolean delta, RunPlan plan, int chunkSize, BigDecimal threshold, int recordsPerSecond,
        Long rerunOf, DeletePolicy deletes, String holdLeavers) {

    /** Fewer records than this never trip the error threshold. */
    static final long THRESHOLD_MINIMUM = 100;

    /**
     * Waits as long as the throttle asks after a chunk of records.
     * @param records the chunk's size
     */
    void throttle(int records) {
        if (this.recordsPerSecond <= 0) {
            return;
        }
        try {
            Thread.sleep(records * 1000L / this.recordsPerSecond);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @param progress the run's committed counters
     * @throws ThresholdExceededException when more than the threshold is quarantined
     */
    void checkThreshold(RunStore.Progress progress) {
        if (this.threshold == null) {
            return;
        }
        long processed = progress.processed();
        long quarantined = progress.quarantined();
        if (processed >= THRESHOLD_MINIMUM && BigDecimal.valueOf(quarantined * 100)
            .divide(BigDecimal.valueOf(processed), 2, RoundingMode.HALF_UP)
            .compareTo(this.threshold) > 0) {
            throw new ThresholdExceededException("Aborted: " + quarantined + " of " + processed
                    + " records quarantined, more than the run's threshold of " + this.threshold.toPlainString() + "%");
        }
    }

    /**
     * The error threshold was exceeded.
     */
    static class ThresholdExceededException extends RuntimeException {

        ThresholdExceededException(String message) {
            super(message);
        }

    }

}
