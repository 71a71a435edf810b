package dev.switchyard.connection;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Connections.
 */
public interface DataConnectionRepository extends JpaRepository<DataConnection, Long> {

    Optional<DataConnection> findByProjectIdAndRole(Long projectId, ConnectionRole role);

    Optional<DataConnection> findByEnvironmentIdAndRole(Long environmentId, ConnectionRole role);

    List<DataConnection> findByProjectIdOrderByRoleAscIdAsc(Long projectId);

}
