package dev.switchyard.connector.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Reads the org's validation rules from the Tooling API: one paged query for all rules,
 * then one query per active rule of a described object for its formula (the Tooling API
 * returns {@code Metadata} only when a query returns one record). A user without "View
 * Setup" cannot read them: they are then reported as unavailable, and the describe goes
 * on.
 */
final class ValidationRules {

    private static final String RULES = "SELECT Id, ValidationName, Active, Description, ErrorMessage, "
            + "ErrorDisplayField, EntityDefinition.DeveloperName FROM ValidationRule";

    private final SalesforceClient client;

    ValidationRules(SalesforceClient client) {
        this.client = client;
    }

    /**
     * @param objects the described objects' names
     * @return the rules of each object (name, active, message, error field, description,
     * formula)
     * @throws SalesforceApiException when the Tooling API refuses the query (no access)
     */
    Map<String, List<Map<String, Object>>> read(List<String> objects) {
        Map<String, List<Map<String, Object>>> rules = new LinkedHashMap<>();
        new RestQuery(this.client, "tooling", "/tooling/query", "validation rules").run(RULES, (record) -> {
            String object = Json.text(record.path("EntityDefinition").path("DeveloperName"));
            if (object == null || objects.stream().noneMatch(object::equalsIgnoreCase)) {
                return;
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("name", Json.text(record.path("ValidationName")));
            rule.put("active", record.path("Active").asBoolean(false));
            rule.put("errorMessage", Json.text(record.path("ErrorMessage")));
            rule.put("errorField", Json.text(record.path("ErrorDisplayField")));
            rule.put("description", Json.text(record.path("Description")));
            String formula = record.path("Active").asBoolean(false) ? formula(Json.text(record.path("Id"))) : null;
            rule.put("formula", formula);
            rule.values().removeIf((v) -> v == null);
            rules.computeIfAbsent(object, (o) -> new ArrayList<>()).add(rule);
        });
        return rules;
    }

    private String formula(String id) {
        if (id == null) {
            return null;
        }
        List<String> formula = new ArrayList<>();
        new RestQuery(this.client, "tooling", "/tooling/query", "validation rule " + id)
            .run("SELECT Id, FullName, Metadata FROM ValidationRule WHERE Id = " + Soql.literal(id), (JsonNode r) -> {
                String text = Json.text(r.path("Metadata").path("errorConditionFormula"));
                if (text != null) {
                    formula.add(text);
                }
            });
        return formula.isEmpty() ? null : formula.get(0);
    }

}
