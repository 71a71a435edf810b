package dev.switchyard.connector;

/**
 * A CRM's API usage as it reported it: calls used and allowed in its current period (a
 * rolling day for Salesforce's {@code Sforce-Limit-Info}, the account's day for HubSpot's
 * {@code X-HubSpot-RateLimit-Daily} headers).
 *
 * @param used calls used in the period
 * @param max calls allowed in the period
 */
public record ApiUsage(long used, long max) {

    /**
     * @return calls left in the period, never negative
     */
    public long remaining() {
        return Math.max(0, this.max - this.used);
    }

}
