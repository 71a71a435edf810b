package dev.switchyard.scope;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.Browser;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TestFiles;
import org.junit.jupiter.api.Test;
import java.time.Duration;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The scope document in a real browser: an analyst drafts and submits (after a
 * confirmation), a stakeholder approves (after a confirmation), an analyst cannot
 * approve, editing afterwards creates v2, and the comparison of v1 and v2 shows the
 * records that change decision.
 */
@IntegrationTest
class ScopeBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    static Alert confirmation(WebDriver web) {
        return new WebDriverWait(web, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
    }

    String base() {
        return "http://localhost:" + this.port;
    }

    @Test
    void analystSubmitsStakeholderApprovesAndAnEditCreatesTheNextVersion() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        AppUser stakeholder = this.fixtures.user("stakeholder");
        Project project = this.fixtures.project(analyst.getUsername());
        this.fixtures.grant(project, stakeholder.getUsername(), "STAKEHOLDER");
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "export.zip", "application/zip",
                    TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv", "Opportunity.csv")))
            .param("role", "source")
            .param("type", "csv")
            .with(auth));
        ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);

        Browser.login(base(), analyst.getUsername(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + project.getId());
        web.findElement(By.linkText("Scope")).click();
        assertThat(Browser.await(By.id("scope-title")).getText()).isEqualTo("Scope v1");
        assertThat(web.findElement(By.id("scope-table")).getText()).contains("Account", "Contact", "Opportunity");
        new Select(web.findElement(By.id("decision-2"))).selectByValue("ARCHIVE");
        web.findElement(By.id("rationale-2")).sendKeys("Closed history stays in the archive");
        web.findElement(By.id("save-scope")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("Scope v1 saved");
        web.findElement(By.id("rules-2")).click();
        assertThat(Browser.await(By.id("rules-title")).getText()).isEqualTo("Record rules of Opportunity");
        new Select(web.findElement(By.id("decision"))).selectByValue("EXCLUDE");
        new Select(web.findElement(By.id("cond-field-0"))).selectByValue("IsClosed");
        new Select(web.findElement(By.id("cond-op-0"))).selectByValue("IS_TRUE");
        new Select(web.findElement(By.id("cond-field-1"))).selectByValue("CloseDate");
        new Select(web.findElement(By.id("cond-op-1"))).selectByValue("LESS_THAN");
        web.findElement(By.id("cond-value-1")).sendKeys("2019-01-01");
        web.findElement(By.id("add-rule")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("Rule added to Opportunity");
        // hand-counted from Opportunity.csv: 549 closed before 2019 are excluded, the
        // other 225 archived
        assertThat(web.findElement(By.id("scope-table")).getText())
            .contains("IsClosed is true and CloseDate is less than 2019-01-01 → EXCLUDE", "549 (71%)", "225 (29%)");
        new Select(web.findElement(By.id("field-line"))).selectByValue("Contact.Birthdate");
        new Select(web.findElement(By.id("field-decision"))).selectByValue("EXCLUDE");
        web.findElement(By.id("add-field-line")).click();
        assertThat(Browser.await(By.id("scope-table")).getText()).contains("Contact.Birthdate");
        // submitting asks first: dismissed, nothing happens
        web.findElement(By.id("submit-scope")).click();
        Alert submit = confirmation(web);
        assertThat(submit.getText()).contains("Submit scope v1 for approval?", "later edits make draft v2");
        submit.dismiss();
        assertThat(web.findElement(By.id("scope-status")).getText()).isEqualTo("Draft");
        web.findElement(By.id("submit-scope")).click();
        confirmation(web).accept();
        assertThat(Browser.awaitText(By.id("scope-status"), "Submitted")).isEqualTo("Submitted");
        assertThat(web.findElements(By.id("approve-scope"))).isEmpty();

        // an analyst's approval is refused even when posted by hand
        ((JavascriptExecutor) web).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                const csrf = document.querySelector('input[name=_csrf]').cloneNode();
                form.appendChild(csrf);
                document.body.appendChild(form);
                form.submit();""", base() + "/projects/" + project.getId() + "/scope/approve");
        assertThat(Browser.await(By.id("error-page")).getText()).contains("403");

        Browser.login(base(), stakeholder.getUsername(), Fixtures.PASSWORD);
        assertThat(Browser.await(By.id("notifications")).getText()).contains("submitted scope v1");
        web.findElement(By.cssSelector("#notifications button")).click();
        web.findElement(By.id("comment")).sendKeys("Agreed");
        web.findElement(By.id("approve-scope")).click();
        Alert approve = confirmation(web);
        assertThat(approve.getText()).contains("Approve scope v1?", "SHA-256");
        approve.accept();
        assertThat(Browser.awaitText(By.id("approval-block"), "Approved by " + stakeholder.getUsername()))
            .contains("Agreed");

        Browser.login(base(), analyst.getUsername(), Fixtures.PASSWORD);
        web.get(base() + "/projects/" + project.getId() + "/scope");
        new Select(Browser.await(By.id("decision-1"))).selectByValue("EXCLUDE");
        web.findElement(By.id("save-scope")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("draft v2");
        assertThat(web.findElement(By.id("scope-title")).getText()).isEqualTo("Scope v2");
        web.findElement(By.linkText("v1")).click();
        assertThat(Browser.await(By.id("scope-status")).getText()).isEqualTo("Approved");
        assertThat(new Select(web.findElement(By.id("decision-1"))).getFirstSelectedOption().getText())
            .isEqualTo("Migrate");
        web.get(base() + "/projects/" + project.getId() + "/scope/compare?from=1&to=2");
        assertThat(Browser.await(By.id("compare-table")).getText()).contains("Contact", "changed", "EXCLUDE");
        // what the stakeholder approves in records: every contact leaves the migration;
        // accounts and opportunities keep their decisions
        assertThat(web.findElement(By.cssSelector("#moves-table tr[data-object='Contact']")).getText())
            .contains("133 → 0", "0 → 133", "133 Migrate → Exclude");
        assertThat(web.findElement(By.cssSelector("#moves-table tr[data-object='Opportunity']")).getText())
            .contains("none");
        web.get(base() + "/projects/" + project.getId() + "/scope/print?version=1");
        assertThat(Browser.await(By.id("print-approval")).getText()).contains(stakeholder.getUsername(), "Agreed");
    }

}
