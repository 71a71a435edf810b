package dev.switchyard.project;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Projects.
 */
public interface ProjectRepository extends JpaRepository<Project, Long> {

    @Query("select p from Project p where lower(p.name) = lower(:name)")
    Optional<Project> findByNameIgnoreCase(@Param("name") String name);

    /**
     * The projects a user may see: all for an administrator, otherwise those they are a
     * member of; filtered by a lower-case search text over name and description.
     * @param userId the user
     * @param admin whether the user is an administrator
     * @param query lower-case search text, or blank
     * @param includeArchived whether archived projects are listed
     * @param pageable the page
     * @return a page of projects
     */
    @Query("""
            select p from Project p
            where (:admin = true or exists (select m.id from ProjectMember m
                                            where m.projectId = p.id and m.user.id = :userId))
              and (:includeArchived = true or p.archived = false)
              and (:q = '' or lower(p.name) like concat('%', :q, '%')
                   or lower(coalesce(p.description, '')) like concat('%', :q, '%'))
            """)
    Page<Project> findVisible(@Param("userId") Long userId, @Param("admin") boolean admin, @Param("q") String query,
            @Param("includeArchived") boolean includeArchived, Pageable pageable);

}
