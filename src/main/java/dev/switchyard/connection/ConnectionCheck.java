package dev.switchyard.connection;

import java.util.List;

import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.ExtractionProblem;

/**
 * What a connection test found: a summary for people (naming the objects and spelling out
 * the first problems), the objects, and problems.
 *
 * @param ok whether the system could be read
 * @param summary one sentence: what was found, or exactly why it failed
 * @param objects the objects found, with their field counts
 * @param problems what could not be read
 * @param usage a CRM's API usage in its current period (calls used and allowed), as it
 * reported it during the test; null for files and databases
 */
public record ConnectionCheck(boolean ok, String summary, List<FoundObject> objects, List<ExtractionProblem> problems,
        ApiUsage usage) {

    /**
     * A check without API usage.
     * @param ok whether the system could be read
     * @param summary what was found, or why it failed
     * @param objects the objects found
     * @param problems what could not be read
     */
    public ConnectionCheck(boolean ok, String summary, List<FoundObject> objects, List<ExtractionProblem> problems) {
        this(ok, summary, objects, problems, null);
    }

    /**
     * @param percent the project's share of the daily limit, in percent
     * @return this check, its summary stating the API usage found and the share the
     * project may use
     */
    ConnectionCheck withUsage(int percent) {
        if (this.usage == null) {
            return this;
        }
        ApiUsage usage = this.usage;
        String text = String.format(java.util.Locale.ROOT,
                "; API usage: %,d of %,d calls used in the provider's daily period, %,d left; this project may use "
                        + "%d%% of the limit (%,d calls a day)",
                usage.used(), usage.max(), usage.remaining(), percent, usage.max() * percent / 100);
        return new ConnectionCheck(this.ok, this.summary + text, this.objects, this.problems, usage);
    }

    /** Problems spelled out in the summary; the others are counted. */
    static final int PROBLEMS_IN_SUMMARY = 3;

    /**
     * What a description of the system found.
     * @param found the objects found
     * @param problems what could not be read
     * @return ok when at least one object was found; the summary names the objects and
     * spells out the first problems
     */
    static ConnectionCheck of(List<FoundObject> found, List<ExtractionProblem> problems) {
        StringBuilder summary = new StringBuilder();
        if (found.isEmpty()) {
            summary.append("Found no objects");
        }
        else {
            summary.append("Found ").append(found.size()).append((found.size() == 1) ? " object: " : " objects: ");
            summary.append(String.join(", ", found.stream().map(FoundObject::describe).toList()));
        }
        if (!problems.isEmpty()) {
            summary.append("; ").append(problems.size()).append((problems.size() == 1) ? " problem: " : " problems: ");
            summary.append(String.join("; ",
                    problems.stream().limit(PROBLEMS_IN_SUMMARY).map(ExtractionProblem::toString).toList()));
            if (problems.size() > PROBLEMS_IN_SUMMARY) {
                summary.append("; and ").append(problems.size() - PROBLEMS_IN_SUMMARY).append(" more");
            }
        }
        return new ConnectionCheck(!found.isEmpty(), summary.toString(), found, problems);
    }

    /**
     * An object found.
     *
     * @param name its name
     * @param fields how many fields it has
     * @param idField its id field, or null when none was found
     * @param records its record count when known cheaply
     */
    public record FoundObject(String name, int fields, String idField, Long records) {

        String describe() {
            return this.name + " (" + this.fields + " fields"
                    + ((this.records != null) ? ", " + this.records + " records" : "") + ")";
        }

    }

}
