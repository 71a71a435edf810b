package dev.switchyard.system;

import dev.switchyard.support.Browser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LoginBrowserTests {

    @LocalServerPort
    int port;

    String base() {
        return "http://localhost:" + this.port;
    }

    @Test
    void signsInAndShowsTheHomePage() {
        Browser.login(base(), Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        WebDriver web = Browser.driver();
        assertThat(Browser.await(By.tagName("h1")).getText()).contains("Welcome, admin");
        assertThat(web.findElement(By.id("nav-profile")).getText()).isEqualTo("admin");
        web.findElement(By.id("logout")).click();
        assertThat(Browser.await(By.cssSelector("[role=status]")).getText()).contains("signed out");
    }

    @Test
    void showsAMessageForAWrongPassword() {
        Browser.login(base(), Fixtures.ADMIN, "not-the-password");
        WebDriver web = Browser.driver();
        assertThat(Browser.await(By.id("login-error")).getText()).isEqualTo("Wrong user name or password.");
        assertThat(web.getCurrentUrl()).endsWith("/login?error");
        // the failure counts towards the lock, so clear it with a good login
        Browser.login(base(), Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        assertThat(Browser.await(By.tagName("h1")).getText()).contains("Welcome");
    }

    @Test
    void redirectsAnAnonymousVisitorToTheLoginPage() {
        WebDriver web = Browser.reset(base());
        web.get(base() + "/projects");
        assertThat(web.getCurrentUrl()).endsWith("/login");
        assertThat(web.findElement(By.id("sign-in")).isDisplayed()).isTrue();
    }

}
