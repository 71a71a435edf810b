package dev.switchyard.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The audit log: insert and read only.
 */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    @Query("""
            select e from AuditEvent e
            where (:projectId is null or e.projectId = :projectId)
              and (:actor = '' or lower(e.actor) = lower(:actor))
              and (:action = '' or lower(e.action) like concat('%', lower(:action), '%')
                   or lower(e.entityType) like concat('%', lower(:action), '%')
                   or lower(coalesce(e.summary, '')) like concat('%', lower(:action), '%'))
              and e.occurredAt >= :from and e.occurredAt < :to
            order by e.occurredAt desc, e.id desc
            """)
    Page<AuditEvent> search(@Param("projectId") Long projectId, @Param("actor") String actor,
            @Param("action") String text, @Param("from") Instant from, @Param("to") Instant to, Pageable pageable);

    List<AuditEvent> findTop10ByProjectIdOrderByOccurredAtDescIdDesc(Long projectId);

}
