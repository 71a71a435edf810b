package dev.switchyard.run;

import dev.switchyard.support.Browser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A run in a real browser: the analyst reads the plan, starts a throttled run, watches
 * its progress update live, and opens the ledger.
 */
@IntegrationTest
class RunBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void analystStartsARunWatchesItsProgressAndOpensTheLedger() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "analyst",
                TargetDatabases.demoSchema());
        RequestPostProcessor auth = setup.auth();

        Browser.login(base(), setup.analyst(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + setup.project());
        web.findElement(By.linkText("Runs")).click();
        assertThat(Browser.await(By.id("plan-steps")).getText()).contains("Account → companies", "Contact → people",
                "reports_to_id in a second pass");
        assertThat(web.findElement(By.id("no-runs")).getText()).contains("No runs yet");
        new Select(web.findElement(By.id("run-environment"))).selectByValue("sandbox");
        web.findElement(By.id("run-throttle")).sendKeys("300");
        // the scope is draft v1: a sandbox run of it is confirmed explicitly
        web.findElement(By.cssSelector("#run-uses [data-for='sandbox'] input[name='confirmScope']")).click();
        web.findElement(By.id("start-run-submit")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("started in sandbox");
        // the progress card refreshes itself until the run completes
        String early = Browser.await(By.id("run-objects")).getText();
        assertThat(early).contains("Account → companies");
        new WebDriverWait(web, java.time.Duration.ofSeconds(60))
            .until((d) -> !d.findElements(By.id("run-balanced")).isEmpty());
        assertThat(web.findElement(By.id("run-status")).getText()).isEqualTo("Completed");
        assertThat(web.findElement(By.id("run-object-2")).getText()).contains("Opportunity → deals", "774 / 774");
        web.findElement(By.id("open-ledger")).click();
        assertThat(Browser.await(By.id("ledger-count")).getText()).isEqualTo("990 entries");
        new Select(web.findElement(By.id("outcome"))).selectByValue("CREATED");
        web.findElement(By.id("object")).sendKeys("Contact");
        web.findElement(By.id("ledger-filter-submit")).click();
        assertThat(Browser.await(By.id("ledger-count")).getText()).isEqualTo("133 entries");
        assertThat(web.findElement(By.id("ledger-table")).getText()).contains("Contact → people", "CREATED");
    }

    @Test
    void analystSetsTheDeletePolicyAndReRunsQuarantinedRecordsFromTheRunPage() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "rerunner",
                RunRerunIntegrationTests.narrowSchema());
        long id = setup.start(this.mvc, "{\"mode\": \"full\"}");
        String done = setup.await(this.mvc, id, "COMPLETED");
        int quarantined = (Integer) Mashmatrix.counts(done, "Opportunity").get("quarantined");
        assertThat(quarantined).isPositive();

        Browser.login(base(), setup.analyst(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        // the delete policy, on the runs tab: deactivate needs a column per object
        web.get(base() + "/projects/" + setup.project() + "/runs");
        assertThat(web.findElement(By.id("run-policy-note")).getText()).contains("report");
        web.findElement(By.id("policy-deactivate")).click();
        web.findElement(By.id("delete-policy-submit")).click();
        assertThat(Browser.await(By.cssSelector("[role=alert]")).getText())
            .contains("Account → companies: name the target column and value that mark a record inactive");
        web.findElement(By.id("policy-delete")).click();
        web.findElement(By.id("delete-policy-submit")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("Delete policy: delete");
        assertThat(web.findElement(By.id("run-policy-note")).getText()).contains("delete");
        assertThat(web.findElement(By.id("policy-delete")).isSelected()).isTrue();

        // the target is fixed: deal names up to 120 characters
        try (java.sql.Connection target = java.sql.DriverManager.getConnection(setup.url(), "postgres", "");
                java.sql.Statement sql = target.createStatement()) {
            sql.execute("alter table deals alter column name type varchar(120)");
        }
        web.get(base() + "/projects/" + setup.project() + "/runs/" + id);
        assertThat(web.findElement(By.id("run-log")).getAttribute("href"))
            .endsWith("/projects/" + setup.project() + "/runs/" + id + "/log");
        org.openqa.selenium.WebElement rerun = web.findElement(By.id("rerun-quarantined"));
        assertThat(rerun.getText()).isEqualTo("Re-run " + quarantined + " quarantined");
        rerun.click();
        org.openqa.selenium.Alert confirm = new WebDriverWait(web, java.time.Duration.ofSeconds(5))
            .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertThat(confirm.getText()).contains("loads the " + quarantined + " records this run quarantined");
        confirm.accept();
        Browser.awaitText(By.cssSelector("[role=status]"), "re-runs the quarantined records of run " + id);
        assertThat(web.findElement(By.id("run-rerun-of")).getText())
            .isEqualTo("Re-runs the quarantined records of run " + id);
        new WebDriverWait(web, java.time.Duration.ofSeconds(60))
            .until((d) -> !d.findElements(By.id("run-balanced")).isEmpty());
        assertThat(web.findElement(By.id("run-object-2")).getText()).contains("Opportunity → deals",
                quarantined + " / " + quarantined);
        assertThat(web.findElements(By.id("rerun-quarantined"))).isEmpty();
        // nothing left to re-run: the button is gone from the first run too
        web.get(base() + "/projects/" + setup.project() + "/runs/" + id);
        assertThat(Browser.await(By.id("run-objects")).getText()).contains("Opportunity → deals");
        assertThat(web.findElements(By.id("rerun-quarantined"))).isEmpty();
    }

    String base() {
        return "http://localhost:" + this.port;
    }

}
