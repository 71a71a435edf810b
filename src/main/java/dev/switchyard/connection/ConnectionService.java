package dev.switchyard.connection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.connector.ApiMetered;
import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.NulCharacters;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;
import dev.switchyard.connector.TargetConnector;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.dictionary.SchemaDictionary;
import dev.switchyard.project.Environment;
import dev.switchyard.project.ProjectService;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;
import dev.switchyard.system.SecretCipher;
import dev.switchyard.system.SwitchyardProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's connections: one source, and one target per environment. Creating one reads
 * the system at once, so that a wrong URL or a broken upload is refused with the reason;
 * creating a target stores its dictionary for mapping.
 */
@Service
public class ConnectionService {

    private final DataConnectionRepository connections;

    private final ProjectService projects;

    private final ConnectorRegistry registry;

    private final SecretCipher cipher;

    private final UploadStore uploads;

    private final DictionaryStore dictionary;

    private final AuditLog audit;

    private final Clock clock;

    private final List<Path> importRoots;

    private final ApiBudgets budgets;

    ConnectionService(DataConnectionRepository connections, ProjectService projects, ConnectorRegistry registry,
            SecretCipher cipher, UploadStore uploads, DictionaryStore dictionary, AuditLog audit, Clock clock,
            SwitchyardProperties properties, org.springframework.core.env.Environment environment, ApiBudgets budgets) {
        this.budgets = budgets;
        this.connections = connections;
        this.projects = projects;
        this.registry = registry;
        this.cipher = cipher;
        this.uploads = uploads;
        this.dictionary = dictionary;
        this.audit = audit;
        this.clock = clock;
        String roots = environment.getProperty("switchyard.import-roots", "");
        this.importRoots = roots.isBlank() ? List.of(properties.dataDir().resolve("imports"))
                : Arrays.stream(roots.split(",")).map(String::trim).filter((r) -> !r.isEmpty()).map(Path::of).toList();
    }

    /**
     * Creates a connection and reads the system once.
     * @param projectId the project
     * @param request what to connect to
     * @param filename the uploaded file's name, or null without upload
     * @param upload the uploaded bytes, or null
     * @return the connection and what was found
     */
    @Transactional
    public Created create(Long projectId, ConnectionRequest request, String filename, InputStream upload) {
        this.projects.get(projectId);
        ConnectionRole role = parse("role", () -> ConnectionRole.parse(request.role()));
        ConnectorType type = parse("type", () -> ConnectorType.parse(request.type()));
        if (role == ConnectionRole.SOURCE && !this.registry.supports(type)) {
            throw new InvalidInputException("type", "This installation cannot read " + type.key() + " connections");
        }
        Long environmentId = null;
        String environmentName = null;
        if (role == ConnectionRole.TARGET) {
            if (!this.registry.supportsTarget(type)) {
                throw new InvalidInputException("type", "A " + type.key() + " connection cannot be a target: use "
                        + String.join(" or ", this.registry.targetTypes().stream().map(ConnectorType::key).toList()));
            }
            Environment environment = environment(projectId, request.environment());
            environmentId = environment.getId();
            environmentName = environment.getName();
            if (this.connections.findByEnvironmentIdAndRole(environmentId, ConnectionRole.TARGET).isPresent()) {
                throw new ConflictException("environment",
                        "Environment '" + environment.getName() + "' already has a target connection");
            }
        }
        else if (this.connections.findByProjectIdAndRole(projectId, ConnectionRole.SOURCE).isPresent()) {
            throw new ConflictException("role",
                    "This project already has a source connection: upload new files to it instead");
        }
        CrmSettings.Parsed crm = type.isCrm() ? CrmSettings.parse(type, request.settings()) : null;
        String name = ConnectionNames.of(role, type, environmentName, filename, request, crm);
        DataConnection connection = new DataConnection(projectId, role, environmentId, type, name, this.clock.instant(),
                CurrentUser.require().getUsername());
        Map<String, String> options = new LinkedHashMap<>(request.options());
        if (crm != null) {
            if (upload != null) {
                throw new InvalidInputException("file", "A " + type.key() + " connection takes no file");
            }
            options.clear();
            options.putAll(crm.options());
            connection.setSecretCipher(this.cipher.encrypt(crm.secret()));
        }
        else if (type == ConnectorType.JDBC) {
            requireText("url", request.url(), "Give the JDBC URL, e.g. jdbc:postgresql://host:5432/crm");
            options.put("url", request.url().trim());
            putIfText(options, "username", request.username());
            putIfText(options, "schema", request.schema());
            if (request.password() != null && !request.password().isEmpty()) {
                connection.setSecretCipher(this.cipher.encrypt(request.password()));
            }
        }
        else if (upload == null) {
            requireText("folder", request.folder(), "Upload a file, or give a folder on the server");
            Path folder = allowedFolder(request.folder().trim());
            options.put("folder", folder.toString());
            connection.setFilesDir(folder.toString());
        }
        connection.setOptions(options);
        connection = this.connections.saveAndFlush(connection);
        ConnectionCheck check;
        try {
            if (upload != null) {
                if (!type.isFileBased()) {
                    throw new InvalidInputException("file", "A " + type.key() + " connection takes no file");
                }
                UploadStore.Stored stored = this.uploads.store(projectId, connection.getId(), filename, upload);
                connection.setFilesDir(stored.files().toString());
                connection.setUpload(filename, stored.bytes(), this.clock.instant());
            }
            check = check(connection);
            if (!check.ok()) {
                throw new InvalidInputException(problemField(type), check.summary());
            }
            if (role == ConnectionRole.TARGET) {
                storeTargetDictionary(connection);
            }
        }
        catch (RuntimeException ex) {
            if (upload != null) {
                this.uploads.discard(projectId, connection.getId());
            }
            throw ex;
        }
        this.audit.record(projectId, "Connection", connection.getId(), "created",
                role.name().toLowerCase() + " " + type.key() + " '" + name + "': " + check.summary());
        return new Created(connection, check);
    }

