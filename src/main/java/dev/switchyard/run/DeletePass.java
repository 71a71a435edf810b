package dev.switchyard.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.switchyard.connector.RowRejection;
import dev.switchyard.connector.TargetConnector;

/**
 * Applies a run's delete policy to the target rows of two kinds of records earlier runs
 * loaded into its environment: those the source has deleted since, and those leaving the
 * scope — excluded or archived by this run's scope version (or left out by the mapping's
 * source filter). Report leaves them in the target; delete deletes their target rows
 * through the cross-reference, children's objects before parents' (reverse load order),
 * and forgets them; deactivate sets the column and value the analyst named on their rows.
 * Each such record gets a ledger entry of its own (outside the balance of the records
 * read; for a record leaving the scope, beside its EXCLUDED or ARCHIVED outcome) and is
 * counted per object and kind; a row the target refuses to delete or change is
 * {@link Outcome#DELETE_REFUSED} or {@link Outcome#LEFT_SCOPE_REFUSED} with the target's
 * message, and never stops the run. A run that holds records leaving the scope
 * ({@link RunContext#holdLeavers()}: production without an approved scope) only reports
 * them.
 */
class DeletePass {

    private static final int CHUNK = 500;

    private static final int LOGGED_REFUSALS = 5;

    private final RunContext run;

    private final RunStore store;

    private final RunLog log;

    private final Supplier<TargetConnector> writer;

    DeletePass(RunContext run, RunStore store, RunLog log, Supplier<TargetConnector> writer) {
        this.run = run;
        this.store = store;
        this.log = log;
        this.writer = writer;
    }

