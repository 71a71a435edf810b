package dev.switchyard.connector.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * One call to the org.
 *
 * @param kind what the call is for, as the call meter counts it ({@code describe},
 * {@code query}, {@code collections}, {@code bulk}, {@code limits}, {@code tooling})
 * @param what the call for people, in messages (such as {@code query of Account})
 * @param method the HTTP method
 * @param path the path from the instance's root, such as
 * {@code /services/data/v62.0/limits}
 * @param query query parameters (encoded by the client), in order
 * @param contentType the body's type, or null without a body
 * @param body the body, or null
 * @param accept the answer's type
 */
record SalesforceRequest(String kind, String what, HttpMethod method, String path, Map<String, String> query,
        MediaType contentType, String body, MediaType accept) {

    SalesforceRequest {
        query = (query != null) ? new LinkedHashMap<>(query) : Map.of();
    }

    static SalesforceRequest get(String kind, String what, String path, Map<String, String> query) {
        return new SalesforceRequest(kind, what, HttpMethod.GET, path, query, null, null, MediaType.APPLICATION_JSON);
    }

    static SalesforceRequest json(String kind, String what, HttpMethod method, String path, Object body) {
        return new SalesforceRequest(kind, what, method, path, null, MediaType.APPLICATION_JSON,
                (body != null) ? Json.write(body) : null, MediaType.APPLICATION_JSON);
    }

}
