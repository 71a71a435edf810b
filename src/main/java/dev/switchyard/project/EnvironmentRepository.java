package dev.switchyard.project;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Environments of projects.
 */
public interface EnvironmentRepository extends JpaRepository<Environment, Long> {

    List<Environment> findByProjectIdOrderByPositionAscIdAsc(Long projectId);

    @Query("select e from Environment e where e.projectId = :projectId and lower(e.name) = lower(:name)")
    Optional<Environment> findByName(@Param("projectId") Long projectId, @Param("name") String name);

}
