package dev.switchyard.connector.hubspot;

import tools.jackson.databind.JsonNode;

/**
 * A successful HubSpot answer (2xx, a 207 multi-status included).
 *
 * @param status the HTTP status
 * @param body the parsed body; an empty object for an answer without one (204)
 */
public record HubSpotResponse(int status, JsonNode body) {

    /**
     * @return whether HubSpot answered 207: some inputs failed, named in {@code errors}
     */
    public boolean multiStatus() {
        return this.status == 207;
    }

}
