package dev.switchyard.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An {@link ExtractionSink} for tests that keeps every record and problem it is given.
 */
public class RecordingSink implements ExtractionSink {

    private final List<SourceRecord> records = new ArrayList<>();

    private final List<ExtractionProblem> problems = new ArrayList<>();

    @Override
    public void accept(SourceRecord record) {
        this.records.add(record);
    }

    @Override
    public void problem(ExtractionProblem problem) {
        this.problems.add(problem);
    }

    /**
     * @return the records, in the order they came
     */
    public List<SourceRecord> records() {
        return this.records;
    }

    /**
     * @return the problems, in the order they came
     */
    public List<ExtractionProblem> problems() {
        return this.problems;
    }

    /**
     * @return the records by id
     */
    public Map<String, SourceRecord> byId() {
        return this.records.stream().collect(Collectors.toMap(SourceRecord::id, Function.identity()));
    }

}
