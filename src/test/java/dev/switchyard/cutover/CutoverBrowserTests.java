package dev.switchyard.cutover;

import java.time.Duration;

import dev.switchyard.project.ProjectService;
import dev.switchyard.support.Browser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A rehearsal in a real browser: the plan from the template, the rehearsal started from
 * the page, manual tasks started and marked done, the freeze recorded, the delta
 * extraction task launched from the page and finishing by itself as the page refreshes;
 * then the gates evaluated, a stakeholder's vote and a go decision refused while a gate
 * fails and recorded with a waiver, and the printable record.
 */
@IntegrationTest
class CutoverBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    ProjectService projects;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aRehearsalFromTheTemplateToTheGoDecision() throws Exception {
        CutoverSteps steps = CutoverSteps.ready(this.mvc, this.fixtures, this.projects, this.postgres, "cutoverweb");
        this.mvc
            .perform(put(steps.base() + "/gates").with(steps.as(steps.stakeholder()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"quarantineRate\":1}"))
            .andExpect(status().isOk());

        Browser.login(base(), steps.setup().analyst(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + steps.setup().project() + "/cutover");
        Browser.click(By.id("use-template"));
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("The template's 8 tasks");
        assertThat(web.findElements(By.cssSelector("#cutover-plan tbody tr"))).hasSize(8);
        assertThat(web.findElement(By.cssSelector("#cutover-plan tbody tr:nth-child(3)")).getText())
            .contains("Final delta extraction", "Delta extraction", "30 min");

        Browser.click(By.id("start-execution"));
        Browser.awaitText(By.id("execution-title"), "against staging");
        // manual tasks: started and marked done by their owner
        for (int task = 1; task <= 2; task++) {
            Browser.click(By.id("start-task-" + task));
            Browser.await(By.id("done-task-" + task));
            web.findElement(By.id("comment-" + task)).sendKeys("done in the rehearsal");
            Browser.click(By.id("done-task-" + task));
            Browser.awaitText(By.cssSelector("tr[data-task='" + task + "'] .task-status"), "Done");
        }
        Browser.click(By.id("record-freeze"));
        Browser.awaitText(By.id("freeze-at"), "Source frozen at");
        // the delta extraction: launched from the page, done when the extraction
        // completes
        Browser.click(By.id("start-task-3"));
        assertThat(Browser.await(By.cssSelector("tr[data-task='3'] .task-action")).getText())
            .startsWith("Delta extraction");
        new WebDriverWait(web, Duration.ofSeconds(30))
            .until((d) -> d.findElement(By.cssSelector("tr[data-task='3'] .task-status")).getText().equals("Done"));
        assertThat(web.findElement(By.cssSelector("tr[data-task='4'] .task-status")).getText()).isEqualTo("Ready");

        // the tester votes through the API; the gate fails: no run yet
        this.mvc
            .perform(post(steps.base() + "/executions/" + executionId(web) + "/votes").with(steps.as(steps.tester()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"vote\":\"no_go\",\"comment\":\"No load rehearsed yet\"}"))
            .andExpect(status().isOk());
        String page = web.getCurrentUrl();
        Browser.login(base(), steps.stakeholder(), Fixtures.PASSWORD);
        web.get(page);
        assertThat(Browser.await(By.cssSelector("[data-gate='QUARANTINE_RATE'] .gate-result")).getText())
            .isEqualTo("fails");
        assertThat(web.findElement(By.id("votes")).getText()).contains(steps.tester(), "No-go",
                "No load rehearsed yet");
        new Select(web.findElement(By.id("vote"))).selectByValue("GO");
        web.findElement(By.id("vote-comment")).sendKeys("Extraction timing is fine");
        Browser.click(By.id("cast-vote"));
        Browser.awaitText(By.id("votes"), "Extraction timing is fine");
        new Select(web.findElement(By.id("decision"))).selectByValue("GO");
        Browser.click(By.id("record-decision"));
        assertThat(Browser.await(By.cssSelector("[role=alert]")).getText())
            .contains("A gate fails: Quarantine rate (no run was launched by this execution)");
        new Select(web.findElement(By.id("decision"))).selectByValue("GO");
        web.findElement(By.id("waiver")).sendKeys("A rehearsal of the extraction only");
        Browser.click(By.id("record-decision"));
        Browser.awaitText(By.id("decision-recorded"), "Decision: Go");
        assertThat(web.findElement(By.id("decision-waiver")).getText())
            .contains("Reason: A rehearsal of the extraction only");
        Browser.click(By.id("go-record"));
        Browser.awaitText(By.id("record-title"), "Go/no-go record");
        assertThat(web.findElement(By.tagName("main")).getText()).contains("Decision: Go", "Extraction timing is fine",
                "Final delta extraction");
    }

    private static String executionId(WebDriver web) {
        String url = web.getCurrentUrl();
        String path = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    String base() {
        return "http://localhost:" + this.port;
    }

}