    /**
     * Replaces a file-based connection's files with a new upload, keeping the connection,
     * its settings, the dictionary annotations and the delta watermarks. The new files
     * are read first: when no object can be read from them, the current files stay and
     * the refusal says why.
     * @param connectionId the connection
     * @param filename the upload's name
     * @param upload its bytes
     * @return what the new files hold
     */
    @Transactional
    public Created replaceUpload(Long connectionId, String filename, InputStream upload) {
        DataConnection connection = get(connectionId);
        if (!connection.getType().isFileBased()) {
            throw new InvalidInputException("file", "A jdbc connection takes no file");
        }
        ConnectionCheck[] checked = new ConnectionCheck[1];
        UploadStore.Stored stored = this.uploads.store(connection.getProjectId(), connectionId, filename, upload,
                (files) -> {
                    ConnectionSettings current = settings(connection);
                    ConnectionCheck check = check(new ConnectionSettings(current.type(), files, current.options(),
                            current.secret(), current.idFields()));
                    if (!check.ok()) {
                        throw new InvalidInputException("file", "The new files cannot be read, so the current files "
                                + "were kept: " + check.summary().replace(files.toString(), filename));
                    }
                    checked[0] = check;
                });
        connection.setFilesDir(stored.files().toString());
        connection.setUpload(filename, stored.bytes(), this.clock.instant());
        ConnectionCheck check = checked[0];
        this.audit.record(connection.getProjectId(), "Connection", connectionId, "files replaced",
                filename + " (" + stored.bytes() + " bytes): " + check.summary());
        return new Created(connection, check);
    }

    /** Option key prefix of the category field chosen per object. */
    public static final String CATEGORY_PREFIX = "category.";

    /**
     * @param connection a connection
     * @param object an object
     * @return the field whose value distribution the profile keeps for that object, or
     * null
     */
    public static String categoryField(DataConnection connection, String object) {
        return connection.getOptions().get(CATEGORY_PREFIX + object);
    }

    /**
     * Sets the id field, the last-modified field and the category field of an object.
     * @param connectionId the connection
     * @param object the object
     * @param idField the id field, or blank for the default
     * @param modifiedField the modified field, or blank for the default
     * @param categoryField the field whose distribution the profile shows, or blank
     */
    @Transactional
    public void setObjectFields(Long connectionId, String object, String idField, String modifiedField,
            String categoryField) {
        DataConnection connection = get(connectionId);
        Map<String, String> options = new LinkedHashMap<>(connection.getOptions());
        update(options, CATEGORY_PREFIX + object, categoryField);
        connection.setOptions(options);
        Map<String, String> ids = new LinkedHashMap<>(connection.getIdFields());
        Map<String, String> modified = new LinkedHashMap<>(connection.getModifiedFields());
        update(ids, object, idField);
        update(modified, object, modifiedField);
        connection.setIdFields(ids);
        connection.setModifiedFields(modified);
        this.audit.record(connection.getProjectId(), "Connection", connectionId, "object settings",
                object + ": id field " + blankAsDefault(idField) + ", modified field " + blankAsDefault(modifiedField)
                        + ", category field " + blankAsDefault(categoryField));
    }

