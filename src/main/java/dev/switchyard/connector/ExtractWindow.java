package dev.switchyard.connector;

import java.time.Instant;

/**
 * Which records to extract: all of them, or those modified since an instant (a delta).
 * Connectors that can filter at the source (a database) do so; the others return every
 * record and the extraction filters by the modified field itself.
 *
 * @param modifiedField the field holding the last-modified timestamp, or null for a full
 * extraction
 * @param modifiedSince the lower bound (inclusive), or null for a full extraction
 */
public record ExtractWindow(String modifiedField, Instant modifiedSince) {

    private static final ExtractWindow FULL = new ExtractWindow(null, null);

    /**
     * @return every record
     */
    public static ExtractWindow full() {
        return FULL;
    }

    /**
     * @return whether this is a full extraction
     */
    public boolean isFull() {
        return this.modifiedSince == null || this.modifiedField == null;
    }

}
