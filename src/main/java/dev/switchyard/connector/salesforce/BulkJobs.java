package dev.switchyard.connector.salesforce;

import java.time.Duration;
import java.util.Map;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.TargetUnavailableException;
import tools.jackson.databind.JsonNode;

/**
 * Waits for a Bulk API 2.0 job to end, polling its state.
 */
final class BulkJobs {

    private final SalesforceClient client;

    private final SalesforceProperties properties;

    BulkJobs(SalesforceClient client, SalesforceProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /**
     * @param path the job's path, such as {@code /jobs/query/750…}
     * @param what the job for people
     * @param target whether the job writes into a destination (a timeout is then in
     * doubt)
     * @return the job's final info, in state {@code JobComplete}
     * @throws ConnectorException when the job failed or was aborted, with Salesforce's
     * message
     */
    JsonNode await(String path, String what, boolean target) {
        long deadline = System.nanoTime() + this.properties.bulkTimeout().toNanos();
        while (true) {
            JsonNode job = this.client
                .call(SalesforceRequest.get("bulk", "poll of " + what, this.client.data(path), Map.of()))
                .json();
            String state = Json.text(job.path("state"));
            if ("JobComplete".equals(state)) {
                return job;
            }
            if ("Failed".equals(state) || "Aborted".equals(state)) {
                throw new ConnectorException(
                        "The Salesforce " + what + " ended " + state + ": " + Json.text(job.path("errorMessage")));
            }
            if (System.nanoTime() > deadline) {
                String message = "The Salesforce " + what + " did not finish within "
                        + this.properties.bulkTimeout().toMinutes() + " min (last state " + state + ")";
                throw target ? new TargetUnavailableException(message, null, true) : new ConnectorException(message);
            }
            sleep(this.properties.bulkPollInterval());
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("Interrupted while waiting for a Salesforce bulk job");
        }
    }

}
