package dev.switchyard.connector.salesforce;

import java.util.Map;

import dev.switchyard.connector.ApiUsage;

/**
 * Asks the org for its API usage with one call to {@code /limits}.
 */
final class Limits {

    private Limits() {
    }

    /**
     * @param client the client
     * @return the daily API requests used and allowed
     */
    static ApiUsage probe(SalesforceClient client) {
        return LimitInfo.ofLimits(
                client.call(SalesforceRequest.get("limits", "limits check", client.data("/limits"), Map.of())).json());
    }

}
