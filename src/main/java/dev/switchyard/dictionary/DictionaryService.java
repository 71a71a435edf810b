package dev.switchyard.dictionary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.profiling.Finding;
import dev.switchyard.profiling.FindingStore;
import dev.switchyard.project.Environment;
import dev.switchyard.project.ProjectService;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * Finds the dictionary to show: the source's from the latest completed extraction, a
 * target's from its connection.
 */
@Service
public class DictionaryService {

    private final DictionaryStore store;

    private final FindingStore findings;

    private final SnapshotLifecycle snapshots;

    private final ConnectionService connections;

    private final ProjectService projects;

    DictionaryService(DictionaryStore store, FindingStore findings, SnapshotLifecycle snapshots,
            ConnectionService connections, ProjectService projects) {
        this.store = store;
        this.findings = findings;
        this.snapshots = snapshots;
        this.connections = connections;
        this.projects = projects;
    }

    /**
     * @param projectId the project
     * @param sideName source or target
     * @param environmentName for a target: the environment (sandbox by default)
     * @return the dictionary and where it comes from
     */
    public View view(Long projectId, String sideName, String environmentName) {
        DictionarySide side;
        try {
            side = DictionarySide.parse(sideName);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("side", ex.getMessage());
        }
        if (side == DictionarySide.SOURCE) {
            Snapshot snapshot = this.snapshots.latestUsable(projectId)
                .orElseThrow(() -> new NotFoundException(
                        "There is no source dictionary yet: connect a source and run an extraction"));
            return new View(side, snapshot.getId(), null, null, this.store.forSnapshot(snapshot.getId()));
        }
        String wanted = (environmentName == null || environmentName.isBlank()) ? "sandbox" : environmentName.trim();
        Environment environment = this.projects.environments(projectId)
            .stream()
            .filter((e) -> e.getName().equalsIgnoreCase(wanted))
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("environment", "No environment named '" + wanted + "'"));
        DataConnection target = this.connections.target(environment.getId())
            .orElseThrow(() -> new NotFoundException(
                    "Environment '" + environment.getName() + "' has no target connection yet"));
        return new View(side, null, environment.getName(), this.store.readAt(target.getId()),
                this.store.forConnection(target.getId()));
    }

    /**
     * @param projectId the project
     * @return the findings of its latest completed extraction (none before one)
     */
    public List<FindingStore.StoredFinding> findings(Long projectId) {
        List<FindingStore.StoredFinding> all = this.snapshots.latestUsable(projectId)
            .map((s) -> this.findings.list(s.getId()))
            .orElse(List.of());
        Map<String, ReferenceDecisions.Decision> decisions = this.store.decisions(projectId);
        if (decisions.isEmpty()) {
            return all;
        }
        // a rejected reference has no orphans and no spelling variants
        return all.stream().filter((f) -> {
            if (f.field() == null
                    || (f.kind() != Finding.Kind.ORPHAN_REFERENCES && f.kind() != Finding.Kind.KEY_SPELLING_VARIANTS)) {
                return true;
            }
            ReferenceDecisions.Decision decision = decisions.get(ReferenceDecisions.key(f.object(), f.field()));
            return decision == null || decision.kind() != ReferenceDecisions.Kind.REJECTED;
        }).toList();
    }

    /**
     * A dictionary and where it comes from.
     *
     * @param side source or target
     * @param snapshotId the snapshot (source)
     * @param environment the environment (target)
     * @param readAt when the target's schema was read, which its record counts date from
     * (null for the source, or a target read before this was recorded)
     * @param objects the objects
     */
    public record View(DictionarySide side, Long snapshotId, String environment, Instant readAt,
            List<DictionaryObject> objects) {
    }

}
