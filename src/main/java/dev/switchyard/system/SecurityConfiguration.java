package dev.switchyard.system;

import java.time.Clock;

import dev.switchyard.admin.AccessTokenService;
import dev.switchyard.project.ProjectAccess;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the automation API under {@code /api/**} (stateless, HTTP Basic or
 * bearer tokens, no CSRF, problem+json refusals) and the web pages (form login, CSRF,
 * session cookie). Both send a Content-Security-Policy that allows only this origin, deny
 * framing and send {@code Referrer-Policy: strict-origin-when-cross-origin}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final ReferrerPolicyHeaderWriter.ReferrerPolicy REFERRER_POLICY = ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

    private static final String PROJECT = "/projects/{projectId:\\d+}";

    private static final String API_PROJECT = "/api/v1/projects/{projectId:\\d+}";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Password logins (form and HTTP Basic). Only the lock is checked before the password
     * — unknown names are locked the same way, so it tells nothing —; that an account is
     * disabled (or expired) is said only to someone who gave its right password, so a
     * wrong password for a disabled account answers as for any other name.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPreAuthenticationChecks((user) -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("This account is locked for a minute after too many failed logins");
            }
        });
        provider.setPostAuthenticationChecks((user) -> {
            if (!user.isEnabled()) {
                throw new DisabledException("This account is disabled");
            }
            if (!user.isAccountNonExpired()) {
                throw new org.springframework.security.authentication.AccountExpiredException(
                        "This account has expired");
            }
            if (!user.isCredentialsNonExpired()) {
                throw new org.springframework.security.authentication.CredentialsExpiredException(
                        "This password has expired");
            }
        });
        return provider;
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AccessTokenService tokens, ProblemResponses problems,
            ProjectAccess access) throws Exception {
        ProjectMemberAuthorizationManager members = new ProjectMemberAuthorizationManager(access);
        http.securityMatcher("/api/**")
            .authorizeHttpRequests((requests) -> requests.requestMatchers("/api/v1/users", "/api/v1/users/**")
                .hasRole("ADMIN")
                .requestMatchers(API_PROJECT, API_PROJECT + "/**")
                .access(members)
                .anyRequest()
                .authenticated())
            .csrf((csrf) -> csrf.disable())
            .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic((basic) -> basic.realmName("Switchyard").authenticationEntryPoint(problems))
            .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
            .exceptionHandling(
                    (exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .requestCache((cache) -> cache.disable())
            .headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions((frame) -> frame.deny())
                .referrerPolicy((referrer) -> referrer.policy(REFERRER_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, ProjectAccess access) throws Exception {
        ProjectMemberAuthorizationManager members = new ProjectMemberAuthorizationManager(access);
        http.authorizeHttpRequests((requests) -> requests
            .requestMatchers("/login", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**", "/img/**",
                    "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs",
                    "/v3/api-docs/**", "/swagger-ui", "/swagger-ui/**", "/swagger-ui.html")
            .permitAll()
            .requestMatchers("/admin", "/admin/**")
            .hasRole("ADMIN")
            .requestMatchers(PROJECT, PROJECT + "/**")
            .access(members)
            .anyRequest()
            .authenticated())
            .formLogin((form) -> form.loginPage("/login").failureHandler(loginFailureHandler()).permitAll())
            .logout((logout) -> logout.logoutSuccessUrl("/login?logout").permitAll())
            .headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions((frame) -> frame.deny())
                .referrerPolicy((referrer) -> referrer.policy(REFERRER_POLICY)));
        return http.build();
    }

    private static AuthenticationFailureHandler loginFailureHandler() {
        return (request, response, exception) -> {
            String reason = (exception instanceof LockedException) ? "locked"
                    : (exception instanceof DisabledException) ? "disabled" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
    }

}
