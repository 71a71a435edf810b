package dev.switchyard.connector.salesforce;

/**
 * An access token and the instance it is valid for.
 *
 * @param accessToken the bearer token
 * @param instanceUrl the org's instance, such as {@code https://x.my.salesforce.com}
 */
record SalesforceSession(String accessToken, String instanceUrl) {

    @Override
    public String toString() {
        return "SalesforceSession[" + this.instanceUrl + "]";
    }

}
