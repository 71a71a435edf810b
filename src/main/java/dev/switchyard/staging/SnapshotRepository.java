package dev.switchyard.staging;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.switchyard.system.JobStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Snapshots.
 */
public interface SnapshotRepository extends JpaRepository<Snapshot, Long> {

    Page<Snapshot> findByProjectIdOrderByIdDesc(Long projectId, Pageable pageable);

    Optional<Snapshot> findFirstByProjectIdAndStatusInOrderByIdDesc(Long projectId, Collection<JobStatus> statuses);

    List<Snapshot> findByStatusIn(Collection<JobStatus> statuses);

    boolean existsByProjectIdAndStatusIn(Long projectId, Collection<JobStatus> statuses);

}
