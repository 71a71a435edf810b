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
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatasource.class)
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "switchyard";

    @Bean
    EmbeddedPostgres embeddedPostgres(SwitchyardProperties properties, Environment environment) {
        boolean ephemeral = environment.getProperty("switchyard.embedded.ephemeral", Boolean.class, false);
        Path clusterDir = ephemeral ? EmbeddedPostgresServer.ephemeralClusterDir()
                : properties.dataDir().resolve("postgres");
        EmbeddedPostgres server = EmbeddedPostgresServer.start(clusterDir);
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
     * Matches when no external datasource URL is configured.
     */
    static class NoExternalDatasource implements org.springframework.context.annotation.Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }

    }

}
