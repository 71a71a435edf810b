package dev.switchyard.scope;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Scope comments.
 */
public interface ScopeCommentRepository extends JpaRepository<ScopeComment, Long> {

    List<ScopeComment> findByScopeVersionIdOrderByCreatedAtAscIdAsc(Long scopeVersionId);

}
