package dev.switchyard.run;

import java.util.Optional;

/**
 * A condition a production run must meet beyond an approved scope, contributed by another
 * part of the workbench (the signed-off staging validation is one). Each gate bean is
 * asked before a production run starts.
 */
public interface ProductionGate {

    /**
     * @param projectId the project
     * @param mappingVersion the mapping version the run would apply
     * @param scopeVersion the approved scope version it would apply
     * @return why the run may not start, or empty when the gate lets it
     */
    Optional<String> refusal(long projectId, int mappingVersion, int scopeVersion);

}
