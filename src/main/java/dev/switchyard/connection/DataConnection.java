package dev.switchyard.connection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchyard.connector.ConnectorType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A project's connection to a source system, or to the target system of one environment.
 * The password, if any, is stored encrypted; uploaded files live under the data
 * directory.
 */
@Entity
@Table(name = "connection")
public class DataConnection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private Long projectId;

    @Enumerated(EnumType.STRING)
    private ConnectionRole role;

    @Column(name = "environment_id")
    private Long environmentId;

    @Enumerated(EnumType.STRING)
    private ConnectorType type;

    private String name;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> options = new LinkedHashMap<>();

    @Column(name = "secret_cipher")
    private String secretCipher;

    @Column(name = "files_dir")
    private String filesDir;

    @Column(name = "upload_name")
    private String uploadName;

    @Column(name = "upload_bytes")
    private Long uploadBytes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "id_fields")
    private Map<String, String> idFields = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "modified_fields")
    private Map<String, String> modifiedFields = new LinkedHashMap<>();

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected DataConnection() {
    }

    DataConnection(Long projectId, ConnectionRole role, Long environmentId, ConnectorType type, String name,
            Instant now, String createdBy) {
        this.projectId = projectId;
        this.role = role;
        this.environmentId = environmentId;
        this.type = type;
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return this.id;
    }

    public Long getProjectId() {
        return this.projectId;
    }

    public ConnectionRole getRole() {
        return this.role;
    }

    public Long getEnvironmentId() {
        return this.environmentId;
    }

    public ConnectorType getType() {
        return this.type;
    }

    public String getName() {
        return this.name;
    }

    public Map<String, String> getOptions() {
        return this.options;
    }

    void setOptions(Map<String, String> options) {
        this.options = new LinkedHashMap<>(options);
    }

    String getSecretCipher() {
        return this.secretCipher;
    }

    void setSecretCipher(String secretCipher) {
        this.secretCipher = secretCipher;
    }

    /**
     * @return whether a password is stored (never the password itself)
     */
    public boolean hasSecret() {
        return this.secretCipher != null;
    }

    public String getFilesDir() {
        return this.filesDir;
    }

    void setFilesDir(String filesDir) {
        this.filesDir = filesDir;
    }

    public String getUploadName() {
        return this.uploadName;
    }

    public Long getUploadBytes() {
        return this.uploadBytes;
    }

    void setUpload(String uploadName, Long uploadBytes, Instant now) {
        this.uploadName = uploadName;
        this.uploadBytes = uploadBytes;
        this.updatedAt = now;
    }

    public Map<String, String> getIdFields() {
        return this.idFields;
    }

    void setIdFields(Map<String, String> idFields) {
        this.idFields = new LinkedHashMap<>(idFields);
    }

    public Map<String, String> getModifiedFields() {
        return this.modifiedFields;
    }

    void setModifiedFields(Map<String, String> modifiedFields) {
        this.modifiedFields = new LinkedHashMap<>(modifiedFields);
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

    public String getCreatedBy() {
        return this.createdBy;
    }

    public Instant getUpdatedAt() {
        return this.updatedAt;
    }

    public long getVersion() {
        return this.version;
    }

}
