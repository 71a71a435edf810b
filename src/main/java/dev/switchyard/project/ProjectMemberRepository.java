package dev.switchyard.project;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Project memberships.
 */
public interface ProjectMemberRepository extends JpaRepository<ProjectMember, Long> {

    @Query("select m from ProjectMember m where m.projectId = :projectId order by lower(m.user.username), m.role")
    List<ProjectMember> findByProject(@Param("projectId") Long projectId);

    @Query("select m.role from ProjectMember m where m.projectId = :projectId and m.user.id = :userId")
    List<ProjectRole> findRoles(@Param("projectId") Long projectId, @Param("userId") Long userId);

    @Query("select m from ProjectMember m where m.user.id = :userId order by m.projectId, m.role")
    List<ProjectMember> findByUser(@Param("userId") Long userId);

    @Query("select count(m) > 0 from ProjectMember m where m.projectId = :projectId and m.user.id = :userId")
    boolean isMember(@Param("projectId") Long projectId, @Param("userId") Long userId);

}
