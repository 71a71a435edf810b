package dev.switchyard.system;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Begins starting the embedded PostgreSQL as soon as the application's settings are known
 * (before the application context is created; registered in
 * {@code META-INF/spring.factories}), so that {@code initdb} and the server's start run
 * on a background thread while Spring reads its configuration classes and builds the web
 * server. {@link EmbeddedDatabaseConfiguration}'s {@code embeddedPostgres} bean then
 * waits for the same server instead of starting it.
 *
 * <p>
 * Nothing starts when an external datasource is configured. Settings that cannot be read
 * are left for the context to report: this listener never fails a start.
 */
class EmbeddedDatabaseEarlyStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!EmbeddedDatabaseConfiguration.isEmbedded(environment)) {
            return;
        }
        SwitchyardProperties properties;
        EmbeddedDatabaseProperties embedded;
        try {
            Binder binder = Binder.get(environment);
            properties = binder.bindOrCreate("switchyard", SwitchyardProperties.class);
            embedded = binder.bindOrCreate("switchyard.embedded", EmbeddedDatabaseProperties.class);
        }
        catch (RuntimeException ex) {
            return;
        }
        if (properties.dataDir() == null && !embedded.ephemeral()) {
            return;
        }
        EmbeddedPostgresServer.startInBackground(EmbeddedDatabaseConfiguration.clusterDir(properties, embedded),
                embedded.durable(), EmbeddedDatabaseConfiguration.DATABASE);
    }

}
