package dev.switchyard.mapping;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mapping authoring in a real browser, on the mashmatrix export and the demo destination
 * schema: accepting suggestions, authoring a field mapping as a chain of transforms, a
 * picklist mapping with bulk assignment, and a preview.
 */
@IntegrationTest
class MappingBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    String base() {
        return "http://localhost:" + this.port;
    }

    @Test
    void analystAuthorsFieldAndPicklistMappingsAndPreviewsThem() throws Exception {
        Mashmatrix setup = Mashmatrix.extracted(this.mvc, this.fixtures, this.postgres, "analyst",
                TargetDatabases.demoSchema());
        RequestPostProcessor auth = setup.auth();
        this.mvc
            .perform(put("/api/v1/projects/" + setup.project() + "/mapping").with(auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"version": 0, "picklistSources": [
                          {"object": "companies", "field": "industry", "table": "industries", "column": "code"}]}"""))
            .andExpect(status().isOk());

        Browser.login(base(), setup.analyst(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + setup.project());
        web.findElement(By.linkText("Mapping")).click();
        assertThat(Browser.await(By.id("mapping-empty")).getText()).contains("No object mappings yet");
        web.findElement(By.id("mapping-suggestions")).click();
        assertThat(Browser.await(By.id("suggestion-list")).getText()).contains("Account → companies",
                "reference to Account");
        web.findElement(By.id("accept-suggestions")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("Accepted");
        web.findElement(By.linkText("Back to the mapping")).click();
        assertThat(Browser.await(By.id("object-mappings")).getText()).contains("Account", "companies", "source_id");

        // a field mapping as a chain: NumberOfEmployees → employees, parsed as a whole
        // number
        web.findElement(By.xpath("//table[@id='object-mappings']//tr[td[text()='Account']]//a")).click();
        assertThat(Browser.await(By.id("object-title")).getText()).isEqualTo("Account → companies");
        assertThat(web.findElement(By.id("field-employees")).getText()).contains("not mapped");
        web.findElement(By.id("edit-employees")).click();
        new Select(Browser.await(By.id("input"))).selectByValue("NumberOfEmployees");
        web.findElement(By.id("add-step")).click();
        new Select(Browser.await(By.id("step-type-0"))).selectByValue("parse-number");
        web.findElement(By.id("step-show-0")).click();
        Browser.await(By.id("step-0-toInteger")).click();
        web.findElement(By.id("step-show-0")).click();
        assertThat(Browser.await(By.id("samples")).getText()).contains("001f4000003Nkc");
        web.findElement(By.id("save-field")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("Saved companies.employees");
        assertThat(web.findElement(By.id("field-employees")).getText())
            .contains("NumberOfEmployees: number (locale en-US, whole number");

        // a picklist mapping: the one unmatched account type, then industries in bulk
        web.findElement(By.id("values-type")).click();
        assertThat(Browser.await(By.id("picklist-counts")).getText()).contains("6 source values, 1 not mapped");
        new Select(web.findElement(By.xpath("//tr[td/span[text()='Old Customer']]//select")))
            .selectByValue("former customer");
        web.findElement(By.id("save-picklist")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("Saved 6 value mappings");
        web.findElement(By.id("values-industry")).click();
        for (String industry : List.of("Software", "Semiconductors", "Personal Computers")) {
            web.findElement(By.xpath("//tr[td/span[text()='" + industry + "']]//input[@type='checkbox']")).click();
        }
        new Select(web.findElement(By.id("bulkTarget"))).selectByValue("Technology");
        web.findElement(By.id("bulk-apply")).click();
        assertThat(
                new Select(Browser.await(By.xpath("//tr[td/span[text()='Software']]//select"))).getFirstSelectedOption()
                    .getText())
            .isEqualTo("Technology");
        new Select(web.findElement(By.id("defaultValue"))).selectByValue("Other");
        web.findElement(By.id("save-picklist")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("value mappings");

        // preview: source and target side by side, with a transform error where it occurs
        web.findElement(By.id("object-preview")).click();
        web.findElement(By.id("ids")).sendKeys("001f4000003NkcrAAC");
        web.findElement(By.id("preview-submit")).click();
        String record = Browser.await(By.id("record-0")).getText();
        assertThat(record).contains("001f4000003NkcrAAC → companies", "employees", "NumberOfEmployees = ");
        assertThat(web.findElement(By.cssSelector("#record-0 .transform-error")).getText())
            .contains("'1-691-501-1932' is not a valid number for US");

        String mapping = this.mvc.perform(get("/api/v1/projects/" + setup.project() + "/mapping").with(auth))
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<Map<String, Object>> employees = JsonPath.read(mapping,
                "$.objects[?(@.target=='companies')].fields[?(@.target=='employees')]");
        assertThat(employees).hasSize(1);
        assertThat(employees.get(0).toString()).contains("NumberOfEmployees", "parse-number", "\"toInteger\":true");
        List<Map<String, String>> industries = JsonPath.read(mapping,
                "$.objects[?(@.target=='companies')].fields[?(@.target=='industry')].transforms[0].values");
        assertThat(industries.get(0)).containsEntry("Software", "Technology")
            .containsEntry("Semiconductors", "Technology");
        List<String> defaults = JsonPath.read(mapping,
                "$.objects[?(@.target=='companies')].fields[?(@.target=='industry')].transforms[0].defaultValue");
        assertThat(defaults).containsExactly("Other");
    }

}
