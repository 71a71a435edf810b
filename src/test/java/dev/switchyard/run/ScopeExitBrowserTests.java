package dev.switchyard.run;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.support.Browser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import dev.switchyard.support.Validations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scope change in a real browser: after the scope starts archiving the closed-lost
 * opportunities, the runs tab previews that 39 loaded records would leave the scope and
 * stay in the target (delete policy report); the run started from the form counts them
 * apart, the scope tab lists the run's verified archive, and the validation page links
 * the rows still in the target.
 */
@IntegrationTest
class ScopeExitBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void analystSeesWhatAScopeChangeRemovesBeforeTheRunAndFindsTheArchiveAndTheRowsLeftInTheTarget() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "previewer",
                TargetDatabases.demoSchema());
        setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"full\"}"), "COMPLETED");
        RunArchiveIntegrationTests.archiveClosedLost(this.mvc, setup);

        Browser.login(base(), setup.analyst(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + setup.project() + "/runs");
        // loaded after the page
        assertThat(Browser.await(By.id("scope-exits-sandbox")).getText()).contains("sandbox", "v1 (draft)", "39",
                "Opportunity → deals: 39", "kept in the target and reported");
        new Select(web.findElement(By.id("run-environment"))).selectByValue("sandbox");
        new Select(web.findElement(By.id("run-mode"))).selectByValue("delta");
        // the scope is a draft: a sandbox run applies it once confirmed
        Browser.click(By.cssSelector("#run-uses [data-for='sandbox'] input[name='confirmScope']"));
        Browser.click(By.id("start-run-submit"));
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("started in sandbox");
        new WebDriverWait(web, java.time.Duration.ofSeconds(60))
            .until((d) -> !d.findElements(By.id("run-balanced")).isEmpty());
        String url = web.getCurrentUrl();
        long run = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        assertThat(web.findElement(By.id("run-object-left-scope-2")).getText()).contains("39", "kept in the target");
        assertThat(web.findElement(By.id("run-object-2")).getText()).contains("Opportunity → deals");

        // the scope tab lists the run's archive with its file, count and hash
        web.findElement(By.linkText("Scope")).click();
        String archives = Browser.await(By.id("archives-table")).getText();
        assertThat(archives).contains("Opportunity", "run " + run, "Opportunity.csv: 39 · ");
        assertThat(web.findElement(By.cssSelector("#archives-table a[href$='.zip']")).getAttribute("href"))
            .contains("/projects/" + setup.project() + "/archives/");

        // the validation warns and links the rows left in the target
        String validation = Validations.validate(this.mvc, setup.auth(), run, null);
        long id = ((Number) JsonPath.read(validation, "$.id")).longValue();
        web.get(base() + "/projects/" + setup.project() + "/validations/" + id);
        assertThat(Browser.await(By.id("tile-out-of-scope")).getText())
            .contains("39 rows out of scope still in the target (39 kept on purpose");
        Browser.click(By.id("out-of-scope-2"));
        assertThat(Browser.await(By.id("findings-total")).getText()).contains("39");
        assertThat(web.findElement(By.id("findings-table")).getText()).contains("Out of scope, still in the target",
                "deals", "not in the target (archived by run " + run + ")", "LEFT_SCOPE, kept on purpose");
    }

    String base() {
        return "http://localhost:" + this.port;
    }

}
