package dev.switchyard.admin;

import dev.switchyard.support.Browser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AdminBrowserTests {

    @LocalServerPort
    int port;

    String base() {
        return "http://localhost:" + this.port;
    }

    @Test
    void adminCreatesAUserWhoThenSignsIn() {
        Browser.login(base(), Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/admin/users");
        web.findElement(By.id("new-user")).click();
        String username = Fixtures.unique("newcomer");
        web.findElement(By.id("username")).sendKeys(username);
        web.findElement(By.id("displayName")).sendKeys("New Comer");
        web.findElement(By.id("password")).sendKeys("a-good-password");
        web.findElement(By.id("create-user")).click();
        assertThat(Browser.await(By.id("user-name")).getText()).isEqualTo("New Comer");

        Browser.login(base(), username, "a-good-password");
        assertThat(Browser.await(By.tagName("h1")).getText()).contains("Welcome, " + username);
        assertThat(web.findElements(By.linkText("Users"))).isEmpty();
    }

    @Test
    void refusesATooShortPasswordBesideTheField() {
        Browser.login(base(), Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/admin/users/new");
        web.findElement(By.id("username")).sendKeys(Fixtures.unique("shorty"));
        web.findElement(By.id("password")).sendKeys("short");
        web.findElement(By.id("create-user")).click();
        assertThat(Browser.await(By.id("password-error")).getText()).contains("at least 8 characters");
    }

    @Test
    void userCreatesAndRevokesAnAccessTokenOnTheProfilePage() {
        Browser.login(base(), Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        WebDriver web = Browser.driver();
        web.get(base() + "/profile");
        web.findElement(By.id("name")).sendKeys("ci pipeline");
        web.findElement(By.id("create-token")).click();
        assertThat(Browser.await(By.id("new-token")).getText()).startsWith("sy_");
        web.get(base() + "/profile");
        assertThat(web.findElements(By.id("new-token"))).isEmpty();
        assertThat(web.findElement(By.id("tokens-table")).getText()).contains("ci pipeline", "active");
    }

}