    /**
     * Opens the system and describes it.
     * @param connection the connection
     * @return what was found, or why it failed
     */
    public ConnectionCheck check(DataConnection connection) {
        ConnectionCheck check = check(settings(connection));
        return check.ok() ? check.withUsage(ApiBudgets.budgetPercent(connection)) : check;
    }

    /**
     * @param connection a connection
     * @return its API budget today, or null for files and databases
     */
    public ApiBudgets.Budget budget(DataConnection connection) {
        return this.budgets.budget(connection);
    }

    /**
     * @param role source or target
     * @return the CRM types this installation can connect to in that role, as their API
     * names ({@code salesforce}, {@code hubspot})
     */
    public List<String> crmTypes(ConnectionRole role) {
        return Arrays.stream(ConnectorType.values())
            .filter(ConnectorType::isCrm)
            .filter((t) -> (role == ConnectionRole.SOURCE) ? this.registry.supports(t)
                    : this.registry.supportsTarget(t))
            .map(ConnectorType::key)
            .toList();
    }

    /**
     * @param connection a connection
     * @return why it may make no API call now (its project's share or the provider's
     * limit used up, as last reported), or null when it may
     */
    public dev.switchyard.connector.BudgetExhaustedException budgetRefusal(DataConnection connection) {
        return this.budgets.refusal(connection);
    }

    /**
     * Changes the share of the provider's daily API limit a CRM connection's project may
     * use; work waiting for its budget finds the new share at its next check.
     * @param connectionId a CRM connection
     * @param percent the new share, from 1 to 100
     * @return the connection
     */
    @Transactional
    public DataConnection setBudgetPercent(Long connectionId, String percent) {
        DataConnection connection = get(connectionId);
        if (!connection.getType().isCrm()) {
            throw new InvalidInputException(CrmSettings.BUDGET_PERCENT, "Only a CRM connection has an API budget: "
                    + connection.getName() + " is " + connection.getType().key());
        }
        int share = CrmSettings.budgetPercent(percent);
        Map<String, String> options = new LinkedHashMap<>(connection.getOptions());
        String before = options.put(CrmSettings.BUDGET_PERCENT, String.valueOf(share));
        connection.setOptions(options);
        this.audit.record(connection.getProjectId(), "Connection", connectionId, "API budget",
                "share of the daily limit " + before + "% → " + share + "%");
        return connection;
    }

    private static String problemField(ConnectorType type) {
        if (type == ConnectorType.SALESFORCE) {
            return "loginUrl";
        }
        if (type == ConnectorType.HUBSPOT) {
            return "accessToken";
        }
        return (type == ConnectorType.JDBC) ? "url" : "file";
    }

    private ConnectionCheck check(ConnectionSettings settings) {
        try (SourceConnector connector = this.registry.open(settings)) {
            SchemaSnapshot schema = connector.describe();
            ApiUsage usage = (connector instanceof ApiMetered metered) ? metered.probeUsage() : null;
            ConnectionCheck found = ConnectionCheck.of(schema.objects()
                .stream()
                .map((o) -> new ConnectionCheck.FoundObject(o.name(), o.fields().size(), o.idField(), o.recordCount()))
                .toList(), schema.problems());
            return new ConnectionCheck(found.ok(), found.summary(), found.objects(), found.problems(), usage);
        }
        catch (ConnectorException ex) {
            return new ConnectionCheck(false, NulCharacters.strip(ex.getMessage()), List.of(), List.of());
        }
    }

    /**
     * Re-reads a target's schema into its dictionary.
     * @param connectionId the target connection
     * @return what was found
     */
    @Transactional
    public ConnectionCheck refreshTarget(Long connectionId) {
        DataConnection connection = get(connectionId);
        if (connection.getRole() != ConnectionRole.TARGET) {
            throw new InvalidInputException("role", "Only a target's dictionary is read from its schema");
        }
        return storeTargetDictionary(connection);
    }

