package dev.switchyard.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;

import dev.switchyard.system.TableExport;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Exports the events an audit filter selects, as XLSX or CSV, reading them in pages so
 * that a long log never sits in memory.
 */
@Component
class AuditExport {

    static final List<String> HEADERS = List.of("When (UTC)", "Who", "Project", "Entity", "Entity id", "Action",
            "Summary");

    private static final int PAGE = 1000;

    private final AuditLog audit;

    AuditExport(AuditLog audit) {
        this.audit = audit;
    }

    void xlsx(Long projectId, AuditFilter filter, OutputStream out) throws IOException {
        TableExport.xlsx("Audit log", HEADERS, rows(projectId, filter), out);
    }

    void csv(Long projectId, AuditFilter filter, OutputStream out) throws IOException {
        TableExport.csv(HEADERS, rows(projectId, filter), out);
    }

    private Stream<List<?>> rows(Long projectId, AuditFilter filter) {
        return Stream.iterate(0, (page) -> page + 1)
            .map((page) -> this.audit.search(projectId, filter, PageRequest.of(page, PAGE)))
            .takeWhile((page) -> page.hasContent())
            .flatMap(Page::stream)
            .map((e) -> List.of(e.getOccurredAt(), e.getActor(), nullable(e.getProjectId()), e.getEntityType(),
                    nullable(e.getEntityId()), e.getAction(), nullable(e.getSummary())));
    }

    private static Object nullable(Object value) {
        return (value != null) ? value : "";
    }

}
