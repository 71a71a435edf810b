package dev.switchyard.connector.hubspot;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import dev.switchyard.connector.ConnectorException;
import org.springframework.http.HttpHeaders;

/**
 * Keeps a connection's calls within HubSpot's rolling window (contract §2.8) on the
 * client side, so that no 429 is avoidable: it learns the window's length and allowance
 * from the {@code X-HubSpot-RateLimit-Interval-Milliseconds}, {@code -Max} and
 * {@code -Remaining} headers, counts its own calls, and waits before a call the window
 * would refuse. Search calls are also held to their own per-second limit. One per open
 * connection; not thread-safe.
 */
final class RateWindow {

    private static final long SECOND = 1_000_000_000L;

    private final Deque<Long> calls = new ArrayDeque<>();

    private final Deque<Long> searches = new ArrayDeque<>();

    private final int searchesPerSecond;

    private int max;

    private long interval;

    private int remaining = Integer.MAX_VALUE;

    private long blockedUntil = Long.MIN_VALUE;

    private long waited;

    RateWindow(int max, Duration interval, int searchesPerSecond) {
        this.max = max;
        this.interval = interval.toNanos();
        this.searchesPerSecond = searchesPerSecond;
    }

    /**
     * Waits until a call may go out, and counts it.
     * @param search whether it is a search call
     */
    void awaitTurn(boolean search) {
        long now = System.nanoTime();
        long until = this.blockedUntil;
        purge(this.calls, now, this.interval);
        if (this.calls.size() >= this.max || this.remaining <= 0) {
            until = Math.max(until,
                    (this.calls.isEmpty() ? now : this.calls.peekFirst()) + this.interval + margin(this.interval));
        }
        if (search) {
            purge(this.searches, now, SECOND);
            if (this.searches.size() >= this.searchesPerSecond) {
                until = Math.max(until, this.searches.peekFirst() + SECOND + margin(SECOND));
            }
        }
        if (until > now) {
            sleep(until - now);
            now = System.nanoTime();
            purge(this.calls, now, this.interval);
            this.remaining = Integer.MAX_VALUE;
        }
        this.calls.addLast(now);
        if (search) {
            this.searches.addLast(now);
        }
        if (this.remaining != Integer.MAX_VALUE) {
            this.remaining--;
        }
    }

    /**
     * Learns the window from an answer's headers (search answers carry none).
     * @param headers the headers
     */
    void learn(HttpHeaders headers) {
        Long maxHeader = number(headers, "X-HubSpot-RateLimit-Max");
        Long intervalHeader = number(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
        Long remainingHeader = number(headers, "X-HubSpot-RateLimit-Remaining");
        if (maxHeader != null && maxHeader > 0) {
            this.max = maxHeader.intValue();
        }
        if (intervalHeader != null && intervalHeader > 0) {
            this.interval = Duration.ofMillis(intervalHeader).toNanos();
        }
        if (remainingHeader != null) {
            this.remaining = remainingHeader.intValue();
        }
    }

    /**
     * Holds every call back for a while, after HubSpot refused one for its window.
     * @param wait how long, or null for one window
     */
    void block(Duration wait) {
        long nanos = (wait != null) ? wait.toNanos() : this.interval;
        this.blockedUntil = Math.max(this.blockedUntil, System.nanoTime() + nanos);
    }

    /**
     * @return the window's length as last learnt
     */
    Duration interval() {
        return Duration.ofNanos(this.interval);
    }

    /**
     * @return the time spent waiting for the window so far
     */
    Duration waited() {
        return Duration.ofNanos(this.waited);
    }

    /**
     * The portal counts a call when it arrives, a little after it was sent: a tenth of
     * the window (at most 250 ms) is kept as a margin.
     */
    private static long margin(long span) {
        return Math.min(span / 10, 250_000_000L);
    }

    static Long number(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static void purge(Deque<Long> times, long now, long span) {
        while (!times.isEmpty() && times.peekFirst() + span <= now) {
            times.removeFirst();
        }
    }

    private void sleep(long nanos) {
        this.waited += nanos;
        try {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("Interrupted while waiting for HubSpot's rate limit window", ex);
        }
    }

}
