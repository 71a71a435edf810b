package dev.switchyard.project;

import java.time.Instant;

import dev.switchyard.admin.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One role of one user in one project.
 */
@Entity
@Table(name = "project_member")
public class ProjectMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private Long projectId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id")
    private AppUser user;

    @Enumerated(EnumType.STRING)
    private ProjectRole role;

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "granted_by")
    private String grantedBy;

    protected ProjectMember() {
    }

    ProjectMember(Long projectId, AppUser user, ProjectRole role, Instant grantedAt, String grantedBy) {
        this.projectId = projectId;
        this.user = user;
        this.role = role;
        this.grantedAt = grantedAt;
        this.grantedBy = grantedBy;
    }

    public Long getId() {
        return this.id;
    }

    public Long getProjectId() {
        return this.projectId;
    }

    public AppUser getUser() {
        return this.user;
    }

    public ProjectRole getRole() {
        return this.role;
    }

    public Instant getGrantedAt() {
        return this.grantedAt;
    }

    public String getGrantedBy() {
        return this.grantedBy;
    }

}
