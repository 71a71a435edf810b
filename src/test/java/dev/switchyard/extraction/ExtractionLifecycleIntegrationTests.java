package dev.switchyard.extraction;

import java.nio.file.Files;

import dev.switchyard.admin.AppUser;
import dev.switchyard.connection.ConnectionRequest;
import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.project.Project;
import dev.switchyard.staging.ExtractionMode;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.staging.StagingStore;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TestFiles;
import dev.switchyard.system.JobStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancelling an extraction, and extractions interrupted by a restart.
 */
@IntegrationTest
class ExtractionLifecycleIntegrationTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ConnectionService connections;

    @Autowired
    SnapshotLifecycle snapshots;

    @Autowired
    ExtractionService extractions;

    @Autowired
    ExtractionRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCancelledExtractionEndsCancelledAndKeepsNoStagedRecords() throws Exception {
        Snapshot snapshot = queued();
        this.fixtures.as("admin", () -> this.extractions.cancel(snapshot.getId()));
        this.runner.run(snapshot.getId());
        Snapshot after = this.snapshots.get(snapshot.getId());
        assertThat(after.getStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(after.getMessage()).contains("Cancelled");
        assertThat(partitionExists(snapshot.getId())).isFalse();
    }

    @Test
    void anExtractionInterruptedByARestartIsMarkedFailedWithAReason() throws Exception {
        Snapshot snapshot = queued();
        this.extractions.failInterrupted();
        Snapshot after = this.snapshots.get(snapshot.getId());
        assertThat(after.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(after.getMessage()).contains("Start it again");
    }

    @Test
    void aSourceThatVanishedFailsTheExtractionWithTheReason() throws Exception {
        Snapshot snapshot = queued();
        DataConnection connection = this.connections.get(snapshot.getConnectionId());
        try (var files = Files.list(java.nio.file.Path.of(connection.getFilesDir()))) {
            for (java.nio.file.Path file : files.toList()) {
                Files.delete(file);
            }
        }
        this.runner.run(snapshot.getId());
        Snapshot after = this.snapshots.get(snapshot.getId());
        assertThat(after.getStatus()).isIn(JobStatus.FAILED, JobStatus.COMPLETED_WITH_ERRORS);
        assertThat(after.getMessage()).isNotBlank();
        assertThat(after.getRecords()).isZero();
    }

    @Test
    void keepsTheFirstOfDuplicatedIdsAndReportsTheOthersWithTheirLines() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        String csv = "Id,Name\n001A,First Acme\n001B,Globex\n001A,Second Acme\n";
        DataConnection source = this.fixtures.as(analyst.getUsername(), () -> this.connections.create(project.getId(),
                new ConnectionRequest("source", null, "csv", null, null, null, null, null, null, null), "Account.csv",
                new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .connection());
        Snapshot snapshot = this.snapshots.queue(project.getId(), source.getId(), ExtractionMode.FULL,
                analyst.getUsername(), 300);
        this.runner.run(snapshot.getId());
        Snapshot after = this.snapshots.get(snapshot.getId());
        assertThat(after.getStatus()).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        assertThat(this.jdbc.queryForList(
                "select payload ->> 'Name' from staged_record where snapshot_id = ?" + " and source_id = '001A'",
                String.class, snapshot.getId()))
            .containsExactly("First Acme");
        assertThat(this.jdbc.queryForObject("select message from extraction_problem where snapshot_id = ?",
                String.class, snapshot.getId()))
            .contains("'001A' appears 2 times", "Account.csv:2");
    }

    private Snapshot queued() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        DataConnection source = this.fixtures.as(analyst.getUsername(),
                () -> this.connections
                    .create(project.getId(),
                            new ConnectionRequest("source", null, "csv", null, null, null, null, null, null, null),
                            "Account.csv", Files.newInputStream(TestFiles.data("sf-export-mashmatrix/Account.csv")))
                    .connection());
        return this.snapshots.queue(project.getId(), source.getId(), ExtractionMode.FULL, analyst.getUsername(), 300);
    }

    private boolean partitionExists(long snapshotId) {
        return Boolean.TRUE.equals(this.jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class,
                StagingStore.partition(snapshotId)));
    }

}
