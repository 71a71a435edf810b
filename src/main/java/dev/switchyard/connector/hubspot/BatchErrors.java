package dev.switchyard.connector.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The errors of a 207 multi-status answer (contract §2.6): HubSpot gives no input
 * position, only {@code errors[].context}, whose arrays name the inputs concerned (by id,
 * unique property value or trace id) and sometimes the property ({@code propertyName}).
 */
final class BatchErrors {

    private BatchErrors() {
    }

    /**
     * @param body the answer's body
     * @return its errors
     */
    static List<Failure> of(JsonNode body) {
        List<Failure> failures = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            Set<String> keys = new LinkedHashSet<>();
            JsonNode context = error.path("context");
            for (var entry : context.properties()) {
                if (entry.getKey().equals("propertyName")) {
                    continue;
                }
                for (JsonNode value : entry.getValue()) {
                    String text = Json.text(value);
                    if (text != null) {
                        keys.add(text);
                    }
                }
            }
            String property = Json.text(context.path("propertyName").path(0));
            String code = Json.text(error.path("subCategory"));
            if (code == null) {
                code = Json.text(error.path("code"));
            }
            if (code == null) {
                code = Json.text(error.path("category"));
            }
            String message = Json.text(error.path("message"));
            if (message == null) {
                message = "HubSpot refused it without a message";
            }
            failures.add(new Failure(keys, context, code, message, property));
        }
        return failures;
    }

    /**
     * One error of a batch.
     *
     * @param keys every value of the context's arrays (but property names)
     * @param context the context as given
     * @param code HubSpot's code: the sub-category, code or category
     * @param message HubSpot's message
     * @param property the property concerned, or null
     */
    record Failure(Set<String> keys, JsonNode context, String code, String message, String property) {

        /**
         * @param name a context key, such as {@code fromObjectId}
         * @return its values, or an empty set when absent
         */
        Set<String> values(String name) {
            Set<String> values = new LinkedHashSet<>();
            this.context.path(name).forEach((value) -> values.add(Json.text(value)));
            return values;
        }

    }

}
