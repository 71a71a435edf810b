package dev.switchyard.project;

/**
 * The form that adds or renames an environment.
 */
public class EnvironmentForm {

    private String name;

    private String kind;

    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return this.kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

}
