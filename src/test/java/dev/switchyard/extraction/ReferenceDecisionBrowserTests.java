package dev.switchyard.extraction;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.Browser;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TestFiles;
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
 * An analyst reviews the references the dictionary inferred by name, in a real browser:
 * the object page shows each with its match rate, its orphans with the nearest name and
 * the hierarchy's depth; rejecting one makes the field no reference and takes its orphans
 * off the findings, confirming another marks it, and withdrawing a decision brings the
 * inference back.
 */
@IntegrationTest
class ReferenceDecisionBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    String base() {
        return "http://localhost:" + this.port;
    }

    @Test
    void analystConfirmsAndRejectsInferredReferencesInTheDictionary() throws Exception {
        AppUser analyst = this.fixtures.user("reviewer");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "report.zip", "application/zip",
                    TestFiles.zipOf("crafted-report-export", "Account.csv", "Contact.csv")))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);

        Browser.login(base(), analyst.getUsername(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + project.getId() + "/dictionary/field?object=Account");
        String parent = Browser.await(By.id("reference-ParentAccount")).getText();
        assertThat(parent).contains("Account", "by Name", "85.7%",
                "Initech Holdngs ×1 → nearest Initech Holdings (1 edits)", "3", "inferred");

        Browser.click(By.id("reject-ParentAccount"));
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText())
            .isEqualTo("Account.ParentAccount: reference rejected.");
        assertThat(web.findElement(By.id("reference-ParentAccount")).getText()).contains("Rejected");
        web.get(base() + "/projects/" + project.getId() + "/dictionary/field?object=Account&field=ParentAccount");
        assertThat(Browser.await(By.id("field-references")).getText()).isEqualTo("— (Rejected)");
        web.get(base() + "/projects/" + project.getId() + "/findings");
        assertThat(Browser.await(By.id("findings-table")).getText()).contains("AccountName")
            .doesNotContain("ParentAccount");

        web.get(base() + "/projects/" + project.getId() + "/dictionary/field?object=Contact");
        assertThat(Browser.await(By.id("reference-AccountName")).getText()).contains("95.0%",
                "3 only ignoring case, spaces or punctuation");
        Browser.click(By.id("confirm-AccountName"));
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText())
            .isEqualTo("Contact.AccountName: reference confirmed.");
        assertThat(web.findElement(By.id("reference-AccountName")).getText()).contains("Confirmed");
        web.get(base() + "/projects/" + project.getId() + "/dictionary/field?object=Contact&field=AccountName");
        assertThat(Browser.await(By.id("field-references")).getText())
            .isEqualTo("Account by Name, ignoring case and punctuation (inferred) · Confirmed");

        web.get(base() + "/projects/" + project.getId() + "/dictionary/field?object=Account");
        Browser.click(By.id("withdraw-ParentAccount"));
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText())
            .isEqualTo("Decision on Account.ParentAccount withdrawn.");
        assertThat(web.findElement(By.id("reference-ParentAccount")).getText()).contains("inferred")
            .doesNotContain("Rejected");
    }

}
