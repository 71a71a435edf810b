package dev.switchyard.staging;

/**
 * A full extraction, or a delta against the latest completed snapshot.
 */
public enum ExtractionMode {

    FULL, DELTA;

    /**
     * @param value {@code full} or {@code delta}, any case
     * @return the mode
     * @throws IllegalArgumentException for anything else
     */
    public static ExtractionMode parse(String value) {
        if (value != null) {
            for (ExtractionMode mode : values()) {
                if (mode.name().equalsIgnoreCase(value.trim())) {
                    return mode;
                }
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not an extraction mode: use full or delta");
    }

}
