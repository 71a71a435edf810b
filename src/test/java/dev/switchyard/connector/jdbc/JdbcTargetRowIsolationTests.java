package dev.switchyard.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Isolating the rows a database refuses, without a database: what is tried, and how
 * often.
 */
class JdbcTargetRowIsolationTests {

    private final RowIsolation isolation = new RowIsolation(mock(Connection.class), SqlDialect.POSTGRESQL);

    private final List<Integer> rows = IntStream.range(0, 1000).boxed().toList();

    private final List<Integer> attempts = new ArrayList<>();

    private final Map<Integer, String> outcomes = new TreeMap<>();

    private Set<Integer> bad = Set.of(7, 500);

    @Test
    void rowsWithoutProblemsAreWrittenInOneAttempt() throws Exception {
        this.bad = Set.of();
        this.isolation.run(this.rows, this::write, this::done, this::refused);
        assertThat(this.attempts).containsExactly(1000);
        assertThat(this.outcomes).hasSize(1000).containsEntry(999, "written");
    }

    @Test
    void badRowsAreFoundByHalvingAndEveryOtherRowIsWritten() throws Exception {
        this.isolation.run(this.rows, this::write, this::done, this::refused);
        assertThat(this.outcomes).hasSize(1000);
        this.rows.forEach((row) -> assertThat(this.outcomes.get(row))
            .isEqualTo((row == 7 || row == 500) ? "refused: row " + row : "written"));
    }

    @Test
    void rowsAFailureNamesAreTriedAloneAndTheRestAgainTogether() throws Exception {
        this.isolation.run(this.rows, this::write, this::done, this::refused,
                (some, ex) -> some.stream().filter((row) -> ex.getMessage().equals("row " + row)).toList());
        assertThat(this.attempts).as("all, the named row alone, the rest; again for the second bad row")
            .containsExactly(1000, 1, 999, 1, 998);
        assertThat(this.outcomes).hasSize(1000)
            .containsEntry(7, "refused: row 7")
            .containsEntry(500, "refused: row 500");
    }

    @Test
    void anUnavailableTargetIsNeverSplit() {
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> this.isolation.run(this.rows, (some) -> {
            this.attempts.add(some.size());
            throw new SQLException("terminating connection due to administrator command", "57P01");
        }, this::done, this::refused)).withMessageContaining("administrator");
        assertThat(this.attempts).containsExactly(1000);
        assertThat(this.outcomes).isEmpty();
    }

    private List<String> write(List<Integer> some) throws SQLException {
        this.attempts.add(some.size());
        for (Integer row : some) {
            if (this.bad.contains(row)) {
                throw new SQLException("row " + row, "23503");
            }
        }
        return some.stream().map((row) -> "written").toList();
    }

    private void done(Integer row, String outcome) {
        assertThat(this.outcomes.put(row, outcome)).as("one outcome per row").isNull();
    }

    private void refused(Integer row, SQLException ex) {
        assertThat(this.outcomes.put(row, "refused: " + ex.getMessage())).as("one outcome per row").isNull();
    }

}
