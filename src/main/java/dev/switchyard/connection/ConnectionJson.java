package dev.switchyard.connection;

import java.time.Instant;
import java.util.Map;

/**
 * A connection as the API shows it (never its password).
 *
 * @param id the id
 * @param projectId the project
 * @param role SOURCE or TARGET
 * @param environment the environment's name (targets)
 * @param type csv, xlsx, sobject-tree or jdbc
 * @param name the display name
 * @param options the settings (URL, user, schema, encoding …)
 * @param hasPassword whether a password is stored
 * @param upload the uploaded file's name, or null
 * @param uploadBytes its size, or null
 * @param idFields id field per object
 * @param modifiedFields last-modified field per object
 * @param updatedAt when it last changed
 * @param found what the last read of the system found, when it was just read
 * @param apiBudget a CRM connection's calls today by kind, the provider's usage as last
 * reported and the share the project may use; null for files and databases
 */
public record ConnectionJson(Long id, Long projectId, String role, String environment, String type, String name,
        Map<String, String> options, boolean hasPassword, String upload, Long uploadBytes, Map<String, String> idFields,
        Map<String, String> modifiedFields, Instant updatedAt, ConnectionCheck found, ApiBudgets.Budget apiBudget) {

    static ConnectionJson of(DataConnection c, String environment, ConnectionCheck found, ApiBudgets.Budget budget) {
        return new ConnectionJson(c.getId(), c.getProjectId(), c.getRole().name(), environment, c.getType().key(),
                c.getName(), c.getOptions(), c.hasSecret(), c.getUploadName(), c.getUploadBytes(), c.getIdFields(),
                c.getModifiedFields(), c.getUpdatedAt(), found, budget);
    }

}
