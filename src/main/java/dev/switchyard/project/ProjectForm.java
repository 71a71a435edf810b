package dev.switchyard.project;

/**
 * The project create and edit form.
 */
public class ProjectForm {

    private String name;

    private String description;

    private Long version;

    static ProjectForm of(Project project) {
        ProjectForm form = new ProjectForm();
        form.name = project.getName();
        form.description = project.getDescription();
        form.version = project.getVersion();
        return form;
    }

    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return this.description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getVersion() {
        return this.version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

}
