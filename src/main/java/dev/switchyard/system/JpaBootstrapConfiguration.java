package dev.switchyard.system;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.repository.Repository;

/**
 * Builds Hibernate's entity manager factory on a thread of its own during start-up, while
 * the main thread goes on creating the web layer, security and the services
 * ({@code spring.data.jpa.repositories.bootstrap-mode=deferred} in
 * {@code application.properties}, so that no repository asks for the factory while the
 * singletons are created). Whatever touches JPA first waits for the factory.
 *
 * <p>
 * The repositories are then created just before the web server starts listening, as they
 * were before: a request never finds them missing.
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

    @Bean
    SmartLifecycle repositoriesBeforeTheWebServer(ListableBeanFactory beans) {
        return new RepositoriesBeforeTheWebServer(beans);
    }

    /**
     * Creates the deferred repositories (waiting for the entity manager factory) in the
     * lifecycle phase before the web server's start.
     */
    static final class RepositoriesBeforeTheWebServer implements SmartLifecycle {

        private final ListableBeanFactory beans;

        private volatile boolean running;

        RepositoriesBeforeTheWebServer(ListableBeanFactory beans) {
            this.beans = beans;
        }

        @Override
        public void start() {
            this.beans.getBeansOfType(Repository.class);
            this.running = true;
        }

        @Override
        public void stop() {
            this.running = false;
        }

        @Override
        public boolean isRunning() {
            return this.running;
        }

        @Override
        public int getPhase() {
            return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;
        }

    }

}
