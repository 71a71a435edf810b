package dev.switchyard.profiling;

/**
 * A value and how often it occurs.
 *
 * @param value the value
 * @param count its occurrences (an upper bound when the top values are not exact)
 */
public record ValueCount(String value, long count) {

}
