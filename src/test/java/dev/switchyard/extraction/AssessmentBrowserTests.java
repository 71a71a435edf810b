package dev.switchyard.extraction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.Browser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assessment in a real browser: upload an export, extract it while watching the
 * progress, browse and annotate the dictionary, open a finding.
 */
@IntegrationTest
class AssessmentBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @TempDir
    Path temp;

    String base() {
        return "http://localhost:" + this.port;
    }

    @Test
    void analystUploadsExtractsBrowsesTheDictionaryAndOpensAFinding() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        Path zip = this.temp.resolve("mashmatrix-export.zip");
        Files.write(zip, TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv", "Opportunity.csv"));

        Browser.login(base(), analyst.getUsername(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + project.getId());
        web.findElement(By.linkText("Connections")).click();
        new Select(Browser.await(By.id("type"))).selectByValue("csv");
        web.findElement(By.id("file")).sendKeys(zip.toAbsolutePath().toString());
        web.findElement(By.id("connect-source")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("Found 3 objects");
        assertThat(web.findElement(By.id("source-files")).getText()).contains("Account.csv", "Contact.csv",
                "Opportunity.csv");

        web.findElement(By.linkText("Extractions")).click();
        web.findElement(By.id("start-extraction")).click();
        Browser.await(By.id("extraction-bar"));
        new WebDriverWait(web, Duration.ofSeconds(60))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id("extraction-progress"), "Completed"));
        new WebDriverWait(web, Duration.ofSeconds(10))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id("objects-table"), "Opportunity"));
        assertThat(web.findElement(By.id("objects-table")).getText()).contains("Account", "83", "Contact", "133",
                "774");

        web.findElement(By.linkText("Dictionary")).click();
        web.findElement(By.id("object-Contact")).click();
        assertThat(Browser.await(By.id("selected-object")).getText()).isEqualTo("Contact");
        assertThat(web.findElement(By.id("fields-table")).getText()).contains("AccountId", "REFERENCE", "Account");
        web.findElement(By.linkText("ReportsToId")).click();
        assertThat(Browser.await(By.id("field-references")).getText()).isEqualTo("Contact (inferred)");
        web.findElement(By.id("label")).sendKeys("Manager");
        new Select(web.findElement(By.id("sensitivity"))).selectByValue("PII");
        web.findElement(By.id("save-annotation")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("Annotation saved");
        web.findElement(By.linkText("Back to Contact")).click();
        assertThat(Browser.await(By.id("fields-table")).getText()).contains("Manager", "PII");

        web.findElement(By.id("q")).sendKeys("phone");
        web.findElement(By.cssSelector("form[role=search] button")).click();
        assertThat(Browser.await(By.id("fields-heading")).getText()).startsWith("Matching fields");
        assertThat(web.findElement(By.id("fields-table")).getText()).contains("Account", "Contact");

        web.findElement(By.linkText("Findings")).click();
        new Select(Browser.await(By.id("kind"))).selectByValue("DUPLICATE_CANDIDATES");
        web.findElement(By.cssSelector("main form button")).click();
        Browser.await(By.linkText("Duplicate candidates")).click();
        assertThat(Browser.await(By.id("examples-table")).getText()).contains("001f4000009wJD7AAM",
                "001f4000003NkdGAAS");
    }

}
