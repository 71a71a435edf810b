package dev.switchyard.system;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.Browser;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TargetDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages at their edges in a real browser: an invalid parameter is a 400 page that names
 * it (never a server error), the rules page's text has its decision filled in, and the
 * target dictionary says when its counts were read.
 */
@IntegrationTest
class InvalidInputPagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    String base() {
        return "http://localhost:" + this.port;
    }

    @Test
    void invalidParametersRulesTextAndTheTargetDictionarysDate() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "Account.csv", "text/csv",
                    "Id,Name\n001A,Acme\n001B,Beta\n".getBytes(StandardCharsets.UTF_8)))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        TargetDatabases.connect(this.mvc, project.getId(), "sandbox", TargetDatabases.create(this.postgres, "asof",
                "create table companies (id serial primary key, name text); insert into companies (name) values ('a')"),
                auth);
        String projectPage = base() + "/projects/" + project.getId();

        Browser.login(base(), analyst.getUsername(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(projectPage + "/dictionary?side=target&environment=nope");
        assertThat(Browser.await(By.id("error-page")).findElement(By.tagName("h1")).getText())
            .isEqualTo("400 · Invalid request");
        assertThat(web.findElement(By.id("error-message")).getText()).isEqualTo("No environment named 'nope'");
        assertThat(web.findElement(By.id("error-parameter")).getText())
            .isEqualTo("It concerns the parameter 'environment'.");
        assertThat(web.getPageSource()).doesNotContain("Exception", "at dev.switchyard");

        web.get(projectPage + "/scope/rules?line=first");
        assertThat(Browser.await(By.id("error-message")).getText()).isEqualTo("'first' is not a whole number");
        assertThat(web.findElement(By.id("error-parameter")).getText()).isEqualTo("It concerns the parameter 'line'.");

        // a request the server cannot even parse
        web.get(projectPage + "/dictionary?side=%zz");
        assertThat(Browser.await(By.id("error-page")).findElement(By.tagName("h1")).getText())
            .isEqualTo("400 · Invalid request");
        assertThat(web.findElement(By.id("error-message")).getText())
            .isEqualTo("The request is not valid: check the address and its parameters");

        web.get(projectPage + "/scope/rules?line=0");
        String explain = Browser.await(By.id("rules-explain")).getText();
        assertThat(explain).doesNotContain("{0}")
            .endsWith("Records no rule matches get the line's decision (Migrate).");

        web.get(projectPage + "/dictionary?side=target&environment=sandbox");
        String readAt = Browser.await(By.id("dictionary-read-at")).getText();
        java.util.regex.Matcher when = java.util.regex.Pattern.compile(
                "Fields and record counts as the target's schema was read on (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}) UTC\\. "
                        + "Read it again on the Connections tab for current counts\\.")
            .matcher(readAt);
        assertThat(when.matches()).as(readAt).isTrue();
        assertThat(LocalDateTime.parse(when.group(1).replace(' ', 'T')))
            .isBetween(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5), LocalDateTime.now(ZoneOffset.UTC));
        assertThat(web.findElement(By.id("object-companies")).getText()).contains("1");
        web.get(projectPage + "/dictionary");
        assertThat(Browser.await(By.id("dictionary-objects")).getText()).contains("Account");
        assertThat(web.findElements(By.id("dictionary-read-at"))).isEmpty();
    }

}
