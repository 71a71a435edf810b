package dev.switchyard.connector.hubspot;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * HubSpot's standard error body (contract §2.2) or a 429 body (§2.8), read into what a
 * message needs.
 *
 * @param status the HTTP status
 * @param category the error category ({@code VALIDATION_ERROR}, {@code MISSING_SCOPES},
 * {@code RATE_LIMIT}, …), or null
 * @param message HubSpot's message, or null
 * @param policyName the rate-limit policy of a 429 ({@code DAILY},
 * {@code TEN_SECONDLY_ROLLING}, …), or null
 * @param details the messages of {@code errors[]}, if any
 * @param correlationId HubSpot's correlation id, for support, or null
 * @param properties the properties {@code errors[].context.propertyName} names, if any
 */
public record HubSpotError(int status, String category, String message, String policyName, List<String> details,
        String correlationId, List<String> properties) {

    public HubSpotError {
        details = List.copyOf(details);
        properties = List.copyOf(properties);
    }

    /**
     * Reads an error answer.
     * @param status the HTTP status
     * @param body the parsed body, or null when it was not JSON
     * @param text the raw body, for answers that are not JSON
     * @return the error
     */
    public static HubSpotError of(int status, JsonNode body, String text) {
        if (body == null || !body.isObject()) {
            String raw = (text != null && !text.isBlank()) ? text.strip() : null;
            if (raw != null && raw.length() > 300) {
                raw = raw.substring(0, 300) + "…";
            }
            return new HubSpotError(status, null, raw, null, List.of(), null, List.of());
        }
        List<String> details = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            for (JsonNode property : error.path("context").path("propertyName")) {
                String name = Json.text(property);
                if (name != null && !properties.contains(name)) {
                    properties.add(name);
                }
            }
            String detail = Json.text(error.path("message"));
            if (detail != null && !details.contains(detail)) {
                details.add(detail);
            }
        }
        String category = Json.text(body.path("category"));
        if (category == null) {
            category = Json.text(body.path("errorType"));
        }
        return new HubSpotError(status, category, Json.text(body.path("message")), Json.text(body.path("policyName")),
                details, Json.text(body.path("correlationId")), properties);
    }

    /**
     * @return the error for people: status, category, message and the details that add to
     * it
     */
    public String describe() {
        StringBuilder out = new StringBuilder("HTTP ").append(this.status);
        if (this.category != null) {
            out.append(' ').append(this.category);
        }
        if (this.policyName != null) {
            out.append(" (").append(this.policyName).append(')');
        }
        if (this.message != null) {
            out.append(": ").append(this.message);
        }
        for (String detail : this.details) {
            if (this.message == null || !this.message.contains(detail)) {
                out.append("; ").append(detail);
            }
        }
        return out.toString();
    }

    /**
     * @return whether this is a 429 for the portal's daily limit
     */
    public boolean dailyLimit() {
        return this.status == 429 && "DAILY".equalsIgnoreCase(this.policyName);
    }

}
