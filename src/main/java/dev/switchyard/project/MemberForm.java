package dev.switchyard.project;

/**
 * The form that grants a user a role in a project.
 */
public class MemberForm {

    private String username;

    private String role;

    public String getUsername() {
        return this.username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getRole() {
        return this.role;
    }

    public void setRole(String role) {
        this.role = role;
    }

}
