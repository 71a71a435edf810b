package dev.switchyard.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A validation of a migration run as stored: the count reconciliation per object, the
 * field comparison, the content checks, the reference check and the tester's decision.
 *
 * @param id its id
 * @param runId the run validated
 * @param projectId the project
 * @param environmentId the run's environment
 * @param environment its name
 * @param mode FULL or SAMPLE
 * @param sampleSize records compared per object in sample mode
 * @param seed the sample's seed
 * @param strata the source field a stratified sample is drawn across, or null
 * @param status where it is
 * @param total records to read back
 * @param processed records read back so far
 * @param relationshipsChecked references compared with the cross-reference
 * @param relationshipsBroken references that differ from it
 * @param relationshipsUnresolved references the run left empty because their parent was
 * not loaded (the ledger says so): missing in the target, but explained
 * @param requestedBy who started it
 * @param createdAt when
 * @param startedAt when it started reading
 * @param finishedAt when it ended
 * @param message a summary, or why it could not verify
 * @param decision SIGNED_OFF or REJECTED, or null
 * @param decidedBy the tester who decided
 * @param decidedAt when
 * @param decisionComment the tester's comment or findings
 * @param objects per object mapping, in load order
 * @param fields per mapped target field
 * @param checks content checks per object
 */
public record Validation(long id, long runId, long projectId, long environmentId, String environment, String mode,
        Integer sampleSize, Long seed, String strata, ValidationStatus status, long total, long processed,
        long relationshipsChecked, long relationshipsBroken, long relationshipsUnresolved, String requestedBy,
        Instant createdAt, Instant startedAt, Instant finishedAt, String message, String decision, String decidedBy,
        Instant decidedAt, String decisionComment, List<ObjectResult> objects, List<FieldResult> fields,
        List<CheckResult> checks) {

    /** The tester signed the validation off. */
    public static final String SIGNED_OFF = "SIGNED_OFF";

    /** The tester rejected it with findings. */
    public static final String REJECTED = "REJECTED";

    /**
     * @return the share read back, 0–100
     */
    public int percent() {
        if (this.status.finished()) {
            return 100;
        }
        return (this.total == 0) ? 0 : (int) Math.min(100, this.processed * 100 / this.total);
    }

    /**
     * @return how long it took, or has taken so far
     */
    public Duration duration() {
        if (this.startedAt == null) {
            return null;
        }
        return Duration.between(this.startedAt, (this.finishedAt != null) ? this.finishedAt : Instant.now());
    }

    /**
     * @return the count reconciliation's verdict
     */
    public Verdict reconciliation() {
        if (!this.status.finished()) {
            return null;
        }
        if (this.status != ValidationStatus.COMPLETED || this.objects.stream().anyMatch((o) -> o.balanced() == null)) {
            return Verdict.UNVERIFIED;
        }
        return Verdict.worst(this.objects.stream().map(ObjectResult::verdict).toList());
    }

    /**
     * @return the field comparison's verdict: its worst field
     */
    public Verdict fieldVerdict() {
        if (!this.status.finished()) {
            return null;
        }
        if (this.status != ValidationStatus.COMPLETED) {
            return Verdict.UNVERIFIED;
        }
        return Verdict.worst(this.fields.stream().filter((f) -> !f.reference()).map(FieldResult::status).toList());
    }

    /**
     * @return the reference check's verdict
     */
    public Verdict relationshipVerdict() {
        if (!this.status.finished()) {
            return null;
        }
        if (this.status != ValidationStatus.COMPLETED) {
            return Verdict.UNVERIFIED;
        }
        if (this.relationshipsBroken > 0) {
            return Verdict.FAIL;
        }
        return (this.relationshipsUnresolved == 0) ? Verdict.PASS : Verdict.WARN;
    }

    /**
     * @return the content checks' verdict
     */
    public Verdict contentVerdict() {
        if (!this.status.finished()) {
            return null;
        }
        if (this.status != ValidationStatus.COMPLETED) {
            return Verdict.UNVERIFIED;
        }
        return this.checks.stream().anyMatch((c) -> c.failed() > 0) ? Verdict.FAIL : Verdict.PASS;
    }

    /**
     * @return the whole validation's verdict (its worst tile), or null while it runs
     */
    public Verdict verdict() {
        if (!this.status.finished()) {
            return null;
        }
        if (this.status != ValidationStatus.COMPLETED) {
            return Verdict.UNVERIFIED;
        }
        List<Verdict> tiles = new ArrayList<>();
        tiles.add(reconciliation());
        tiles.add(fieldVerdict());
        tiles.add(relationshipVerdict());
        tiles.add(contentVerdict());
        return Verdict.worst(tiles);
    }

    /**
     * @return the fields compared, over all objects
     */
    public long fieldsCompared() {
        return this.fields.stream().filter((f) -> !f.reference()).mapToLong(FieldResult::compared).sum();
    }

    /**
     * @return the overall match rate of the field values compared, in percent, or null
     * when none were
     */
    public Double matchRate() {
        long compared = fieldsCompared();
        if (compared == 0) {
            return null;
        }
        long matched = this.fields.stream().filter((f) -> !f.reference()).mapToLong(FieldResult::matched).sum();
        return FieldResult.rate(matched, compared);
    }

    /**
     * @return whether a tester may still sign it off or reject it
     */
    public boolean decidable() {
        return this.status.finished() && this.status != ValidationStatus.FAILED && this.decision == null;
    }

    /**
     * One object mapping's reconciliation.
     *
     * @param position its place in the run's load order
     * @param source the source object
     * @param target the target object
     * @param extracted the records of the run's snapshot
     * @param inScope those the scope migrates (extracted less excluded and archived)
     * @param created created by the run
     * @param updated updated
     * @param unchanged already as they were
     * @param quarantined refused
     * @param excluded left out by the scope or the mapping's filter
     * @param archived archived by the scope
     * @param withoutOutcome records of the snapshot the ledger has no outcome for
     * @param inTarget the rows the workbench loaded into the environment for this object
     * mapping (by the cross-reference) that the target holds now — the run's loaded
     * records and rows of earlier runs whose records this run did not load (out of scope,
     * deleted in the source, marked inactive) —, or null when it could not be read
     * @param missing records the run loaded that the target no longer holds
     * @param compared records whose fields were compared
     * @param balanced the ledger sums to the extracted count and the target holds every
     * loaded record; null when it could not be read
     * @param reason why it could not be verified, or null
     * @param outOfScope rows in the target (not marked inactive) whose records the run's
     * scope or the mapping's filter leaves out, or null when it could not be read
     * @param outOfScopeKept of those, the rows the run kept on purpose and said so in its
     * ledger (delete policy report, or a production run without an approved scope)
     */
    public record ObjectResult(int position, String source, String target, long extracted, long inScope, long created,
            long updated, long unchanged, long quarantined, long excluded, long archived, long withoutOutcome,
            Long inTarget, long missing, long compared, Boolean balanced, String reason, Long outOfScope,
            Long outOfScopeKept, java.math.BigDecimal quarantineWarnPercent) {

        /**
         * @return the share of the in-scope records the run quarantined, in percent (0
         * without records in scope)
         */
        public double quarantinePercent() {
            return (this.inScope > 0) ? 100.0 * this.quarantined / this.inScope : 0;
        }

        /**
         * @return whether the run quarantined more of this object than the warn threshold
         * allows
         */
        public boolean quarantineAboveThreshold() {
            return this.quarantineWarnPercent != null && this.quarantined > 0
                    && quarantinePercent() > this.quarantineWarnPercent.doubleValue();
        }

        /**
         * @return created + updated + unchanged
         */
        public long loaded() {
            return this.created + this.updated + this.unchanged;
        }

        /**
         * @return the sum of the ledger's outcomes
         */
        public long accounted() {
            return loaded() + this.quarantined + this.excluded + this.archived;
        }

        /**
         * @return the reconciliation's verdict for this object: unverified when it could
         * not be read; fail when it does not balance or the target holds rows out of
         * scope that the run did not keep on purpose; warn when it holds only rows the
         * run kept on purpose (and reported), or when the run quarantined more of the
         * object than {@code switchyard.validation.quarantine-warn-percent}; else pass
         */
        public Verdict verdict() {
            if (this.balanced == null) {
                return Verdict.UNVERIFIED;
            }
            if (!this.balanced || outOfScopeUnexplained() > 0) {
                return Verdict.FAIL;
            }
            return (outOfScopeCount() > 0 || quarantineAboveThreshold()) ? Verdict.WARN : Verdict.PASS;
        }

        /**
         * @return the rows out of scope still in the target (0 when unknown)
         */
        public long outOfScopeCount() {
            return (this.outOfScope != null) ? this.outOfScope : 0;
        }

        /**
         * @return the rows out of scope still in the target that the run did not keep on
         * purpose
         */
        public long outOfScopeUnexplained() {
            return outOfScopeCount() - ((this.outOfScopeKept != null) ? this.outOfScopeKept : 0);
        }

    }

    /**
     * One mapped target field's comparison.
     *
     * @param source the source object
     * @param target the target object
     * @param field the target field
     * @param sourceField the source field it is made from, or null (a constant)
     * @param reference whether it is a reference (checked against the cross-reference)
     * @param compared records compared
     * @param matched records whose target value is the transform of the source
     * @param rawMatched records whose target value equals the raw source value
     * @param byDesign records the transform changed and the target holds as expected
     * @param status its verdict under the project's thresholds
     * @param unresolved references the run left empty because their parent was not loaded
     * (the ledger says why): not compared, so outside compared and matched
     */
    public record FieldResult(String source, String target, String field, String sourceField, boolean reference,
            long compared, long matched, long rawMatched, long byDesign, Verdict status, long unresolved) {

        /**
         * @return the match rate in percent (two decimals, never rounded up to 100), or
         * null when nothing was compared
         */
        public Double rate() {
            return (this.compared == 0) ? null : rate(this.matched, this.compared);
        }

        /**
         * @return the share equal to the raw source in percent, or null
         */
        public Double rawRate() {
            return (this.compared == 0) ? null : rate(this.rawMatched, this.compared);
        }

        /**
         * @return records that differ from the expected value
         */
        public long mismatched() {
            return this.compared - this.matched;
        }

        static double rate(long matched, long compared) {
            return Math.floor(matched * 10000.0 / compared) / 100.0;
        }

    }

    /**
     * One content check over one object mapping.
     *
     * @param source the source object
     * @param target the target object
     * @param kind the check
     * @param checked values it applied to
     * @param failed values that failed it
     */
    public record CheckResult(String source, String target, Values.Check kind, long checked, long failed) {

        /**
         * @return its label
         */
        public String label() {
            return this.kind.label();
        }

    }

    /**
     * One finding: a record that differs, with what was expected and what was found.
     *
     * @param id its id
     * @param kind what it says
     * @param source the source object
     * @param target the target object
     * @param sourceId the source record
     * @param targetId its target record
     * @param field the target field, or null
     * @param expected what the target should hold
     * @param actual what it holds
     * @param sourceValue the raw source value
     */
    public record Finding(long id, FindingKind kind, String source, String target, String sourceId, String targetId,
            String field, String expected, String actual, String sourceValue) {
    }

}
