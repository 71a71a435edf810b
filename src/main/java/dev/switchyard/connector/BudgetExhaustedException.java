package dev.switchyard.connector;

import java.time.Instant;

/**
 * A CRM's API budget is used up: the provider refused the call for its own daily limit
 * (Salesforce's {@code REQUEST_LIMIT_EXCEEDED}, HubSpot's {@code DAILY} 429), or the
 * project's share of that limit is used. Not a failure of any record: the work waits for
 * the budget with its place kept, and goes on when the limit is renewed or raised.
 */
public class BudgetExhaustedException extends TargetUnavailableException {

    private final boolean providerLimit;

    private final Instant retryAt;

    /**
     * @param message what was refused and why, for people
     * @param providerLimit whether the provider refused the call (rather than the
     * project's share being used up)
     * @param retryAt when the budget is expected back, or null when unknown
     */
    public BudgetExhaustedException(String message, boolean providerLimit, Instant retryAt) {
        super(message, null, false);
        this.providerLimit = providerLimit;
        this.retryAt = retryAt;
    }

    /**
     * @return whether the provider refused the call for its own limit
     */
    public boolean providerLimit() {
        return this.providerLimit;
    }

    /**
     * @return when the budget is expected back, or null when unknown
     */
    public Instant retryAt() {
        return this.retryAt;
    }

}
