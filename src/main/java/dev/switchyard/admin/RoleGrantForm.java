package dev.switchyard.admin;

/**
 * The administrator's form that grants a user a role in a project.
 */
public class RoleGrantForm {

    private Long projectId;

    private String role;

    public Long getProjectId() {
        return this.projectId;
    }

    public void setProjectId(Long projectId) {
        this.projectId = projectId;
    }

    public String getRole() {
        return this.role;
    }

    public void setRole(String role) {
        this.role = role;
    }

}
