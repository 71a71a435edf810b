package dev.switchyard.dictionary;

/**
 * Whose dictionary: the source system's or a target system's.
 */
public enum DictionarySide {

    SOURCE, TARGET;

    /**
     * @param value {@code source} or {@code target}, any case; null means source
     * @return the side
     * @throws IllegalArgumentException for anything else
     */
    public static DictionarySide parse(String value) {
        if (value == null || value.isBlank()) {
            return SOURCE;
        }
        for (DictionarySide side : values()) {
            if (side.name().equalsIgnoreCase(value.trim())) {
                return side;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a dictionary side: use source or target");
    }

}
