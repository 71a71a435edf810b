package dev.switchyard.system;

import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Builds Hibernate's entity manager factory on a thread of its own during start-up, while
 * the main thread goes on creating the web layer, security and the services
 * ({@code spring.data.jpa.repositories.bootstrap-mode=deferred} in
 * {@code application.properties}: the repositories are created once the context has been
 * refreshed, so none asks for the factory while the singletons are created). Whatever
 * touches JPA first waits for the factory. Requests that arrive before the application is
 * ready wait in {@link StartupGate}.
 */
@Configuration(proxyBeanMethods = false)
class JpaBootstrapConfiguration {

    @Bean
    EntityManagerFactoryBuilderCustomizer entityManagerFactoryBootstrapThread() {
        return (builder) -> {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("jpa-bootstrap-");
            executor.setDaemon(true);
            builder.setBootstrapExecutor(executor);
        };
    }

}
