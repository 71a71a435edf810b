package dev.switchyard.profiling;

/**
 * A rare value of a picklist-like field that is very likely a misspelling or variant of a
 * frequent one.
 *
 * @param value the rare value
 * @param count how many values are it
 * @param canonical the frequent value it most likely means
 * @param canonicalCount how many values are that
 * @param edits letters to change, add, drop or swap to get from one to the other,
 * ignoring case, spaces and punctuation (0: they differ only in those)
 */
public record NearDuplicate(String value, long count, String canonical, long canonicalCount, int edits) {

}
