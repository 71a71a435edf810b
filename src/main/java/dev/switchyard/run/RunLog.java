package dev.switchyard.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run's log: timestamped events (start with what it applies, each object's start and
 * finish with its counts, pauses, resumes, cancels, recovery after a restart, target
 * outages, the error threshold, quarantine reasons, delete-policy actions, the finish
 * with its balance), each committed on its own so that it survives a rollback of the
 * chunk in hand and a restart, and downloadable as text.
 */
@Component
class RunLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate separate;

    RunLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Adds an event to a run's log, in a transaction of its own.
     * @param runId the run
     * @param message what happened
     */
    void add(long runId, String message) {
        this.separate.executeWithoutResult(
                (tx) -> this.jdbc.update("insert into run_event (run_id, message) values (?, ?)", runId, message));
    }

    /**
     * @param runId a run
     * @return its events' messages, oldest first
     */
    List<String> messages(long runId) {
        return this.jdbc.queryForList("select message from run_event where run_id = ? order by id", String.class,
                runId);
    }

    /**
     * Writes a run's log as text: one line per event, its UTC time (milliseconds) and
     * message.
     * @param runId the run
     * @param out where to write
     */
    void write(long runId, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.jdbc.query("select at, message from run_event where run_id = ? order by id", (rs) -> {
            Timestamp at = rs.getTimestamp(1);
            try {
                writer.write(TIME.format(at.toInstant().truncatedTo(ChronoUnit.MILLIS)));
                writer.write("  ");
                writer.write(rs.getString(2).replace("\r", " ").replace("\n", " "));
                writer.write("\n");
            }
            catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }, runId);
        writer.flush();
    }

}
