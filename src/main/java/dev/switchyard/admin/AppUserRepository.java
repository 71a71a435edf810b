package dev.switchyard.admin;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Users.
 */
public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    @Query("select u from AppUser u where lower(u.username) = lower(:username)")
    Optional<AppUser> findByUsername(@Param("username") String username);

    @Query("""
            select u from AppUser u
            where :q = '' or lower(u.username) like concat('%', :q, '%')
               or lower(coalesce(u.displayName, '')) like concat('%', :q, '%')
            """)
    Page<AppUser> search(@Param("q") String query, Pageable pageable);

}
