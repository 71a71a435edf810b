package dev.switchyard.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.project.Environment;
import dev.switchyard.project.EnvironmentKind;
import dev.switchyard.project.ProjectService;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a mapping is authored against: the source dictionary of the latest completed
 * extraction and the target dictionary of the authoring environment's target (the first
 * sandbox environment, else the first environment with a target).
 */
@Component
public class MappingInputs {

    private final SnapshotLifecycle snapshots;

    private final DictionaryStore dictionaries;

    private final ProjectService projects;

    private final ConnectionService connections;

    MappingInputs(SnapshotLifecycle snapshots, DictionaryStore dictionaries, ProjectService projects,
            ConnectionService connections) {
        this.snapshots = snapshots;
        this.dictionaries = dictionaries;
        this.projects = projects;
        this.connections = connections;
    }

    /**
     * @param projectId the project
     * @return the dictionaries (either may be empty)
     */
    @Transactional(readOnly = true)
    public Inputs load(Long projectId) {
        Optional<Snapshot> snapshot = this.snapshots.latestUsable(projectId);
        List<DictionaryObject> source = snapshot.map((s) -> this.dictionaries.forSnapshot(s.getId())).orElse(List.of());
        Environment environment = null;
        DataConnection target = null;
        List<Environment> environments = this.projects.environments(projectId);
        for (EnvironmentKind kind : List.of(EnvironmentKind.SANDBOX, EnvironmentKind.STAGING,
                EnvironmentKind.PRODUCTION)) {
            for (Environment candidate : environments) {
                if (candidate.getKind() == kind && target == null) {
                    Optional<DataConnection> connection = this.connections.target(candidate.getId());
                    if (connection.isPresent()) {
                        environment = candidate;
                        target = connection.get();
                    }
                }
            }
        }
        List<DictionaryObject> targetObjects = (target != null) ? this.dictionaries.forConnection(target.getId())
                : List.of();
        return new Inputs(snapshot.map(Snapshot::getId).orElse(null), source,
                (environment != null) ? environment.getName() : null, (target != null) ? target.getId() : null,
                targetObjects, (target != null) ? target.getType() : null);
    }

    /**
     * The dictionaries a mapping is authored against.
     *
     * @param snapshotId the source snapshot, or null before any completed extraction
     * @param source the source objects
     * @param environment the authoring environment's name, or null without a target
     * @param targetConnectionId its target connection, or null
     * @param target the target objects
     * @param targetType the target's type, or null without a target
     */
    public record Inputs(Long snapshotId, List<DictionaryObject> source, String environment, Long targetConnectionId,
            List<DictionaryObject> target, dev.switchyard.connector.ConnectorType targetType) {

        /**
         * Inputs of a relational target (or none).
         * @param snapshotId the source snapshot, or null
         * @param source the source objects
         * @param environment the authoring environment's name, or null
         * @param targetConnectionId its target connection, or null
         * @param target the target objects
         */
        public Inputs(Long snapshotId, List<DictionaryObject> source, String environment, Long targetConnectionId,
                List<DictionaryObject> target) {
            this(snapshotId, source, environment, targetConnectionId, target, null);
        }

        /**
         * @return whether the target identifies migrated records by an external-id field
         * (a CRM, which makes its own ids): the match key must be one
         */
        public boolean externalIdMatchKey() {
            return this.targetType != null && this.targetType.isCrm();
        }

        public Optional<DictionaryObject> sourceObject(String name) {
            return find(this.source, name);
        }

        public Optional<DictionaryObject> targetObject(String name) {
            return find(this.target, name);
        }

        public static Optional<DictionaryObject> find(List<DictionaryObject> objects, String name) {
            if (name == null) {
                return Optional.empty();
            }
            return objects.stream().filter((o) -> o.name().equalsIgnoreCase(name.trim())).findFirst();
        }

        /**
         * @param object an object
         * @param name a field name, any case
         * @return the field
         */
        public static Optional<DictionaryField> field(DictionaryObject object, String name) {
            if (object == null || name == null) {
                return Optional.empty();
            }
            return object.fields().stream().filter((f) -> f.name().equalsIgnoreCase(name.trim())).findFirst();
        }

        /**
         * @param targetObject a target object's name
         * @return its fields' declared lengths
         */
        public Map<String, Integer> lengths(String targetObject) {
            Map<String, Integer> lengths = new LinkedHashMap<>();
            targetObject(targetObject).ifPresent((o) -> o.fields().forEach((f) -> {
                if (f.length() != null && isText(f)) {
                    lengths.put(f.name(), f.length());
                }
            }));
            return lengths;
        }

        static boolean isText(DictionaryField field) {
            return field.type() == null || switch (field.type()) {
                case TEXT, EMAIL, PHONE, URL, PICKLIST, MULTI_PICKLIST, ID -> true;
                default -> false;
            };
        }

    }

}
