package dev.switchyard.admin;

import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class UserAdministrationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void userChangesTheirOwnPasswordOnlyWithTheCurrentOne() throws Exception {
        AppUser user = this.fixtures.user("changer");
        this.mvc
            .perform(post("/profile/password").with(csrf())
                .with(this.fixtures.login(user.getUsername()))
                .param("currentPassword", "wrong-current")
                .param("newPassword", "brand-new-password")
                .param("confirmPassword", "brand-new-password"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("The current password is not correct")));
        this.mvc
            .perform(post("/profile/password").with(csrf())
                .with(this.fixtures.login(user.getUsername()))
                .param("currentPassword", Fixtures.PASSWORD)
                .param("newPassword", "brand-new-password")
                .param("confirmPassword", "different-password"))
            .andExpect(content().string(containsString("The two new passwords differ")));
        this.mvc
            .perform(post("/profile/password").with(csrf())
                .with(this.fixtures.login(user.getUsername()))
                .param("currentPassword", Fixtures.PASSWORD)
                .param("newPassword", "brand-new-password")
                .param("confirmPassword", "brand-new-password"))
            .andExpect(redirectedUrl("/profile"));
        this.mvc.perform(get("/api/v1/me").with(httpBasic(user.getUsername(), "brand-new-password")))
            .andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/me").with(httpBasic(user.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isUnauthorized());
    }

    @Test
    void adminDisablesAndEnablesAUser() throws Exception {
        AppUser user = this.fixtures.user("sleeper");
        this.mvc
            .perform(post("/admin/users/" + user.getId() + "/enabled").with(csrf())
                .with(this.fixtures.login(Fixtures.ADMIN))
                .param("enabled", "false"))
            .andExpect(redirectedUrl("/admin/users/" + user.getId()));
        // a wrong password answers as for any name: only the right one learns the account
        // is disabled
        this.mvc.perform(post("/login").with(csrf()).param("username", user.getUsername()).param("password", "wrong-1"))
            .andExpect(redirectedUrl("/login?error"));
        this.mvc
            .perform(post("/login").with(csrf())
                .param("username", "nobody-" + user.getUsername())
                .param("password", "wrong-1"))
            .andExpect(redirectedUrl("/login?error"));
        this.mvc.perform(
                post("/login").with(csrf()).param("username", user.getUsername()).param("password", Fixtures.PASSWORD))
            .andExpect(redirectedUrl("/login?disabled"));
        this.mvc.perform(get("/api/v1/me").with(httpBasic(user.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isUnauthorized());
        this.mvc.perform(post("/admin/users/" + user.getId() + "/enabled").with(csrf())
            .with(this.fixtures.login(Fixtures.ADMIN))
            .param("enabled", "true"));
        this.mvc.perform(get("/api/v1/me").with(httpBasic(user.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isOk());
    }

    @Test
    void adminResetsAPasswordWhichLiftsTheLock() throws Exception {
        AppUser user = this.fixtures.user("locked");
        for (int i = 0; i < 5; i++) {
            this.mvc.perform(post("/login").with(csrf()).param("username", user.getUsername()).param("password", "x"));
        }
        this.mvc
            .perform(post("/admin/users/" + user.getId() + "/password").with(csrf())
                .with(this.fixtures.login(Fixtures.ADMIN))
                .param("newPassword", "reset-by-admin")
                .param("confirmPassword", "reset-by-admin"))
            .andExpect(redirectedUrl("/admin/users/" + user.getId()));
        this.mvc.perform(
                post("/login").with(csrf()).param("username", user.getUsername()).param("password", "reset-by-admin"))
            .andExpect(redirectedUrl("/"));
    }

    @Test
    void adminGrantsTheAdministratorRoleButCannotWithdrawTheirOwn() throws Exception {
        AppUser user = this.fixtures.user("promoted");
        this.mvc.perform(post("/admin/users/" + user.getId() + "/admin").with(csrf())
            .with(this.fixtures.login(Fixtures.ADMIN))
            .param("admin", "true"));
        this.mvc.perform(get("/admin/users").with(this.fixtures.login(user.getUsername()))).andExpect(status().isOk());
        this.mvc
            .perform(post("/admin/users/" + user.getId() + "/admin").with(csrf())
                .with(this.fixtures.login(user.getUsername()))
                .param("admin", "false"))
            .andExpect(redirectedUrl("/admin/users/" + user.getId()))
            .andExpect(flash().attribute("flashError", "You cannot withdraw your own administrator role"));
    }

    @Test
    void userSearchFindsByName() throws Exception {
        AppUser user = this.fixtures.user("findable");
        this.mvc.perform(get("/admin/users").param("q", user.getUsername()).with(this.fixtures.login(Fixtures.ADMIN)))
            .andExpect(content().string(containsString(user.getUsername())));
    }

}
