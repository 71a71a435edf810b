package dev.switchyard.validation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.ProjectService;
import dev.switchyard.support.Browser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation in a real browser: a tester validates a run from the dashboard, watches it
 * finish, sees the tiles and charts, drills down into a mismatching field side by side,
 * rejects with findings (a comment is required), validates again after the fix and signs
 * off (after a confirmation); the dashboard then shows the sign-off and the trend.
 */
@IntegrationTest
class ValidationBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    ProjectService projects;

    @Test
    void testerValidatesDrillsDownRejectsAndSignsOff() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "vanalyst",
                TargetDatabases.demoSchema());
        long run = setup.start(this.mvc, """
                {"environment": "sandbox"}""");
        setup.await(this.mvc, run, "COMPLETED");
        AppUser tester = this.fixtures.user("tester");
        this.fixtures.as(Fixtures.ADMIN,
                () -> this.projects.addMember(setup.project(), tester.getUsername(), "TESTER"));
        String company;
        String original;
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            company = ValidationIntegrationTests.text(sql, "select source_id from companies order by id limit 1");
            original = ValidationIntegrationTests.text(sql,
                    "select name from companies where source_id = '" + company + "'");
            sql.executeUpdate("update companies set name = 'Renamed by hand' where source_id = '" + company + "'");
        }

        Browser.login(base(), tester.getUsername(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + setup.project());
        web.findElement(By.linkText("Validation")).click();
        assertThat(Browser.await(By.id("no-validation")).getText()).contains("No validation yet");
        new Select(web.findElement(By.id("validation-run"))).selectByValue(String.valueOf(run));
        Browser.click(By.id("start-validation-submit"));
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("started");
        // the progress card polls until the validation ends, then the page reloads
        new WebDriverWait(web, Duration.ofSeconds(60))
            .until((d) -> !d.findElements(By.id("validation-tiles")).isEmpty());
        assertThat(web.findElement(By.id("tile-reconciliation")).getText()).contains("Pass", "3 of 3 objects balanced");
        assertThat(web.findElement(By.id("tile-fields")).getText()).contains("Fail");
        assertThat(web.findElement(By.id("tile-relationships")).getText()).contains("Pass", "0 broken");
        assertThat(web.findElement(By.id("validation-verdict")).getText()).contains("Fail");

        web.findElement(By.cssSelector("#field-companies-name a")).click();
        assertThat(Browser.await(By.id("field-result")).getText()).contains("companies.name: 82 of 83 as expected");
        String row = web.findElement(By.id("findings-table")).getText();
        assertThat(row).contains(company, original, "Renamed by hand");
        web.findElement(By.partialLinkText("Back to validation")).click();

        // a rejection needs its findings
        Browser.click(By.id("reject"));
        assertThat(Browser.await(By.cssSelector("[role=alert]")).getText()).contains("rejection needs its findings");
        web.findElement(By.id("decision-comment")).sendKeys("companies.name of " + company + " was edited by hand");
        Browser.click(By.id("reject"));
        assertThat(Browser.await(By.id("decision")).getText()).contains("Rejected", tester.getUsername(),
                "edited by hand");

        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            sql.executeUpdate("update companies set name = '" + original.replace("'", "''") + "' where source_id = '"
                    + company + "'");
        }
        web.findElement(By.linkText("Back to the validation dashboard")).click();
        new Select(Browser.await(By.id("validation-run"))).selectByValue(String.valueOf(run));
        Browser.click(By.id("start-validation-submit"));
        new WebDriverWait(web, Duration.ofSeconds(60))
            .until((d) -> !d.findElements(By.id("validation-tiles")).isEmpty());
        assertThat(web.findElement(By.id("validation-verdict")).getText()).contains("Pass");
        Browser.click(By.id("sign-off"));
        new WebDriverWait(web, Duration.ofSeconds(5))
            .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent())
            .accept();
        assertThat(Browser.await(By.id("decision")).getText()).contains("Signed off", tester.getUsername());

        web.findElement(By.linkText("Back to the validation dashboard")).click();
        assertThat(Browser.await(By.id("latest-summary")).getText()).contains("Pass",
                "signed off by " + tester.getUsername());
        assertThat(web.findElement(By.id("validations-table")).getText()).contains("Rejected", "Signed off");
        // Chart.js drew the charts (a canvas it draws on gets its size from Chart.js)
        assertThat(web.findElements(By.id("field-chart"))).hasSize(1);
        assertThat(web.findElements(By.id("trend-chart"))).hasSize(1);
        Object drawn = ((JavascriptExecutor) web)
            .executeScript("return typeof Chart !== 'undefined' && Chart.getChart('trend-chart') != null");
        assertThat(drawn).isEqualTo(true);
    }

    String base() {
        return "http://localhost:" + this.port;
    }

}
