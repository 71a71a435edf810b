package dev.switchyard.scope;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Scope versions.
 */
public interface ScopeVersionRepository extends JpaRepository<ScopeVersion, Long> {

    Optional<ScopeVersion> findFirstByProjectIdOrderByVersionDesc(Long projectId);

    Optional<ScopeVersion> findByProjectIdAndVersion(Long projectId, int version);

    List<ScopeVersion> findByProjectIdOrderByVersionDesc(Long projectId);

    Optional<ScopeVersion> findFirstByProjectIdAndStatusOrderByVersionDesc(Long projectId, ScopeStatus status);

}
