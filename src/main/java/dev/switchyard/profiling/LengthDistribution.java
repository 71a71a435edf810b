package dev.switchyard.profiling;

/**
 * How long a field's present values are (blanks included), in characters.
 *
 * @param empty values of length 0
 * @param upTo10 values of length 1 to 10
 * @param upTo50 values of length 11 to 50
 * @param upTo255 values of length 51 to 255
 * @param upTo1000 values of length 256 to 1000
 * @param over1000 values longer than 1000
 * @param maxLength the longest length seen
 */
public record LengthDistribution(long empty, long upTo10, long upTo50, long upTo255, long upTo1000, long over1000,
        int maxLength) {

}
