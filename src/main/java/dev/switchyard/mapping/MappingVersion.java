package dev.switchyard.mapping;

import java.time.Instant;

/**
 * A saved version of a project's mapping set.
 *
 * @param version its number (1, 2, …; 0 is the empty set before any save)
 * @param document the mapping document at that version
 * @param savedBy who saved it
 * @param savedAt when
 * @param summary what the save changed, in words
 */
public record MappingVersion(int version, MappingDocument document, String savedBy, Instant savedAt, String summary) {

}
