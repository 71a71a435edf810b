package dev.switchyard.system;

import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test suite's shared embedded server runs without fsync, as
 * {@code src/test/resources/config/application.properties} asks
 * ({@code switchyard.embedded.durable=false}): its data is thrown away, and commits are
 * faster.
 */
@IntegrationTest
class EmbeddedDatabaseIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTestSuitesSharedServerRunsWithFsyncAndSynchronousCommitOff() {
        assertThat(this.jdbc.queryForObject("show fsync", String.class)).isEqualTo("off");
        assertThat(this.jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("off");
    }

}
