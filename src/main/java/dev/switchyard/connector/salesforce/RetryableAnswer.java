package dev.switchyard.connector.salesforce;

import java.time.Duration;

/**
 * An answer worth repeating the call for (429, 5xx, {@code UNABLE_TO_LOCK_ROW}), with the
 * wait Salesforce asked for, if any.
 */
final class RetryableAnswer extends RuntimeException {

    private final transient Duration retryAfter;

    RetryableAnswer(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /**
     * @return the wait from {@code Retry-After}, or null
     */
    Duration retryAfter() {
        return this.retryAfter;
    }

}
