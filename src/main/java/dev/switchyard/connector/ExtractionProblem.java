package dev.switchyard.connector;

/**
 * Something a connector could not read: a ragged row, an undecodable byte, a missing id
 * column, a broken file. Recorded and shown to the analyst; the rest of the extraction
 * goes on. NUL characters, which PostgreSQL cannot store, are removed from every part.
 *
 * @param object the object concerned, or null when the problem concerns no single object
 * @param location the file and line, sheet and row, or table: where to look
 * @param field the field concerned, or null
 * @param message what is wrong, in words for people
 * @param rawValue the offending text (truncated), or null
 */
public record ExtractionProblem(String object, String location, String field, String message, String rawValue) {

    /** The longest raw value kept. */
    public static final int RAW_LIMIT = 500;

    public ExtractionProblem {
        object = NulCharacters.strip(object);
        location = NulCharacters.strip(location);
        field = NulCharacters.strip(field);
        message = NulCharacters.strip(message);
        rawValue = NulCharacters.strip(rawValue);
        if (rawValue != null && rawValue.length() > RAW_LIMIT) {
            rawValue = rawValue.substring(0, RAW_LIMIT) + "…";
        }
    }

    @Override
    public String toString() {
        return ((this.location != null) ? this.location + ": " : "") + this.message;
    }

}
