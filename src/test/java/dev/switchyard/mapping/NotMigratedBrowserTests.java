package dev.switchyard.mapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.Browser;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Source fields that go nowhere, in a real browser: an analyst sees them with fill rate
 * and frequent values on the object mapping page, marks one not migrated on purpose with
 * a reason, exports the mapping (XLSX and JSON), takes the decision back and imports each
 * file to get it back; a stakeholder then reads it on the scope page.
 */
@IntegrationTest
class NotMigratedBrowserTests {

    private static final String REASON = "Nobody has faxed since 2009; the fax numbers stay in the archive";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path files;

    String base() {
        return "http://localhost:" + this.port;
    }

    @Test
    void analystMarksAFieldNotMigratedItSurvivesExportAndImportAndTheStakeholderSeesIt() throws Exception {
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
            .with(auth)).andExpect(status().isCreated());
        ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        this.mvc.perform(put("/api/v1/projects/" + project.getId() + "/mapping").with(auth)
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"version": 0, "objects": [{"source": "Account", "target": "companies",
                      "fields": [{"target": "source_id", "sources": ["Id"]}, {"target": "name", "sources": ["Name"]},
                                 {"target": "phone", "sources": ["Phone"]}]}]}""")).andExpect(status().isOk());

        Browser.login(base(), analyst.getUsername(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + project.getId());
        web.findElement(By.linkText("Mapping")).click();
        Browser.click(By.xpath("//table[@id='object-mappings']//tr[td[text()='Account']]//a"));
        assertThat(Browser.await(By.id("unmapped-heading")).getText())
            .isEqualTo("Source fields of Account that go nowhere");
        // hand-counted from Account.csv: 82 of 83 accounts have a fax number, 80 an
        // ownership (52 Listed, 28 Unlisted)
        assertThat(web.findElement(By.id("unmapped-Fax")).getText()).contains("98.8%", "(82 records)", "not decided");
        assertThat(web.findElement(By.id("unmapped-Ownership")).getText()).contains("96.4%", "Listed (52)",
                "Unlisted (28)");
        assertThat(web.findElement(By.id("unmapped-empty")).getText()).contains("Rating", "Jigsaw");
        assertThat(web.findElements(By.cssSelector(".issue-warning")).stream().map((w) -> w.getText()))
            .anyMatch((w) -> w.contains("27 source fields of Account with data go nowhere"));

        Browser.click(By.id("tick-Fax"));
        web.findElement(By.id("not-migrated-reason")).sendKeys(REASON);
        Browser.click(By.id("mark-not-migrated"));
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText())
            .isEqualTo("Marked Fax not migrated on purpose (version 2).");
        assertThat(web.findElement(By.id("unmapped-Fax")).getText()).contains("not migrated on purpose", REASON);
        assertThat(web.findElement(By.id("unmapped-counts")).getText())
            .isEqualTo("27 fields with data or a decision: 1 not migrated on purpose, 26 with data not decided yet.");

        // the exports hold it: downloaded by the browser from the overview's links
        Browser.click(By.linkText("Back to the mapping"));
        Path xlsx = download(web, "mapping-export-xlsx", "mapping.xlsx");
        Path json = download(web, "mapping-export-json", "mapping.json");
        assertThat(Files.readString(json)).contains("\"notMigrated\"", REASON);

        for (Path file : new Path[] { xlsx, json }) {
            // taken back, then imported: the decision is back
            web.get(base() + "/projects/" + project.getId() + "/mapping/object?source=Account&target=companies");
            Browser.click(By.id("undecide-Fax"));
            assertThat(Browser.await(By.cssSelector("[role=status]")).getText())
                .startsWith("Fax is no longer marked not migrated");
            assertThat(web.findElement(By.id("unmapped-Fax")).getText()).contains("not decided").doesNotContain(REASON);
            Browser.click(By.linkText("Back to the mapping"));
            web.findElement(By.id("import-file")).sendKeys(file.toString());
            Browser.click(By.id("import-submit"));
            assertThat(Browser.await(By.cssSelector("[role=status]")).getText())
                .startsWith("Imported " + file.getFileName());
            web.get(base() + "/projects/" + project.getId() + "/mapping/object?source=Account&target=companies");
            assertThat(Browser.await(By.id("unmapped-Fax")).getText()).contains("not migrated on purpose", REASON);
        }

        // the stakeholder reads it with the scope, next to what nobody decided yet
        Browser.login(base(), stakeholder.getUsername(), Fixtures.PASSWORD);
        web.get(base() + "/projects/" + project.getId() + "/scope");
        assertThat(Browser.await(By.id("scope-table")).getText())
            .contains("Fields not migrated: 1 on purpose, 26 not decided yet");
        String account = web.findElement(By.id("not-migrated-Account")).getText();
        assertThat(account).contains("Account (Account → companies)", "Fax 98.8% " + REASON,
                "Ownership 96.4% not decided yet");
        assertThat(web.findElements(By.id("not-migrated-Contact"))).isEmpty();
    }

    /**
     * Fetches the target of a download link with the browser's session.
     */
    private Path download(WebDriver web, String linkId, String name) throws Exception {
        String href = web.findElement(By.id(linkId)).getAttribute("href");
        // the script's last argument is WebDriver's callback: it answers once the fetch
        // did
        String content = (String) ((JavascriptExecutor) web).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then((r) => r.arrayBuffer()).then((b) => {
                  let text = '';
                  new Uint8Array(b).forEach((c) => text += String.fromCharCode(c));
                  done(btoa(text));
                }, (e) => done('failed: ' + e));""", href);
        Path file = this.files.resolve(name);
        Files.write(file, Base64.getDecoder().decode(content));
        return file;
    }

}
