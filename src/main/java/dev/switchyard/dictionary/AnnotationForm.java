package dev.switchyard.dictionary;

/**
 * The annotation form of an object or field.
 */
public class AnnotationForm {

    private String label;

    private String description;

    private String businessOwner;

    private String sensitivity = "NONE";

    private String notes;

    private Long version;

    static AnnotationForm of(DictionaryAnnotation annotation) {
        AnnotationForm form = new AnnotationForm();
        if (annotation != null) {
            form.label = annotation.getLabel();
            form.description = annotation.getDescription();
            form.businessOwner = annotation.getBusinessOwner();
            form.sensitivity = annotation.getSensitivity().name();
            form.notes = annotation.getNotes();
            form.version = annotation.getVersion();
        }
        return form;
    }

    public String getLabel() {
        return this.label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getDescription() {
        return this.description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getBusinessOwner() {
        return this.businessOwner;
    }

    public void setBusinessOwner(String businessOwner) {
        this.businessOwner = businessOwner;
    }

    public String getSensitivity() {
        return this.sensitivity;
    }

    public void setSensitivity(String sensitivity) {
        this.sensitivity = sensitivity;
    }

    public String getNotes() {
        return this.notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Long getVersion() {
        return this.version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

}
