package dev.switchyard.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Before the application is ready, the login page and its resources are answered and
 * every other request waits; once it is ready, nothing waits.
 */
class StartupGateTests {

    final StartupGate gate = new StartupGate();

    @Test
    void theLoginPageAndItsResourcesAnswerBeforeTheApplicationIsReady() throws Exception {
        for (String path : new String[] { "/login", "/css/app.css", "/js/app.js",
                "/webjars/bootstrap/css/bootstrap.min.css" }) {
            AtomicBoolean passed = new AtomicBoolean();
            this.gate.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), chain(passed));
            assertThat(passed).as(path).isTrue();
        }
    }

    @Test
    void aSignInWaitsUntilTheApplicationIsReady() throws Exception {
        AtomicBoolean passed = new AtomicBoolean();
        Thread signIn = new Thread(() -> {
            try {
                this.gate.doFilter(new MockHttpServletRequest("POST", "/login"), new MockHttpServletResponse(),
                        chain(passed));
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        signIn.start();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !passed.get());
        assertThat(signIn.isAlive()).as("the sign-in waits").isTrue();

        this.gate.open();

        await().atMost(Duration.ofSeconds(5)).untilTrue(passed);
        signIn.join(5_000);
    }

    @Test
    void nothingWaitsOnceTheApplicationIsReady() throws Exception {
        this.gate.open();
        AtomicBoolean passed = new AtomicBoolean();
        this.gate.doFilter(new MockHttpServletRequest("GET", "/projects"), new MockHttpServletResponse(),
                chain(passed));
        assertThat(passed).isTrue();
    }

    private static FilterChain chain(AtomicBoolean passed) {
        return (request, response) -> passed.set(true);
    }

}
