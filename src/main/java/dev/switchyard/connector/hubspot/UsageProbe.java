package dev.switchyard.connector.hubspot;

import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.ConnectorException;

/**
 * HubSpot has no limits endpoint: the daily usage is read from the
 * {@code X-HubSpot-RateLimit-Daily} headers of one cheap call (a one-record page of the
 * first configured object; its headers tell even when the object is refused).
 */
final class UsageProbe {

    /** The most inputs of one batch call. */
    static final int BATCH = 100;

    private UsageProbe() {
    }

    static ApiUsage probe(HubSpotClient client, HubSpotProperties properties) {
        String object = properties.objects().isEmpty() ? "contacts" : properties.objects().get(0);
        try {
            client.get("probe", "reading the API usage",
                    "/crm/v3/objects/" + AssociationReader.segment(object) + "?limit=1&properties=hs_object_id");
        }
        catch (HubSpotApiException ex) {
            // the headers of a refusal tell the usage as well
        }
        ApiUsage usage = client.lastUsage();
        if (usage == null) {
            throw new ConnectorException("HubSpot did not report its daily limit (no X-HubSpot-RateLimit-Daily "
                    + "headers; OAuth tokens omit them): use a private app's access token");
        }
        return usage;
    }

    static long batches(long records) {
        return Math.max(0, (records + BATCH - 1) / BATCH);
    }

}
