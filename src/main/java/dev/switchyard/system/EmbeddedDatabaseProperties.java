package dev.switchyard.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL, under {@code switchyard.embedded}; they apply only
 * when {@code spring.datasource.url} is not set.
 *
 * @param ephemeral tests only: run the server on a throwaway directory deleted when the
 * JVM ends, instead of {@code <data-dir>/postgres}
 * @param durable whether a committed transaction survives a power loss or an operating
 * system crash: {@code fsync} and {@code synchronous_commit} on (default true). Off
 * (tests, throwaway data) commits faster, but a crash can lose the last commits or
 * corrupt the cluster
 */
@ConfigurationProperties("switchyard.embedded")
public record EmbeddedDatabaseProperties(boolean ephemeral, @DefaultValue("true") boolean durable) {

}
