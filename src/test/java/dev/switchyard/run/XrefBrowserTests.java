package dev.switchyard.run;

import java.util.List;

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
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cross-reference in a real browser, signed in with a session (no token): from the
 * runs tab to the page of an environment, paging, a search by source id and by target id,
 * an object filter, and the CSV export of what the filter matches.
 */
@IntegrationTest
class XrefBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void analystFindsARecordInTheCrossReferenceAndExportsIt() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "xrefs",
                TargetDatabases.demoSchema());
        long run = setup.start(this.mvc, "{}");
        setup.await(this.mvc, run, "COMPLETED");
        String account = Mashmatrix.rows("Account.csv").get(0).get("Id");

        Browser.login(base(), setup.analyst(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + setup.project() + "/runs");
        Browser.await(By.id("open-xref")).click();
        assertThat(Browser.await(By.id("xref-title")).getText()).isEqualTo("Cross-reference of sandbox");
        assertThat(web.findElement(By.id("xref-count")).getText()).isEqualTo("990 records");
        assertThat(web.findElement(By.id("xref-position")).getText()).isEqualTo("page 1 of 20");
        Browser.click(By.id("xref-next"));
        assertThat(Browser.await(By.id("xref-position")).getText()).isEqualTo("page 2 of 20");

        web.findElement(By.id("xref-q")).sendKeys(account);
        web.findElement(By.id("xref-filter-submit")).click();
        assertThat(Browser.await(By.id("xref-count")).getText()).isEqualTo("1 record");
        String row = web.findElement(By.cssSelector("#xref-table tbody tr")).getText();
        assertThat(row).contains("Account", account, "companies", "Run " + run);
        String target = web.findElement(By.cssSelector("#xref-table tbody tr td:nth-child(4)")).getText();

        // by target id, in one object: the company found is among the matches
        web.findElement(By.id("xref-q")).clear();
        web.findElement(By.id("xref-q")).sendKeys(target);
        new Select(web.findElement(By.id("xref-object"))).selectByValue("companies");
        web.findElement(By.id("xref-filter-submit")).click();
        assertThat(Browser.await(By.id("xref-table")).getText()).contains(account);
        assertThat(web.findElement(By.id("xref-table")).getText()).doesNotContain("Contact", "Opportunity");

        new Select(web.findElement(By.id("xref-object"))).selectByValue("Contact");
        web.findElement(By.id("xref-q")).clear();
        web.findElement(By.id("xref-filter-submit")).click();
        assertThat(Browser.await(By.id("xref-count")).getText()).isEqualTo("133 records");
        // the export is what the filter shows, downloaded with the browser's session
        String href = web.findElement(By.id("xref-csv")).getAttribute("href");
        assertThat(href).contains("environment=sandbox", "object=Contact");
        Object csv = ((JavascriptExecutor) web).executeAsyncScript(
                "fetch(arguments[0]).then((r) => r.text()).then(arguments[arguments.length - 1])", href);
        List<String> lines = csv.toString().replace("\uFEFF", "").lines().toList();
        assertThat(lines).hasSize(134);
        assertThat(lines.get(0)).isEqualTo("source_object,source_id,target_object,target_id,run,deactivated");
        assertThat(lines.subList(1, 134)).allMatch((l) -> l.startsWith("Contact,") && l.endsWith("," + run + ",false"));
        assertThat(web.findElement(By.id("xref-xlsx")).getAttribute("href")).contains("xref.xlsx", "object=Contact");
    }

    String base() {
        return "http://localhost:" + this.port;
    }

}
