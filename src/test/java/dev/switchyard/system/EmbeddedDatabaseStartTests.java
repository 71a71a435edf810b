package dev.switchyard.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import dev.switchyard.SwitchyardApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application's embedded PostgreSQL: durable unless the settings say otherwise, and
 * started in the background as soon as the settings are known. Each test runs its own
 * server on a temporary data directory, through the application's own configuration
 * (without the test suite's settings, which switch durability off).
 */
class EmbeddedDatabaseStartTests {

    @TempDir
    Path dataDir;

    final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withUserConfiguration(EmbeddedDatabaseConfiguration.class, Settings.class);

    @AfterEach
    void stopServer() {
        EmbeddedPostgresServer.stop(cluster());
    }

    @Test
    void theApplicationsServerHasFsyncAndSynchronousCommitOnByDefault() {
        this.contexts.withPropertyValues("switchyard.data-dir=" + this.dataDir).run((context) -> {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("switchyard");
        });
    }

    @Test
    void durableFalseTurnsFsyncAndSynchronousCommitOff() {
        this.contexts.withPropertyValues("switchyard.data-dir=" + this.dataDir, "switchyard.embedded.durable=false")
            .run((context) -> {
                JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("off");
                assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("off");
            });
    }

    @Test
    void theServerStartsAsSoonAsTheSettingsAreKnownAndTheContextUsesThatServer() throws Exception {
        new EmbeddedDatabaseEarlyStart().onApplicationEvent(environmentPrepared("switchyard.data-dir=" + this.dataDir));
        await().atMost(Duration.ofSeconds(90))
            .alias("a server runs on the data directory before any context exists")
            .until(() -> EmbeddedPostgresServer.findPostmaster(cluster()).isPresent());
        long postmaster = EmbeddedPostgresServer.findPostmaster(cluster()).orElseThrow().pid();

        this.contexts.withPropertyValues("switchyard.data-dir=" + this.dataDir).run((context) -> {
            assertThat(EmbeddedPostgresServer.findPostmaster(cluster()).orElseThrow().pid()).isEqualTo(postmaster);
            assertThat(context.getBean(EmbeddedPostgres.class).getPort())
                .isEqualTo(EmbeddedPostgresServer.rememberedPort(cluster()));
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("switchyard");
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        });
    }

    @Test
    void nothingStartsEarlyWhenAnExternalDatasourceIsConfigured() {
        new EmbeddedDatabaseEarlyStart().onApplicationEvent(environmentPrepared("switchyard.data-dir=" + this.dataDir,
                "spring.datasource.url=jdbc:postgresql://localhost:1/elsewhere"));
        await().during(Duration.ofSeconds(1))
            .atMost(Duration.ofSeconds(2))
            .until(() -> !Files.exists(cluster()) && !Files.exists(this.dataDir.resolve("postgres.port")));
    }

    @Test
    void theApplicationRegistersTheEarlyStart() {
        assertThat(new SpringApplication(SwitchyardApplication.class).getListeners())
            .hasAtLeastOneElementOfType(EmbeddedDatabaseEarlyStart.class);
    }

    private Path cluster() {
        return this.dataDir.resolve("postgres");
    }

    private static ApplicationEnvironmentPreparedEvent environmentPrepared(String... properties) {
        StandardEnvironment environment = new StandardEnvironment();
        TestPropertyValues.of(properties).applyTo(environment);
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(SwitchyardApplication.class), new String[0], environment);
    }

    @EnableConfigurationProperties({ SwitchyardProperties.class, EmbeddedDatabaseProperties.class })
    static class Settings {

    }

}
