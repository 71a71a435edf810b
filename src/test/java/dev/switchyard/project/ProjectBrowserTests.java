package dev.switchyard.project;

import dev.switchyard.admin.AppUser;
import dev.switchyard.support.Browser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ProjectBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    String base() {
        return "http://localhost:" + this.port;
    }

    @Test
    void analystCreatesAProjectWithDefaultEnvironments() {
        AppUser analyst = this.fixtures.user("analyst");
        Browser.login(base(), analyst.getUsername(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects");
        web.findElement(By.id("new-project")).click();
        String name = Fixtures.unique("Acme migration");
        web.findElement(By.id("name")).sendKeys(name);
        web.findElement(By.id("description")).sendKeys("Salesforce to the new CRM");
        web.findElement(By.id("save-project")).click();

        assertThat(Browser.await(By.id("project-name")).getText()).isEqualTo(name);
        assertThat(web.findElement(By.id("recent-activity")).getText()).contains("created");
        web.findElement(By.linkText("Environments")).click();
        assertThat(Browser.await(By.id("environments-table")).getText()).contains("sandbox", "staging", "production");
    }

    @Test
    void showsTheErrorBesideTheNameWhenItIsMissing() {
        AppUser analyst = this.fixtures.user("analyst");
        Browser.login(base(), analyst.getUsername(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/new");
        web.findElement(By.id("save-project")).click();
        assertThat(Browser.await(By.id("name-error")).getText()).isEqualTo("Give the project a name");
    }

    @Test
    void analystAddsAMemberWhoThenSeesTheProject() {
        AppUser analyst = this.fixtures.user("analyst");
        AppUser tester = this.fixtures.user("tester");
        Project project = this.fixtures.project(analyst.getUsername());

        Browser.login(base(), analyst.getUsername(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + project.getId() + "/members");
        new Select(web.findElement(By.id("username"))).selectByVisibleText(tester.getUsername());
        new Select(web.findElement(By.id("role"))).selectByVisibleText("TESTER");
        web.findElement(By.id("add-member")).click();
        assertThat(Browser.await(By.id("members-table")).getText()).contains(tester.getUsername() + " TESTER");

        Browser.login(base(), tester.getUsername(), Fixtures.PASSWORD);
        web.get(base() + "/projects/" + project.getId());
        assertThat(Browser.await(By.id("project-name")).getText()).isEqualTo(project.getName());
        assertThat(web.findElements(By.id("edit-project"))).isEmpty();
    }

    @Test
    void nonMemberGetsTheForbiddenPage() {
        AppUser analyst = this.fixtures.user("analyst");
        AppUser outsider = this.fixtures.user("outsider");
        Project project = this.fixtures.project(analyst.getUsername());

        Browser.login(base(), outsider.getUsername(), Fixtures.PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/projects/" + project.getId());
        assertThat(Browser.await(By.id("error-page")).getText()).contains("403", "Not allowed");
        assertThat(web.getPageSource()).doesNotContain(project.getName());
        web.get(base() + "/projects");
        assertThat(web.getPageSource()).doesNotContain(project.getName());
    }

}