    /**
     * Applies the policy to every object mapping of the plan, children first; per object
     * mapping to the records leaving the scope, then to those deleted in the source.
     */
    void apply() {
        List<RunPlan.Step> steps = this.run.plan().steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            apply(i, steps.get(i), Kind.SCOPE_EXIT);
            apply(i, steps.get(i), Kind.SOURCE_DELETION);
        }
    }

    private void apply(int position, RunPlan.Step step, Kind kind) {
        String hold = (kind == Kind.SCOPE_EXIT) ? this.run.holdLeavers() : null;
        DeletePolicy.Policy policy = (hold != null) ? DeletePolicy.Policy.REPORT : this.run.deletes().policy();
        boolean skipDeactivated = policy == DeletePolicy.Policy.DEACTIVATE;
        Map<String, String> gone = (kind == Kind.SCOPE_EXIT)
                ? this.store.leftScope(this.run.id(), this.run.environmentId(), step.source(), step.target(),
                        skipDeactivated)
                : this.store.deletedInSource(this.run.environmentId(), step.source(), step.target(),
                        this.run.snapshotId(), skipDeactivated);
        List<RunStore.LedgerEntry> entries = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        long refused = 0;
        if (policy == DeletePolicy.Policy.REPORT) {
            String reason = kind.what + " since it was loaded; the target keeps it "
                    + ((hold != null) ? "(" + hold + ")" : "(delete policy: report)");
            gone.forEach((sourceId, targetId) -> entries
                .add(new RunStore.LedgerEntry(sourceId, kind.reported, targetId, reason, null, null)));
        }
        else {
            DeletePolicy.Deactivation deactivation = (policy == DeletePolicy.Policy.DEACTIVATE)
                    ? this.run.deletes().deactivation(step.source(), step.target()).orElse(null) : null;
            List<Map.Entry<String, String>> all = new ArrayList<>(gone.entrySet());
            for (int from = 0; from < all.size(); from += CHUNK) {
                Map<String, String> sourceOf = new LinkedHashMap<>();
                all.subList(from, Math.min(all.size(), from + CHUNK))
                    .forEach((e) -> sourceOf.put(e.getValue(), e.getKey()));
                List<RowRejection> rejections = remove(policy, deactivation, step, sourceOf);
                Map<String, RowRejection> byTarget = new LinkedHashMap<>();
                rejections.forEach((r) -> byTarget.put(r.targetId(), r));
                String verb = (policy == DeletePolicy.Policy.DELETE) ? "delete" : "deactivate";
                sourceOf.forEach((targetId, sourceId) -> {
                    RowRejection rejection = byTarget.get(targetId);
                    if (rejection != null) {
                        entries.add(new RunStore.LedgerEntry(sourceId, kind.refused, targetId,
                                kind.what + "; the target refused to " + verb + " its row: " + rejection.message(),
                                (deactivation != null) ? deactivation.column() : rejection.column(),
                                (deactivation != null) ? deactivation.value() : null));
                        if (refusals.size() < LOGGED_REFUSALS) {
                            refusals.add(step.source() + " " + sourceId + " (" + step.target() + " " + targetId
                                    + "): the target refused to " + verb + " it: " + rejection.message());
                        }
                    }
                    else {
                        done.add(sourceId);
                        entries
                            .add(new RunStore.LedgerEntry(sourceId,
                                    (policy == DeletePolicy.Policy.DELETE) ? kind.deleted : kind.deactivated, targetId,
                                    (policy == DeletePolicy.Policy.DELETE) ? kind.what + "; its target row was deleted"
                                            : kind.what + "; its target row was marked inactive ("
                                                    + deactivation.column() + " = " + deactivation.value() + ")",
                                    null, null));
                    }
                });
                refused += byTarget.size();
            }
            if (!done.isEmpty()) {
                if (policy == DeletePolicy.Policy.DELETE) {
                    this.store.forget(this.run.environmentId(), step.source(), step.target(), done);
                }
                else {
                    this.store.deactivated(this.run.environmentId(), step.source(), step.target(), done);
                }
            }
        }
        this.store.ledger(this.run.id(), step.source(), step.target(), entries, kind == Kind.SCOPE_EXIT);
        long found = gone.size();
        long targetDeleted = (policy == DeletePolicy.Policy.DELETE) ? done.size() : 0;
        long deactivated = (policy == DeletePolicy.Policy.DEACTIVATE) ? done.size() : 0;
        if (kind == Kind.SCOPE_EXIT) {
            this.store.leftScopeCounts(this.run.id(), position, found, targetDeleted, deactivated, refused);
        }
        else {
            this.store.deleted(this.run.id(), position, found, targetDeleted, deactivated, refused);
        }
        if (found > 0) {
            log(step, kind, policy, hold, found, targetDeleted, deactivated, refused, refusals);
        }
    }

    private List<RowRejection> remove(DeletePolicy.Policy policy, DeletePolicy.Deactivation deactivation,
            RunPlan.Step step, Map<String, String> sourceOf) {
        if (policy == DeletePolicy.Policy.DELETE) {
            return this.writer.get().delete(step.target(), step.idColumn(), sourceOf.keySet());
        }
        if (deactivation == null) {
            return sourceOf.keySet()
                .stream()
                .map((id) -> new RowRejection(id, null,
                        "No column and value to mark " + step.source() + " → " + step.target()
                                + " records inactive were named in the delete policy"))
                .toList();
        }
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        Object value = (deactivation.value() == null || deactivation.value().isEmpty()) ? null : deactivation.value();
        sourceOf.keySet().forEach((id) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(deactivation.column(), value);
            values.put(id, row);
        });
        return this.writer.get().patch(step.target(), step.idColumn(), values);
    }

    private void log(RunPlan.Step step, Kind kind, DeletePolicy.Policy policy, String hold, long found,
            long targetDeleted, long deactivated, long refused, List<String> refusals) {
        String name = step.source() + " → " + step.target() + ": " + found + " " + kind.records;
        this.log.add(this.run.id(), switch (policy) {
            case REPORT ->
                name + "; the target keeps them " + ((hold != null) ? "(" + hold + ")" : "(delete policy report)");
            case DELETE ->
                name + ": " + targetDeleted + " deleted in the target, " + refused + " refused (delete policy delete)";
            case DEACTIVATE ->
                name + ": " + deactivated + " marked inactive, " + refused + " refused (delete policy deactivate)";
        });
        refusals.forEach((line) -> this.log.add(this.run.id(), line));
        if (refused > refusals.size()) {
            this.log.add(this.run.id(), step.source() + " → " + step.target() + ": " + (refused - refusals.size())
                    + " more refusals, each in the ledger as " + kind.refused.name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The two kinds of records whose target rows the delete policy applies to, with their
     * outcomes and how the ledger and the log name them.
     */
    enum Kind {

        /** Loaded by earlier runs, deleted in the source since. */
        SOURCE_DELETION(Outcome.DELETED_IN_SOURCE, Outcome.DELETED, Outcome.DEACTIVATED, Outcome.DELETE_REFUSED,
                "Deleted in the source", "records deleted in the source since earlier runs"),

        /**
         * Loaded by earlier runs, excluded or archived by this run's scope (or left out
         * by the mapping's filter).
         */
        SCOPE_EXIT(Outcome.LEFT_SCOPE, Outcome.LEFT_SCOPE_DELETED, Outcome.LEFT_SCOPE_DEACTIVATED,
                Outcome.LEFT_SCOPE_REFUSED, "Left the scope",
                "records loaded by earlier runs left the scope (excluded or archived by this run's scope or the"
                        + " mapping's filter)");

        final Outcome reported;

        final Outcome deleted;

        final Outcome deactivated;

        final Outcome refused;

        final String what;

        final String records;

        Kind(Outcome reported, Outcome deleted, Outcome deactivated, Outcome refused, String what, String records) {
            this.reported = reported;
            this.deleted = deleted;
            this.deactivated = deactivated;
            this.refused = refused;
            this.what = what;
            this.records = records;
        }

    }

}
