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
 * Applies a run's delete policy to the records earlier runs loaded into its environment
 * and the source has deleted since: report leaves them in the target; delete deletes
 * their target rows through the cross-reference, children's objects before parents'
 * (reverse load order), and forgets them; deactivate sets the column and value the
 * analyst named on their rows. Each such record gets a ledger entry of its own (outside
 * the balance of the records read) and is counted per object; a row the target refuses to
 * delete or change is {@link Outcome#DELETE_REFUSED} with the target's message, and never
 * stops the run.
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
     * Applies the policy to every object mapping of the plan.
     */
    void apply() {
        List<RunPlan.Step> steps = this.run.plan().steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            apply(i, steps.get(i));
        }
    }

    private void apply(int position, RunPlan.Step step) {
        DeletePolicy.Policy policy = this.run.deletes().policy();
        Map<String, String> gone = this.store.deletedInSource(this.run.environmentId(), step.source(), step.target(),
                this.run.snapshotId(), policy == DeletePolicy.Policy.DEACTIVATE);
        List<RunStore.LedgerEntry> entries = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        long refused = 0;
        if (policy == DeletePolicy.Policy.REPORT) {
            gone.forEach((sourceId,
                    targetId) -> entries.add(new RunStore.LedgerEntry(sourceId, Outcome.DELETED_IN_SOURCE, targetId,
                            "Deleted in the source since it was loaded; the target keeps it (delete policy: report)",
                            null, null)));
        }
        else {
            DeletePolicy.Deactivation deactivation = (policy == DeletePolicy.Policy.DEACTIVATE)
                    ? this.run.deletes().deactivation(step.source(), step.target()).orElse(null) : null;
            List<Map.Entry<String, String>> all = new ArrayList<>(gone.entrySet());
            for (int from = 0; from < all.size(); from += CHUNK) {
                Map<String, String> sourceOf = new LinkedHashMap<>();
                all.subList(from, Math.min(all.size(), from + CHUNK))
                    .forEach((e) -> sourceOf.put(e.getValue(), e.getKey()));
                List<RowRejection> rejections;
                if (policy == DeletePolicy.Policy.DELETE) {
                    rejections = this.writer.get().delete(step.target(), step.idColumn(), sourceOf.keySet());
                }
                else if (deactivation == null) {
                    rejections = sourceOf.keySet()
                        .stream()
                        .map((id) -> new RowRejection(id, null,
                                "No column and value to mark " + step.source() + " → " + step.target()
                                        + " records inactive were named in the delete policy"))
                        .toList();
                }
                else {
                    Map<String, Map<String, Object>> values = new LinkedHashMap<>();
                    Object value = (deactivation.value() == null || deactivation.value().isEmpty()) ? null
                            : deactivation.value();
                    sourceOf.keySet().forEach((id) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put(deactivation.column(), value);
                        values.put(id, row);
                    });
                    rejections = this.writer.get().patch(step.target(), step.idColumn(), values);
                }
                Map<String, RowRejection> byTarget = new LinkedHashMap<>();
                rejections.forEach((r) -> byTarget.put(r.targetId(), r));
                sourceOf.forEach((targetId, sourceId) -> {
                    RowRejection rejection = byTarget.get(targetId);
                    if (rejection != null) {
                        String verb = (policy == DeletePolicy.Policy.DELETE) ? "delete" : "deactivate";
                        entries.add(new RunStore.LedgerEntry(sourceId, Outcome.DELETE_REFUSED, targetId,
                                "Deleted in the source; the target refused to " + verb + " its row: "
                                        + rejection.message(),
                                (deactivation != null) ? deactivation.column() : rejection.column(),
                                (deactivation != null) ? deactivation.value() : null));
                        if (refusals.size() < LOGGED_REFUSALS) {
                            refusals.add(step.source() + " " + sourceId + " (" + step.target() + " " + targetId
                                    + "): the target refused to " + verb + " it: " + rejection.message());
                        }
                    }
                    else {
                        done.add(sourceId);
                        entries.add(new RunStore.LedgerEntry(sourceId,
                                (policy == DeletePolicy.Policy.DELETE) ? Outcome.DELETED : Outcome.DEACTIVATED,
                                targetId,
                                (policy == DeletePolicy.Policy.DELETE)
                                        ? "Deleted in the source; its target row was deleted"
                                        : "Deleted in the source; its target row was marked inactive ("
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
        this.store.ledger(this.run.id(), step.source(), step.target(), entries);
        long deleted = gone.size();
        long targetDeleted = (policy == DeletePolicy.Policy.DELETE) ? done.size() : 0;
        long deactivated = (policy == DeletePolicy.Policy.DEACTIVATE) ? done.size() : 0;
        this.store.deleted(this.run.id(), position, deleted, targetDeleted, deactivated, refused);
        if (deleted > 0) {
            String name = step.source() + " → " + step.target();
            this.log.add(this.run.id(), switch (policy) {
                case REPORT -> name + ": " + deleted
                        + " records deleted in the source since earlier runs; the target keeps them (delete policy report)";
                case DELETE -> name + ": " + deleted + " records deleted in the source since earlier runs: "
                        + targetDeleted + " deleted in the target, " + refused + " refused (delete policy delete)";
                case DEACTIVATE -> name + ": " + deleted + " records deleted in the source since earlier runs: "
                        + deactivated + " marked inactive, " + refused + " refused (delete policy deactivate)";
            });
            refusals.forEach((line) -> this.log.add(this.run.id(), line));
            if (refused > refusals.size()) {
                this.log.add(this.run.id(),
                        name + ": " + (refused - refusals.size()) + " more refusals, each in the ledger as "
                                + Outcome.DELETE_REFUSED.name().toLowerCase(Locale.ROOT));
            }
        }
    }

}
