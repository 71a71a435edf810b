package dev.switchyard.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.connector.FieldType;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.mapping.MappingDocument;
import dev.switchyard.mapping.MappingInputs;
import dev.switchyard.mapping.MappingService;
import dev.switchyard.mapping.MappingValidator;
import dev.switchyard.mapping.ObjectMapping;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A project's delete policy: what runs do about records that earlier runs loaded and the
 * source has deleted since. Deactivation columns are checked against the target
 * dictionary the mapping is authored against: the column must exist, must not be the id
 * or generated, and must take the value.
 */
@Service
public class DeletePolicies {

    private static final TypeReference<List<DeletePolicy.Deactivation>> DEACTIVATIONS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    private final MappingService mappings;

    private final MappingInputs inputs;

    private final AuditLog audit;

    DeletePolicies(JdbcTemplate jdbc, JsonMapper json, MappingService mappings, MappingInputs inputs, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.mappings = mappings;
        this.inputs = inputs;
        this.audit = audit;
    }

    /**
     * @param projectId a project
     * @return its delete policy (report when it has not chosen one)
     */
    public DeletePolicy get(long projectId) {
        return this.jdbc
            .query("select policy, deactivate::text from delete_policy where project_id = ?",
                    (rs, i) -> new DeletePolicy(DeletePolicy.Policy.valueOf(rs.getString(1)),
                            this.json.readValue(rs.getString(2), DEACTIVATIONS)),
                    projectId)
            .stream()
            .findFirst()
            .orElse(DeletePolicy.REPORT);
    }

    /**
     * Sets a project's delete policy.
     * @param projectId the project
     * @param policyName report, delete or deactivate
     * @param deactivations for deactivate, the column and value per object mapping (blank
     * rows are ignored)
     * @return the saved policy
     * @throws InvalidInputException naming the object mapping and field at fault
     */
    public DeletePolicy save(long projectId, String policyName, List<DeletePolicy.Deactivation> deactivations) {
        DeletePolicy.Policy policy = DeletePolicy.Policy.of(policyName);
        List<DeletePolicy.Deactivation> rows = new ArrayList<>();
        if (deactivations != null) {
            for (DeletePolicy.Deactivation row : deactivations) {
                if (row != null && !blank(row.column())) {
                    rows.add(new DeletePolicy.Deactivation(trim(row.source()), trim(row.target()), row.column().trim(),
                            (row.value() != null) ? row.value().trim() : null));
                }
            }
        }
        DeletePolicy saved = new DeletePolicy(policy, rows);
        check(projectId, saved, true);
        String user = CurrentUser.require().getUsername();
        this.jdbc.update("""
                insert into delete_policy (project_id, policy, deactivate, updated_by) values (?, ?, ?::jsonb, ?)
                on conflict (project_id) do update set policy = excluded.policy, deactivate = excluded.deactivate,
                    updated_by = excluded.updated_by, updated_at = now()""", projectId, policy.name(),
                this.json.writeValueAsString(saved.deactivate()), user);
        this.audit.record(projectId, "DeletePolicy", projectId, "changed",
                policy.name().toLowerCase(Locale.ROOT) + describe(saved));
        return saved;
    }

    /**
     * Checks a policy against the current mapping and the target dictionary: for
     * deactivate, every object mapping needs a column that exists and takes the value.
     * @param projectId the project
     * @param policy the policy
     * @param input whether the policy is being entered (a refusal is then the input's
     * fault) or applied by a run starting (a conflict with the mapping since)
     */
    void check(long projectId, DeletePolicy policy, boolean input) {
        if (policy.policy() != DeletePolicy.Policy.DEACTIVATE) {
            return;
        }
        MappingDocument document = this.mappings.current(projectId).document();
        MappingInputs.Inputs in = this.inputs.load(projectId);
        for (DeletePolicy.Deactivation row : policy.deactivate()) {
            String name = row.source() + " → " + row.target();
            if (document.object(row.source(), row.target()).isEmpty()) {
                refuse(input, "deactivate", "The mapping has no object mapping " + name);
            }
            DictionaryObject target = in.targetObject(row.target()).orElse(null);
            DictionaryField field = MappingInputs.Inputs.field(target, row.column()).orElse(null);
            if (field == null) {
                refuse(input, "deactivate", name + ": the target " + row.target() + " has no column '" + row.column()
                        + "' to mark deactivated records");
            }
            else if (field.generated() || field.name().equalsIgnoreCase(target.idField())) {
                refuse(input, "deactivate", name + ": " + field.name() + " is filled by the target itself");
            }
            else if (blank(row.value())) {
                if (field.required()) {
                    refuse(input, "deactivate",
                            name + ": " + field.name() + " is required; name the value that marks a record inactive");
                }
            }
            else {
                String wrong = MappingValidator.wrongType(row.value(),
                        (field.type() != null) ? field.type() : FieldType.TEXT);
                if (wrong != null) {
                    refuse(input, "deactivate", name + ": the value '" + row.value() + "' " + wrong + " ("
                            + field.name() + " is " + field.nativeType() + ")");
                }
                Integer length = in.lengths(row.target()).get(field.name());
                if (length != null && row.value().length() > length) {
                    refuse(input, "deactivate", name + ": the value '" + row.value() + "' is longer than "
                            + field.name() + " takes (" + length + " characters)");
                }
            }
        }
        for (ObjectMapping object : document.objects()) {
            if (policy.deactivation(object.source(), object.target()).isEmpty()) {
                refuse(input, "deactivate", object.source() + " → " + object.target()
                        + ": name the target column and value that mark a record inactive");
            }
        }
    }

    private static void refuse(boolean input, String field, String message) {
        if (input) {
            throw new InvalidInputException(field, message);
        }
        throw new ConflictException(field, "The delete policy no longer fits the mapping: " + message
                + ". Change it in the runs tab's delete policy first");
    }

    private static String describe(DeletePolicy policy) {
        if (policy.deactivate().isEmpty()) {
            return "";
        }
        return ": " + String.join(", ",
                policy.deactivate()
                    .stream()
                    .map((d) -> d.source() + " → " + d.target() + " " + d.column() + " = " + d.value())
                    .toList());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trim(String text) {
        return (text != null) ? text.trim() : "";
    }

}
