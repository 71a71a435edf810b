package dev.switchyard.system;

import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's start-up: Hibernate is built on a bootstrap thread of its own, and
 * once the application is ready, requests no longer wait at the start-up gate.
 */
@IntegrationTest
class StartupIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    StartupGate gate;

    @Test
    void hibernateIsBuiltOnABootstrapThreadOfItsOwn() {
        LocalContainerEntityManagerFactoryBean factory = this.context.getBean("&entityManagerFactory",
                LocalContainerEntityManagerFactoryBean.class);
        assertThat(factory.getBootstrapExecutor()).isInstanceOfSatisfying(SimpleAsyncTaskExecutor.class,
                (executor) -> assertThat(executor.getThreadNamePrefix()).isEqualTo("jpa-bootstrap-"));
    }

    @Test
    void theGateIsOpenOnceTheApplicationIsReady() {
        assertThat(this.gate.isOpen()).isTrue();
    }

}
