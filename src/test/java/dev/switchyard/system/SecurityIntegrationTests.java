package dev.switchyard.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.switchyard.admin.AccessTokenService;
import dev.switchyard.admin.AppUser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SecurityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccessTokenService tokens;

    @LocalServerPort
    int port;

    @Test
    void anonymousApiCallGetsProblemJson401NotARedirect() throws Exception {
        this.mvc.perform(get("/api/v1/me"))
            .andExpect(status().isUnauthorized())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(401))
            .andExpect(jsonPath("$.detail").value(containsString("Authentication required")));
        this.mvc.perform(get("/api/v1/me").with(httpBasic(Fixtures.ADMIN, "wrong-password")))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.detail").value("The credentials are not valid"));
    }

    @Test
    void bearerTokenAuthenticatesUntilRevoked() throws Exception {
        AppUser user = this.fixtures.user("tokenuser");
        AccessTokenService.CreatedToken created = this.fixtures.as(user.getUsername(),
                () -> this.tokens.create(user.getId(), "ci", null));
        this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + created.token()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.username").value(user.getUsername()));
        this.fixtures.as(user.getUsername(), () -> {
            this.tokens.revoke(user.getId(), created.details().getId());
            return null;
        });
        this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + created.token()))
            .andExpect(status().isUnauthorized())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sy_made-up"))
            .andExpect(status().isUnauthorized());
    }

    @Test
    void apiNeedsNoCsrfTokenButFormsDo() throws Exception {
        this.mvc
            .perform(post("/api/v1/projects").with(httpBasic(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + Fixtures.unique("No csrf") + "\"}"))
            .andExpect(status().isCreated());
        AppUser user = this.fixtures.user("formuser");
        this.mvc.perform(post("/projects").with(this.fixtures.login(user.getUsername())).param("name", "Without csrf"))
            .andExpect(status().isForbidden());
    }

    @Test
    void locksAnAccountForAMinuteAfterFiveFailedLogins() throws Exception {
        AppUser user = this.fixtures.user("guessme");
        for (int i = 0; i < 5; i++) {
            this.mvc
                .perform(post("/login").with(csrf()).param("username", user.getUsername()).param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
        }
        this.mvc.perform(
                post("/login").with(csrf()).param("username", user.getUsername()).param("password", Fixtures.PASSWORD))
            .andExpect(redirectedUrl("/login?locked"));
        this.mvc.perform(get("/api/v1/me").with(httpBasic(user.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.detail").value(containsString("locked")));
        this.mvc.perform(get("/login?locked")).andExpect(content().string(containsString("locked for one minute")));
    }

    @Test
    void anUnknownNameIsLockedExactlyAsAnAccountIsSoTheLockTellsNoNames() throws Exception {
        AppUser user = this.fixtures.user("guessme");
        String nobody = Fixtures.unique("nobody");
        java.util.Map<String, java.util.List<String>> answers = new java.util.LinkedHashMap<>();
        for (String name : java.util.List.of(user.getUsername(), nobody)) {
            java.util.List<String> redirects = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                redirects.add(
                        this.mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "wrong"))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl());
            }
            answers.put(name, redirects);
            this.mvc.perform(get("/api/v1/me").with(httpBasic(name, Fixtures.PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(
                        jsonPath("$.detail").value("This account is locked for a minute after too many failed logins"));
        }
        assertThat(answers.get(nobody)).isEqualTo(answers.get(user.getUsername()))
            .containsExactly("/login?error", "/login?error", "/login?error", "/login?error", "/login?error",
                    "/login?locked");
    }

    @Test
    void successfulLoginResetsTheFailureCount() throws Exception {
        AppUser user = this.fixtures.user("forgetful");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                this.mvc.perform(
                        post("/login").with(csrf()).param("username", user.getUsername()).param("password", "wrong"))
                    .andExpect(redirectedUrl("/login?error"));
            }
            this.mvc
                .perform(post("/login").with(csrf())
                    .param("username", user.getUsername())
                    .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void sendsSecurityHeaders() throws Exception {
        this.mvc.perform(get("/login"))
            .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
            .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
            .andExpect(header().string("X-Frame-Options", "DENY"))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        for (var request : java.util.List.of(get("/api/v1/me").with(httpBasic(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD)),
                get("/api/v1/me"))) {
            this.mvc.perform(request)
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
        }
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/projects")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = response.headers()
            .allValues("Set-Cookie")
            .stream()
            .filter((c) -> c.startsWith("JSESSIONID"))
            .findFirst()
            .orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void healthAndInfoArePublicAndInfoHasTheVersion() throws Exception {
        this.mvc.perform(get("/actuator/health"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("UP"));
        this.mvc.perform(get("/actuator/info"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.build.version").isNotEmpty());
        this.mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.info.title").value("Switchyard automation API"));
    }

    @Test
    void unknownIdsGiveANotFoundPageNotAStackTrace() throws Exception {
        this.mvc.perform(get("/projects/98765432").with(this.fixtures.login(Fixtures.ADMIN)))
            .andExpect(status().isNotFound());
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> response = client
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/projects/98765432"))
                .header("Authorization", basic(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("does not exist").doesNotContain("Exception");
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

}
