package dev.switchyard.extraction;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Cancellation requests for extractions running in this instance (the database flag is
 * the durable record; this is the fast path the running extraction checks).
 */
@Component
class CancellationFlags {

    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();

    void cancel(long snapshotId) {
        this.cancelled.add(snapshotId);
    }

    boolean isCancelled(long snapshotId) {
        return this.cancelled.contains(snapshotId);
    }

    void clear(long snapshotId) {
        this.cancelled.remove(snapshotId);
    }

}
