package dev.switchyard.system;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL and points the application's datasource at it, when
 * {@code spring.datasource.url} is not set. With an external datasource configured,
 * nothing embedded starts and Spring Boot's own datasource configuration applies.
 *
 * <p>
 * The server has usually been started already, on a background thread, by
 * {@link EmbeddedDatabaseEarlyStart}; the {@code embeddedPostgres} bean then only waits
 * for it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatasource.class)
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "switchyard";

    @Bean
    EmbeddedPostgres embeddedPostgres(SwitchyardProperties properties, EmbeddedDatabaseProperties embedded) {
        EmbeddedPostgres server = EmbeddedPostgresServer.start(clusterDir(properties, embedded), embedded.durable());
        EmbeddedPostgresServer.createDatabaseIfMissing(server, DATABASE);
        return server;
    }

    @Bean
    HikariDataSource dataSource(EmbeddedPostgres server, Environment environment) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(EmbeddedPostgresServer.jdbcUrl(server, DATABASE));
        dataSource.setUsername("postgres");
        // batched inserts (ledger, cross-reference) become multi-row statements
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        dataSource.setPoolName("switchyard");
        dataSource.setMaximumPoolSize(
                environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10));
        return dataSource;
    }

    /**
     * The embedded server's data directory.
     * @param properties Switchyard's settings (the data directory)
     * @param embedded the embedded server's settings
     * @return {@code <data-dir>/postgres}, or a throwaway directory when ephemeral
     */
    static Path clusterDir(SwitchyardProperties properties, EmbeddedDatabaseProperties embedded) {
        return embedded.ephemeral() ? EmbeddedPostgresServer.ephemeralClusterDir()
                : properties.dataDir().resolve("postgres");
    }

    /**
     * @param environment the application's environment
     * @return whether the embedded server is the application's database (no external
     * datasource URL is configured)
     */
    static boolean isEmbedded(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    /**
     * Matches when no external datasource URL is configured.
     */
    static class NoExternalDatasource implements org.springframework.context.annotation.Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isEmbedded(context.getEnvironment());
        }

    }

}
