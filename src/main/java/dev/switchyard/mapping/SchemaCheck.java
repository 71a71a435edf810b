package dev.switchyard.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.project.Environment;
import dev.switchyard.project.ProjectService;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * Checks that another environment's target has the schema the mapping was authored
 * against (the sandbox's): every mapped object and field exists there, with the same
 * type, no shorter length, no NOT NULL the mapping leaves unfilled, and every picklist
 * value the mapping produces allowed. The other target's schema is read live, so the
 * check says how the target is now, not how it was when it was connected.
 */
@Component
public class SchemaCheck {

    private final ProjectService projects;

    private final ConnectionService connections;

    private final DictionaryStore dictionaries;

    SchemaCheck(ProjectService projects, ConnectionService connections, DictionaryStore dictionaries) {
        this.projects = projects;
        this.connections = connections;
        this.dictionaries = dictionaries;
    }

    /**
     * @param projectId the project
     * @param inputs the authoring dictionaries
     * @param document the mapping
     * @param environmentName the environment to check
     * @return the differences that matter to the mapping
     */
    public Result check(Long projectId, MappingInputs.Inputs inputs, MappingDocument document, String environmentName) {
        if (environmentName == null || environmentName.isBlank()) {
            throw new InvalidInputException("environment", "Name the environment to check");
        }
        Environment environment = this.projects.environments(projectId)
            .stream()
            .filter((e) -> e.getName().equalsIgnoreCase(environmentName.trim()))
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("environment",
                    "No environment named '" + environmentName.trim() + "'"));
        DataConnection target = this.connections.target(environment.getId())
            .orElseThrow(() -> new NotFoundException(
                    "Environment '" + environment.getName() + "' has no target connection yet"));
        if (inputs.targetConnectionId() == null) {
            throw new NotFoundException("There is no authoring target to compare with");
        }
        List<String> differences = new ArrayList<>();
        String readProblem = null;
        try {
            this.connections.refreshTarget(target.getId());
        }
        catch (InvalidInputException ex) {
            readProblem = "Could not read the schema of " + environment.getName() + "'s target now: " + ex.getMessage()
                    + ". Compared with the schema read when it was last connected.";
        }
        List<DictionaryObject> other = this.dictionaries.forConnection(target.getId());
        for (ObjectMapping object : document.objects()) {
            Optional<DictionaryObject> authored = inputs.targetObject(object.target());
            Optional<DictionaryObject> there = MappingInputs.Inputs.find(other, object.target());
            if (there.isEmpty()) {
                differences.add(object.target() + " does not exist in " + environment.getName());
                continue;
            }
            for (FieldMapping field : object.fields()) {
                DictionaryField mine = authored.flatMap((o) -> MappingInputs.Inputs.field(o, field.target()))
                    .orElse(null);
                DictionaryField theirs = MappingInputs.Inputs.field(there.get(), field.target()).orElse(null);
                String name = object.target() + "." + field.target();
                if (theirs == null) {
                    differences.add(name + " does not exist in " + environment.getName());
                    continue;
                }
                if (mine == null) {
                    continue;
                }
                if (mine.type() != theirs.type() || !Objects.equals(mine.nativeType(), theirs.nativeType())) {
                    differences.add(name + " is " + describe(theirs) + " in " + environment.getName() + " but "
                            + describe(mine) + " in " + inputs.environment());
                }
                else if (mine.length() != null && theirs.length() != null && theirs.length() < mine.length()) {
                    differences.add(name + " holds " + theirs.length() + " characters in " + environment.getName()
                            + " but " + mine.length() + " in " + inputs.environment());
                }
                if (!Objects.equals(mine.referenceTo(), theirs.referenceTo())) {
                    differences.add(name + " references " + Objects.toString(theirs.referenceTo(), "nothing") + " in "
                            + environment.getName() + " but " + Objects.toString(mine.referenceTo(), "nothing") + " in "
                            + inputs.environment());
                }
                List<String> allowed = TargetPicklists.declared(theirs);
                List<String> authoredValues = TargetPicklists.declared(mine);
                if (!allowed.isEmpty() && !allowed.containsAll(authoredValues)) {
                    List<String> missing = authoredValues.stream().filter((v) -> !allowed.contains(v)).toList();
                    differences
                        .add(name + " does not allow " + String.join(", ", missing) + " in " + environment.getName());
                }
            }
            for (DictionaryField field : there.get().fields()) {
                if (field.required() && field.requiredDeclared() && !field.generated()
                        && object.field(field.name()).isEmpty()) {
                    differences.add(object.target() + "." + field.name() + " is required in " + environment.getName()
                            + " and not mapped");
                }
            }
        }
        return new Result(environment.getName(), inputs.environment(), readProblem, differences);
    }

    private static String describe(DictionaryField field) {
        return ((field.nativeType() != null) ? field.nativeType() : String.valueOf(field.type()))
                + ((field.length() != null) ? "(" + field.length() + ")" : "");
    }

    /**
     * The differences between an environment's target and the authoring target.
     *
     * @param environment the environment checked
     * @param authoredAgainst the authoring environment
     * @param readProblem why the live schema could not be read, or null
     * @param differences what differs, in words; empty when the schema matches
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String environment, String authoredAgainst, String readProblem, List<String> differences) {

        public boolean matches() {
            return this.differences.isEmpty() && this.readProblem == null;
        }

    }

}
