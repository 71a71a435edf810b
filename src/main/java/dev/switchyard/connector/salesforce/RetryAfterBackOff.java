package dev.switchyard.connector.salesforce;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Waits as long as Salesforce's {@code Retry-After} asks, or doubles a first delay when
 * it asks nothing; never longer than a maximum, and at most a number of times.
 */
final class RetryAfterBackOff implements BackOff {

    private final int maxRetries;

    private final Duration delay;

    private final Duration maxDelay;

    private final Supplier<Duration> retryAfter;

    /**
     * @param maxRetries the most repeats
     * @param delay the first wait when no Retry-After is given
     * @param maxDelay the longest wait
     * @param retryAfter the wait the last answer asked for, or null
     */
    RetryAfterBackOff(int maxRetries, Duration delay, Duration maxDelay, Supplier<Duration> retryAfter) {
        this.maxRetries = maxRetries;
        this.delay = delay;
        this.maxDelay = maxDelay;
        this.retryAfter = retryAfter;
    }

    @Override
    public BackOffExecution start() {
        return new BackOffExecution() {

            private int attempts;

            @Override
            public long nextBackOff() {
                if (this.attempts >= RetryAfterBackOff.this.maxRetries) {
                    return STOP;
                }
                Duration asked = RetryAfterBackOff.this.retryAfter.get();
                Duration wait = (asked != null) ? asked
                        : RetryAfterBackOff.this.delay.multipliedBy(1L << Math.min(this.attempts, 20));
                this.attempts++;
                return Math.min(wait.toMillis(), RetryAfterBackOff.this.maxDelay.toMillis());
            }

        };
    }

}