    private ConnectionCheck storeTargetDictionary(DataConnection connection) {
        try (TargetConnector connector = this.registry.openTarget(settings(connection))) {
            SchemaSnapshot schema = connector.describe();
            this.dictionary.replaceTarget(connection.getProjectId(), connection.getId(),
                    schema.objects().stream().map(SchemaDictionary::of).toList());
            return check(connection);
        }
        catch (ConnectorException ex) {
            throw new InvalidInputException(problemField(connection.getType()), ex.getMessage());
        }
    }

    /**
     * @param connection a connection
     * @return the settings a connector needs, with the password decrypted
     */
    public ConnectionSettings settings(DataConnection connection) {
        Path files = (connection.getFilesDir() != null) ? Path.of(connection.getFilesDir()) : null;
        return new ConnectionSettings(connection.getType(), files, connection.getOptions(),
                this.cipher.decrypt(connection.getSecretCipher()), connection.getIdFields(),
                this.budgets.meter(connection));
    }

    @Transactional(readOnly = true)
    public DataConnection get(Long id) {
        return this.connections.findById(id).orElseThrow(() -> NotFoundException.of("Connection", id));
    }

    /**
     * @param projectId a project
     * @param connectionId a connection
     * @return the connection, when it belongs to the project
     * @throws NotFoundException otherwise
     */
    @Transactional(readOnly = true)
    public DataConnection inProject(Long projectId, Long connectionId) {
        DataConnection connection = get(connectionId);
        if (!connection.getProjectId().equals(projectId)) {
            throw NotFoundException.of("Connection", connectionId);
        }
        return connection;
    }

    @Transactional(readOnly = true)
    public Optional<DataConnection> source(Long projectId) {
        return this.connections.findByProjectIdAndRole(projectId, ConnectionRole.SOURCE);
    }

    @Transactional(readOnly = true)
    public Optional<DataConnection> target(Long environmentId) {
        return this.connections.findByEnvironmentIdAndRole(environmentId, ConnectionRole.TARGET);
    }

    @Transactional(readOnly = true)
    public List<DataConnection> list(Long projectId) {
        return this.connections.findByProjectIdOrderByRoleAscIdAsc(projectId);
    }

    /**
     * @param connection a file-based connection
     * @return its files
     */
    public List<Path> files(DataConnection connection) {
        return UploadStore.list((connection.getFilesDir() != null) ? Path.of(connection.getFilesDir()) : null);
    }

    long uploadLimit() {
        return this.uploads.maxBytes();
    }

    private Environment environment(Long projectId, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("environment", "A target belongs to an environment: name it");
        }
        return this.projects.environments(projectId)
            .stream()
            .filter((e) -> e.getName().equalsIgnoreCase(name.trim()))
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("environment",
                    "This project has no environment named '" + name.trim() + "'"));
    }

    private Path allowedFolder(String folder) {
        try {
            Path real = Path.of(folder).toRealPath();
            for (Path root : this.importRoots) {
                if (Files.isDirectory(root) && real.startsWith(root.toRealPath())) {
                    if (!Files.isDirectory(real)) {
                        throw new InvalidInputException("folder", folder + " is not a folder");
                    }
                    return real;
                }
            }
        }
        catch (IOException | java.nio.file.InvalidPathException ex) {
            throw new InvalidInputException("folder", "The folder " + folder + " does not exist or cannot be read");
        }
        throw new InvalidInputException("folder",
                "Folders on the server must lie under an import root ("
                        + String.join(", ", this.importRoots.stream().map(Path::toString).toList())
                        + "; setting switchyard.import-roots)");
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException(field, ex.getMessage());
        }
    }

    private static void requireText(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, message);
        }
    }

    private static void putIfText(Map<String, String> options, String key, String value) {
        if (value != null && !value.isBlank()) {
            options.put(key, value.trim());
        }
    }

    private static void update(Map<String, String> map, String key, String value) {
        if (value == null || value.isBlank()) {
            map.remove(key);
        }
        else {
            map.put(key, value.trim());
        }
    }

    private static String blankAsDefault(String value) {
        return (value == null || value.isBlank()) ? "(default)" : value.trim();
    }

    /**
     * A connection just created or re-uploaded, with what was found.
     *
     * @param connection the connection
     * @param check what was found
     */
    public record Created(DataConnection connection, ConnectionCheck check) {
    }

}
