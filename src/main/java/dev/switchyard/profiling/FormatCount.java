package dev.switchyard.profiling;

/**
 * A detected format (a phone shape such as {@code (999) 999-9999}, or a date pattern such
 * as {@code yyyy-MM-dd}) and how many values have it.
 *
 * @param format the format
 * @param count the number of values having it
 * @param example the first value met having it
 */
public record FormatCount(String format, long count, Example example) {

}
