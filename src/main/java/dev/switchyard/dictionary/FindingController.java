package dev.switchyard.dictionary;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import dev.switchyard.profiling.FindingStore;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.system.NotFoundException;
import dev.switchyard.system.TableExport;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The findings tab: the data-quality findings of the latest completed extraction,
 * filterable, each with its examples; XLSX export.
 */
@Controller
class FindingController {

    private final DictionaryService dictionary;

    private final FindingStore findings;

    private final SnapshotLifecycle snapshots;

    private final WorkspaceModel workspace;

    FindingController(DictionaryService dictionary, FindingStore findings, SnapshotLifecycle snapshots,
            WorkspaceModel workspace) {
        this.dictionary = dictionary;
        this.findings = findings;
        this.snapshots = snapshots;
        this.workspace = workspace;
    }

    @GetMapping("/projects/{projectId}/findings")
    String list(@PathVariable Long projectId, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String object, Model model) {
        this.workspace.fill(projectId, model, "findings");
        List<FindingStore.StoredFinding> all = this.dictionary.findings(projectId);
        model.addAttribute("snapshot", this.snapshots.latestUsable(projectId).orElse(null));
        model.addAttribute("kinds", new TreeSet<>(all.stream().map((f) -> f.kind().name()).toList()));
        model.addAttribute("objects", new TreeSet<>(all.stream().map(FindingStore.StoredFinding::object).toList()));
        model.addAttribute("kind", kind);
        model.addAttribute("object", object);
        model.addAttribute("findings",
                all.stream()
                    .filter((f) -> kind.isBlank() || f.kind().name().equals(kind))
                    .filter((f) -> object.isBlank() || object.equals(f.object()))
                    .toList());
        return "dictionary/findings";
    }

    @GetMapping("/projects/{projectId}/findings/{findingId}")
    String detail(@PathVariable Long projectId, @PathVariable Long findingId, Model model) {
        this.workspace.fill(projectId, model, "findings");
        Long snapshotId = this.findings.snapshotOf(findingId);
        Snapshot snapshot = (snapshotId != null) ? this.snapshots.get(snapshotId) : null;
        if (snapshot == null || !snapshot.getProjectId().equals(projectId)) {
            throw NotFoundException.of("Finding", findingId);
        }
        model.addAttribute("finding",
                this.findings.list(snapshotId)
                    .stream()
                    .filter((f) -> f.id() == findingId)
                    .findFirst()
                    .orElseThrow(() -> NotFoundException.of("Finding", findingId)));
        model.addAttribute("snapshot", snapshot);
        return "dictionary/finding";
    }

    @GetMapping("/projects/{projectId}/findings.xlsx")
    void export(@PathVariable Long projectId, HttpServletResponse response) throws IOException {
        List<FindingStore.StoredFinding> all = this.dictionary.findings(projectId);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("findings.xlsx").build().toString());
        TableExport.xlsx("Findings", List.of("Kind", "Object", "Field", "Count", "Message", "Examples"),
                all.stream()
                    .map((f) -> List.of(f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                            (f.object() != null) ? f.object() : "", (f.field() != null) ? f.field() : "", f.count(),
                            f.message(),
                            String.join("\n", f.examples()
                                .stream()
                                .map((e) -> (e.recordId() != null) ? e.recordId() + ": " + e.value() : e.value())
                                .toList()))),
                response.getOutputStream());
    }

}
