package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the values showing one issue and keeps the first few as examples.
 */
final class IssueTally {

    static final int EXAMPLE_LIMIT = 5;

    private final List<Example> examples = new ArrayList<>(2);

    private long count;

    void add(String recordId, String value) {
        this.count++;
        if (this.examples.size() < EXAMPLE_LIMIT) {
            this.examples.add(new Example(recordId, value));
        }
    }

    long count() {
        return this.count;
    }

    List<Example> examples() {
        return this.examples;
    }

    Issue toIssue(String detail) {
        return (this.count != 0) ? new Issue(this.count, this.examples, detail) : Issue.NONE;
    }

}
