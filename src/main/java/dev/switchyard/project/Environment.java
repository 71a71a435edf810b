package dev.switchyard.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A target environment of a project (sandbox, staging, production, or more), each with
 * its own target connection and its own cross-reference of ids.
 */
@Entity
@Table(name = "environment")
public class Environment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private Long projectId;

    private String name;

    @Enumerated(EnumType.STRING)
    private EnvironmentKind kind;

    private int position;

    @Version
    private long version;

    protected Environment() {
    }

    Environment(Long projectId, String name, EnvironmentKind kind, int position) {
        this.projectId = projectId;
        this.name = name;
        this.kind = kind;
        this.position = position;
    }

    public Long getId() {
        return this.id;
    }

    public Long getProjectId() {
        return this.projectId;
    }

    public String getName() {
        return this.name;
    }

    void setName(String name) {
        this.name = name;
    }

    public EnvironmentKind getKind() {
        return this.kind;
    }

    public int getPosition() {
        return this.position;
    }

}
