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

    String base() {
        return "http://localhost:" + this.port;
    }

}
