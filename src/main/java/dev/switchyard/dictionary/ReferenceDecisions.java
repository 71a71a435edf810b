package dev.switchyard.dictionary;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analysts' decisions on the references the dictionary inferred: confirmed (the run may
 * rely on it; later extractions keep it even when its match rate drops) or rejected (the
 * field is no reference: the dictionary, the mapping suggestions and the findings forget
 * it). Kept per project, object and field, across extractions; a decision applies while
 * the inferred reference is the one decided on (same referenced object and key field).
 */
@Service
public class ReferenceDecisions {

    private final JdbcTemplate jdbc;

    private final DictionaryStore store;

    private final SnapshotLifecycle snapshots;

    private final AuditLog audit;

    private final Clock clock;

    ReferenceDecisions(JdbcTemplate jdbc, DictionaryStore store, SnapshotLifecycle snapshots, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.snapshots = snapshots;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param projectId a project
     * @return its decisions by {@link #key(String, String)}
     */
    public Map<String, Decision> all(Long projectId) {
        return this.store.decisions(projectId);
    }

    /**
     * Records a decision on the reference the latest extraction's dictionary inferred for
     * a field, replacing an earlier one.
     * @param projectId the project
     * @param object the object
     * @param field the referring field
     * @param kind confirmed or rejected; null withdraws the decision
     * @return the decision, or null when withdrawn
     * @throws NotFoundException before the first extraction, or for an unknown field
     * @throws InvalidInputException when the field has no inferred reference
     */
    @Transactional
    public Decision decide(Long projectId, String object, String field, Kind kind) {
        Snapshot snapshot = this.snapshots.latestUsable(projectId)
            .orElseThrow(() -> new NotFoundException("There is no source dictionary yet"));
        DictionaryField inferred = this.store.forSnapshotAsInferred(snapshot.getId())
            .stream()
            .filter((o) -> o.name().equalsIgnoreCase(object))
            .flatMap((o) -> o.fields().stream())
            .filter((f) -> f.name().equalsIgnoreCase(field))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("There is no field " + object + "." + field));
        if (inferred.referenceTo() == null || !inferred.referenceInferred()) {
            throw new InvalidInputException("field", object + "." + field
                    + " has no inferred reference to confirm or reject (declared references are facts of the source)");
        }
        this.jdbc.update("delete from reference_decision where project_id = ? and lower(object) = lower(?)"
                + " and lower(field) = lower(?)", projectId, object, field);
        String what = object + "." + field + " → " + inferred.referenceTo()
                + ((inferred.referenceKey() != null) ? " by " + inferred.referenceKey() : " by id");
        if (kind == null) {
            this.audit.record(projectId, "ReferenceDecision", object + "." + field, "withdrawn", what);
            return null;
        }
        String user = CurrentUser.require().getUsername();
        Instant now = this.clock.instant();
        this.jdbc.update("""
                insert into reference_decision (project_id, object, field, target, key_field, decision, decided_by,
                    decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)""", projectId, object, field, inferred.referenceTo(),
                inferred.referenceKey(), kind.name(), user, Timestamp.from(now));
        this.audit.record(projectId, "ReferenceDecision", object + "." + field, kind.name().toLowerCase(Locale.ROOT),
                what);
        return new Decision(object, field, inferred.referenceTo(), inferred.referenceKey(), kind, user, now);
    }

    /**
     * @param object an object
     * @param field a field
     * @return the key of {@link #all}: both in lower case
     */
    public static String key(String object, String field) {
        return object.toLowerCase(Locale.ROOT) + "." + field.toLowerCase(Locale.ROOT);
    }

    /**
     * @param decisions decisions by key
     * @return the confirmed ones, each with its referenced object and key field (null by
     * id), by key
     */
    public static Map<String, String[]> confirmed(Map<String, Decision> decisions) {
        Map<String, String[]> confirmed = new HashMap<>();
        decisions.forEach((key, decision) -> {
            if (decision.kind() == Kind.CONFIRMED) {
                confirmed.put(key, new String[] { decision.target(), decision.keyField() });
            }
        });
        return confirmed;
    }

    /**
     * What an analyst decided.
     */
    public enum Kind {

        /** The inferred reference is one. */
        CONFIRMED,

        /** The field is no reference. */
        REJECTED

    }

    /**
     * A decision on one inferred reference.
     *
     * @param object the object
     * @param field the referring field
     * @param target the referenced object decided on
     * @param keyField its key field, or null for a reference by id
     * @param kind confirmed or rejected
     * @param decidedBy who
     * @param decidedAt when
     */
    public record Decision(String object, String field, String target, String keyField, Kind kind, String decidedBy,
            Instant decidedAt) {

        /**
         * @param referenceTo an inferred reference's object
         * @param referenceKey its key field, or null
         * @return whether this decision is about that reference
         */
        public boolean concerns(String referenceTo, String referenceKey) {
            return this.target.equalsIgnoreCase(referenceTo) && ((this.keyField == null) ? referenceKey == null
                    : referenceKey != null && this.keyField.equalsIgnoreCase(referenceKey));
        }

    }

}
