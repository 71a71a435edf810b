package dev.switchyard.connection;

import java.util.List;

import dev.switchyard.connector.ExtractionProblem;

/**
 * What a connection test found: a summary for people, the objects, and problems.
 *
 * @param ok whether the system could be read
 * @param summary one sentence: what was found, or exactly why it failed
 * @param objects the objects found, with their field counts
 * @param problems what could not be read
 */
public record ConnectionCheck(boolean ok, String summary, List<FoundObject> objects, List<ExtractionProblem> problems) {

    /**
     * An object found.
     *
     * @param name its name
     * @param fields how many fields it has
     * @param idField its id field, or null when none was found
     * @param records its record count when known cheaply
     */
    public record FoundObject(String name, int fields, String idField, Long records) {
    }

}
