package dev.switchyard.profiling;

/**
 * One example of a value showing an issue, with the record it came from.
 *
 * @param recordId the record's id in the source, or null when unknown
 * @param value the value as found (truncated to {@value #VALUE_LIMIT} characters)
 */
public record Example(String recordId, String value) {

    /** The longest value kept. */
    public static final int VALUE_LIMIT = 200;

    public Example {
        if (value != null && value.length() > VALUE_LIMIT) {
            value = value.substring(0, VALUE_LIMIT) + "…";
        }
    }

}
