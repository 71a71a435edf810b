package dev.switchyard.validation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.ProjectService;
import dev.switchyard.support.Browser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import dev.switchyard.support.Validations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * A tester in a real browser: the home page lists what waits for them (a finished run not
 * validated yet, then the run's latest validation to decide); an older validation of a
 * run that has a newer one cannot be decided and says which is newer; signing off asks
 * for a confirmation first; once decided, nothing waits any more.
 */
@IntegrationTest
class TesterBrowserTests {

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
    void testerSeesWhatWaitsDecidesOnlyTheLatestValidationAndConfirmsTheSignOff() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "tanalyst",
                TargetDatabases.demoSchema());
        AppUser tester = this.fixtures.user("tester");
        this.fixtures.as(Fixtures.ADMIN,
                () -> this.projects.addMember(setup.project(), tester.getUsername(), "TESTER"));
        RequestPostProcessor asTester = httpBasic(tester.getUsername(), Fixtures.PASSWORD);
        long run = setup.start(this.mvc, "{}");
        setup.await(this.mvc, run, "COMPLETED");

        // the run waits for a validation
        Browser.login(base(), tester.getUsername(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        assertThat(Browser.await(By.id("waiting-runs")).getText()).contains("Runs to validate (1)",
                "run " + run + " in sandbox, 990 records loaded, not validated yet");
        assertThat(web.findElement(By.cssSelector("#waiting-runs a")).getAttribute("href"))
            .endsWith("/projects/" + setup.project() + "/validation?environment=sandbox");
        assertThat(web.findElements(By.id("waiting-decisions"))).isEmpty();

        // validated twice, the second time after a hand edit in the target
        long older = ((Number) JsonPath.read(Validations.validate(this.mvc, asTester, run, null), "$.id")).longValue();
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            sql.executeUpdate(
                    "update companies set name = 'Renamed by hand' where id = (select min(id) from companies)");
        }
        long newer = ((Number) JsonPath.read(Validations.validate(this.mvc, asTester, run, null), "$.id")).longValue();
        web.get(base() + "/");
        String decisions = Browser.await(By.id("waiting-decisions")).getText();
        assertThat(decisions)
            .contains("Validations to decide (1)", "validation " + newer + " of run " + run + " in sandbox, fail")
            .doesNotContain("validation " + older + " ");
        assertThat(web.findElements(By.id("waiting-runs"))).isEmpty();

        // the older validation: not decidable, it names the newer one
        web.get(base() + "/projects/" + setup.project() + "/validations/" + older);
        assertThat(Browser.await(By.id("decision-superseded")).getText())
            .contains("Validation " + newer + " of run " + run + " is newer");
        assertThat(web.findElements(By.id("decision-form"))).isEmpty();

        // the newer one, opened from the home page: signing off asks first
        web.get(base() + "/");
        Browser.await(By.id("waiting-decisions")).findElement(By.tagName("a")).click();
        assertThat(Browser.await(By.id("validation-title")).getText()).isEqualTo("Validation " + newer);
        web.findElement(By.id("decision-comment")).sendKeys("The renamed company is a known hand edit");
        Browser.click(By.id("sign-off"));
        Alert confirm = new WebDriverWait(web, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        assertThat(confirm.getText()).contains("Sign off validation " + newer + " of run " + run + " in sandbox?");
        confirm.dismiss();
        assertThat(web.findElements(By.id("decision"))).isEmpty();
        Browser.click(By.id("sign-off"));
        new WebDriverWait(web, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(Browser.await(By.id("decision")).getText()).contains("Signed off", tester.getUsername());

        web.get(base() + "/");
        assertThat(Browser.await(By.tagName("h1")).getText()).startsWith("Welcome");
        assertThat(web.findElements(By.id("notifications"))).isEmpty();
    }

    String base() {
        return "http://localhost:" + this.port;
    }

}
