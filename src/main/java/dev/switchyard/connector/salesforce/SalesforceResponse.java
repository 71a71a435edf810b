package dev.switchyard.connector.salesforce;

import java.nio.charset.StandardCharsets;

import dev.switchyard.connector.ConnectorException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

/**
 * One answer of the org, read whole.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param body the body's bytes (empty when there was none)
 */
public record SalesforceResponse(int status, HttpHeaders headers, byte[] body) {

    /**
     * @return the body as UTF-8 text
     */
    public String text() {
        return new String(this.body, StandardCharsets.UTF_8);
    }

    /**
     * @return the body as JSON
     * @throws ConnectorException when it is not JSON
     */
    public JsonNode json() {
        JsonNode node = Json.readOrNull(text());
        if (node == null) {
            throw new ConnectorException("Salesforce answered with something other than JSON (HTTP " + this.status
                    + "): " + abbreviate(text()));
        }
        return node;
    }

    /**
     * @param name a header
     * @return its first value, or null
     */
    public String header(String name) {
        return this.headers.getFirst(name);
    }

    private static String abbreviate(String text) {
        return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
    }

}
