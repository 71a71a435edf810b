package dev.switchyard.validation;

import dev.switchyard.support.Browser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tester's trace in a real browser: from the run page to the trace page, the top
 * account by revenue, and its network in the source beside the target's.
 */
@IntegrationTest
class RelationshipTraceBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void testerOpensTheTopAccountAndSeesBothNetworksSideBySide() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "tracing",
                TargetDatabases.demoSchema());
        long run = setup.start(this.mvc, "{\"environment\": \"sandbox\"}");
        setup.await(this.mvc, run, "COMPLETED");

        Browser.login(base(), setup.analyst(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + setup.project() + "/runs/" + run);
        Browser.await(By.id("trace-relationships")).click();
        assertThat(Browser.await(By.id("trace-title")).getText()).isEqualTo("Trace relationships of run " + run);
        assertThat(new Select(web.findElement(By.id("trace-object"))).getFirstSelectedOption().getText())
            .isEqualTo("Account");
        new Select(web.findElement(By.id("trace-field"))).selectByValue("AnnualRevenue");
        WebElement limit = web.findElement(By.id("trace-limit"));
        limit.clear();
        limit.sendKeys("5");
        web.findElement(By.id("trace-top-submit")).click();
        assertThat(Browser.await(By.id("trace-count")).getText()).startsWith("The top 5 Account by AnnualRevenue");
        assertThat(web.findElements(By.cssSelector("#trace-results tbody tr"))).hasSize(5);
        String top = web.findElement(By.id("trace-pick-0")).getText();
        web.findElement(By.id("trace-pick-0")).click();

        assertThat(Browser.await(By.id("trace-record-title")).getText()).isEqualTo("Account " + top);
        assertThat(web.findElement(By.id("trace-identity")).getText()).contains("companies", "in sandbox");
        assertThat(web.findElement(By.id("trace-verdict")).getText()).startsWith("Every relationship matches");
        // per relationship, the source list on the left and the target's on the right
        WebElement source = web.findElement(By.id("child-0-source"));
        WebElement target = web.findElement(By.id("child-0-target"));
        assertThat(source.getText()).startsWith("Source");
        assertThat(target.getText()).startsWith("Target (sandbox)");
        assertThat(target.getLocation().getX())
            .isGreaterThan(source.getLocation().getX() + source.getSize().getWidth() / 2);
        assertThat(target.getLocation().getY()).isEqualTo(source.getLocation().getY());
        assertThat(web.findElement(By.id("child-0-counts")).getText()).contains("in the source", "in the target",
                "matched", "0 missing in the target", "0 extra in the target");
    }

    String base() {
        return "http://localhost:" + this.port;
    }

}
