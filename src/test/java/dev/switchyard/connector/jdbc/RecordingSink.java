package dev.switchyard.connector.jdbc;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.SourceRecord;

/**
 * Keeps what an extraction produced, for assertions.
 */
class RecordingSink implements ExtractionSink {

    final List<SourceRecord> records = new ArrayList<>();

    final List<ExtractionProblem> problems = new ArrayList<>();

    @Override
    public void accept(SourceRecord record) {
        this.records.add(record);
    }

    @Override
    public void problem(ExtractionProblem problem) {
        this.problems.add(problem);
    }

}
