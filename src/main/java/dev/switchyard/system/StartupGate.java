package dev.switchyard.system;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the login page (and the styles and scripts it needs) answer as soon as the web
 * server listens, and holds every other request until the application is ready: the web
 * server starts listening before the deferred JPA repositories are created and before the
 * start-up runners (the first administrator) have run, so a sign-in, an API call or a
 * health check in that second waits for them instead of failing. A request waits at most
 * {@link #MAX_WAIT}, then goes on as it would have.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupGate extends OncePerRequestFilter {

    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final CountDownLatch ready = new CountDownLatch(1);

    @EventListener(ApplicationReadyEvent.class)
    void open() {
        this.ready.countDown();
    }

    /**
     * @return whether the application is ready (the gate is open)
     */
    boolean isOpen() {
        return this.ready.getCount() == 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isOpen() && !passesBeforeReady(request)) {
            try {
                this.ready.await(MAX_WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * @param request a request
     * @return whether it is answered before the application is ready: {@code GET /login}
     * and static resources
     */
    static boolean passesBeforeReady(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        return path.equals("/login") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

}
