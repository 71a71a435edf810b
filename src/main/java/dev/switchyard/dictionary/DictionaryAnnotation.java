package dev.switchyard.dictionary;

import java.time.Instant;

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
 * What analysts say about an object or a field (field blank): label, description,
 * business owner, sensitivity and notes. Kept by project, side and name, so it survives
 * new snapshots and new uploads.
 */
@Entity
@Table(name = "dictionary_annotation")
public class DictionaryAnnotation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private Long projectId;

    @Enumerated(EnumType.STRING)
    private DictionarySide side;

    private String object;

    private String field;

    private String label;

    private String description;

    @Column(name = "business_owner")
    private String businessOwner;

    @Enumerated(EnumType.STRING)
    private Sensitivity sensitivity = Sensitivity.NONE;

    private String notes;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected DictionaryAnnotation() {
    }

    DictionaryAnnotation(Long projectId, DictionarySide side, String object, String field) {
        this.projectId = projectId;
        this.side = side;
        this.object = object;
        this.field = field;
    }

    void update(String label, String description, String businessOwner, Sensitivity sensitivity, String notes,
            String updatedBy, Instant updatedAt) {
        this.label = label;
        this.description = description;
        this.businessOwner = businessOwner;
        this.sensitivity = sensitivity;
        this.notes = notes;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    public Long getId() {
        return this.id;
    }

    public String getObject() {
        return this.object;
    }

    public String getField() {
        return this.field;
    }

    public String getLabel() {
        return this.label;
    }

    public String getDescription() {
        return this.description;
    }

    public String getBusinessOwner() {
        return this.businessOwner;
    }

    public Sensitivity getSensitivity() {
        return this.sensitivity;
    }

    public String getNotes() {
        return this.notes;
    }

    public String getUpdatedBy() {
        return this.updatedBy;
    }

    public Instant getUpdatedAt() {
        return this.updatedAt;
    }

    public long getVersion() {
        return this.version;
    }

}
