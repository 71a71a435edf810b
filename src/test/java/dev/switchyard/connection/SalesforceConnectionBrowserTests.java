package dev.switchyard.connection;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.switchyard.support.Browser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.salesforce.MashmatrixOrg;
import dev.switchyard.support.salesforce.SalesforceStubOrg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An analyst connects a Salesforce org (a stub that follows the published contract) as
 * the sandbox's target in a real browser: a wrong secret is refused with Salesforce's
 * reason and nothing is stored; the right one connects, the card shows the calls made and
 * the org's usage, the secret is never shown again, the connection test states the usage
 * and the project's share, and the runs tab estimates the calls a run needs against what
 * is left.
 */
@IntegrationTest
class SalesforceConnectionBrowserTests {

    static SalesforceStubOrg stub;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void startOrg() {
        stub = SalesforceStubOrg.start();
        MashmatrixOrg.define(stub);
    }

    @AfterAll
    static void stopOrg() {
        stub.close();
    }

    @Test
    void analystConnectsAnOrgTestsItAndSeesTheBudgetEstimate() throws Exception {
        Mashmatrix source = Mashmatrix.sourceOnly(this.mvc, this.fixtures, "sfconnect");
        RequestPostProcessor auth = source.auth();

        Browser.login(base(), source.analyst(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + source.project() + "/connections");
        fill(web, "not-the-secret");
        assertThat(Browser.await(By.cssSelector("#target-sandbox [role=alert]")).getText()).contains("invalid_client");

        fill(web, stub.clientSecret());
        assertThat(Browser.awaitText(By.cssSelector("[role=status]"), "Connected")).contains(
                "Connected 'sandbox target: Salesforce at 127.0.0.1", "Found 3 objects: Account", "API usage:",
                "this project may use 40% of the limit");
        String card = Browser.await(By.id("target-sandbox")).getText();
        assertThat(card).contains(stub.url(), "salesforce", "API calls today", "this project may use 40%")
            .doesNotContain(stub.clientSecret());
        assertThat(web.getPageSource()).doesNotContain(stub.clientSecret());

        Browser.click(By.xpath("//*[@id='target-sandbox']//button[normalize-space()='Test connection']"));
        assertThat(Browser.awaitText(By.cssSelector("[role=status]"), "Connection works")).contains("API usage:",
                "calls used in the provider's daily period", "this project may use 40%");
        assertThat(Browser.await(By.id("target-sandbox-budget")).getText()).contains("limits: ");

        // the share is changed on the card (audited)
        web.findElement(By.id("target-sandbox-share")).clear();
        web.findElement(By.id("target-sandbox-share")).sendKeys("30");
        Browser.click(By.id("target-sandbox-share-save"));
        assertThat(Browser.awaitText(By.cssSelector("[role=status]"), "may now use"))
            .contains("may now use 30% of the daily API limit");
        assertThat(Browser.await(By.id("target-sandbox-budget")).getText()).contains("this project may use 30%");

        // with the mapping the suggestions make (owners left to the org's default: the
        // export has no users)
        String base = "/api/v1/projects/" + source.project() + "/mapping";
        String suggested = this.mvc.perform(post(base + "/suggest").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        DocumentContext mapping = JsonPath.parse(JsonPath.parse(suggested).read("$.mapping", Object.class));
        mapping.delete("$.objects[*].fields[?(@.target == 'OwnerId')]");
        this.mvc.perform(put(base).with(auth).contentType(MediaType.APPLICATION_JSON).content(mapping.jsonString()))
            .andExpect(status().isOk());
        web.findElement(By.linkText("Runs")).click();
        String estimate = Browser.awaitText(By.id("budget-sandbox"), "calls");
        assertThat(estimate).contains("sandbox (salesforce): a full run of extraction", "writes 990 records in about",
                "this project may use 30%", "left");
    }

    private void fill(WebDriver web, String secret) {
        new Select(Browser.await(By.cssSelector("#target-sandbox select[name=type]"))).selectByValue("salesforce");
        web.findElement(By.cssSelector("#target-sandbox input[name=loginUrl]")).clear();
        web.findElement(By.cssSelector("#target-sandbox input[name=loginUrl]")).sendKeys(stub.url());
        web.findElement(By.cssSelector("#target-sandbox input[name=clientId]")).clear();
        web.findElement(By.cssSelector("#target-sandbox input[name=clientId]")).sendKeys(stub.clientId());
        web.findElement(By.cssSelector("#target-sandbox input[name=clientSecret]")).sendKeys(secret);
        web.findElement(By.cssSelector("#target-sandbox input[name=apiBudgetPercent]")).clear();
        web.findElement(By.cssSelector("#target-sandbox input[name=apiBudgetPercent]")).sendKeys("40");
        Browser.click(By.cssSelector("#target-sandbox form button[type=submit]"));
    }

    String base() {
        return "http://localhost:" + this.port;
    }

}
