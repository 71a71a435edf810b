package dev.switchyard.run;

import java.time.Duration;

import dev.switchyard.support.Browser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting a run in a real browser: the form says, for the environment chosen, which
 * extraction, scope version (draft or approved) and mapping version the run will use;
 * staging is refused naming the missing approval; a sandbox run of the draft starts only
 * once confirmed; the run page shows the scope it applies, its start, running time, time
 * left and end, and offers Validate and Trace as soon as the run ends during a refresh,
 * with undo still asking first.
 */
@IntegrationTest
class RunStartBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void theFormStatesWhatTheRunUsesAndADraftNeedsAConfirmation() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "starter",
                TargetDatabases.demoSchema());
        TargetDatabases.connect(this.mvc, setup.project(), "staging",
                TargetDatabases.create(this.postgres, "staging", TargetDatabases.demoSchema()), setup.auth());

        Browser.login(base(), setup.analyst(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + setup.project() + "/runs");
        Select environment = new Select(Browser.await(By.id("run-environment")));
        environment.selectByValue("sandbox");
        WebElement sandbox = web.findElement(By.cssSelector("#run-uses [data-for='sandbox']"));
        WebElement staging = web.findElement(By.cssSelector("#run-uses [data-for='staging']"));
        assertThat(sandbox.isDisplayed()).isTrue();
        assertThat(staging.isDisplayed()).isFalse();
        assertThat(sandbox.findElement(By.className("run-uses-snapshot")).getText()).matches("\\d+, finished .* UTC");
        assertThat(sandbox.findElement(By.className("run-uses-scope")).getText()).isEqualTo("v1 Draft");
        assertThat(sandbox.findElement(By.className("run-uses-mapping")).getText()).matches("v\\d+");

        // staging only runs an approved scope: the form says so, and the start is refused
        environment.selectByValue("staging");
        assertThat(sandbox.isDisplayed()).isFalse();
        assertThat(staging.findElement(By.className("run-uses-scope")).getText()).contains("needs an approved scope",
                "scope v1 is a draft");
        web.findElement(By.id("start-run-submit")).click();
        assertThat(Browser.await(By.cssSelector("[role=alert]")).getText()).contains("needs an approved scope",
                "scope v1 is a draft: submit it and have a stakeholder approve it");

        // a sandbox run of the draft starts once confirmed
        new Select(Browser.await(By.id("run-environment"))).selectByValue("sandbox");
        web.findElement(By.id("run-throttle")).sendKeys("250");
        web.findElement(By.id("start-run-submit")).click();
        assertThat(Browser.await(By.cssSelector("[role=alert]")).getText())
            .contains("Scope v1 is draft, not approved: confirm that this sandbox run applies it");
        new Select(Browser.await(By.id("run-environment"))).selectByValue("sandbox");
        web.findElement(By.id("run-throttle")).sendKeys("250");
        WebElement confirm = web
            .findElement(By.cssSelector("#run-uses [data-for='sandbox'] input[name='confirmScope']"));
        assertThat(web.findElement(By.cssSelector("label[for='" + confirm.getAttribute("id") + "']")).getText())
            .isEqualTo("I confirm that this run applies scope v1, which is draft and not approved by a stakeholder");
        confirm.click();
        web.findElement(By.id("start-run-submit")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("started in sandbox");
        assertThat(web.findElement(By.id("run-scope")).getText()).isEqualTo("Scope v1 Draft");

        // while it runs: its start, how long it has run and (once it has a rate) the time
        // left; no Validate yet
        new WebDriverWait(web, Duration.ofSeconds(30)).until((d) -> !d.findElements(By.id("run-eta")).isEmpty());
        assertThat(web.findElement(By.id("run-started")).getText()).matches("Started \\d{4}-\\d\\d-\\d\\d .* UTC");
        assertThat(web.findElement(By.id("run-elapsed")).getText()).startsWith("running for");
        assertThat(web.findElement(By.id("run-eta")).getText()).matches("about \\d+ (s|min \\d+ s) left .*");
        assertThat(web.findElements(By.id("validate-run"))).isEmpty();

        // it ends during a refresh: the links a finished run offers appear without a
        // reload
        new WebDriverWait(web, Duration.ofSeconds(60)).until((d) -> !d.findElements(By.id("run-balanced")).isEmpty());
        assertThat(web.findElement(By.id("validate-run")).getAttribute("href"))
            .endsWith("/projects/" + setup.project() + "/validation?environment=sandbox");
        assertThat(web.findElements(By.id("trace-relationships"))).hasSize(1);
        assertThat(web.findElement(By.id("run-elapsed")).getText()).endsWith("from start to end");
        assertThat(web.findElement(By.id("run-finished")).getText()).matches("ended \\d{4}-.* UTC");
        assertThat(web.findElements(By.id("run-eta"))).isEmpty();

        // undo, swapped in by the refresh, still asks first
        web.findElement(By.id("undo-run")).click();
        Alert undo = new WebDriverWait(web, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        assertThat(undo.getText()).contains("Delete every record this run created");
        undo.dismiss();
        assertThat(web.findElement(By.id("run-status")).getText()).isEqualTo("Completed");
    }

    String base() {
        return "http://localhost:" + this.port;
    }

}
