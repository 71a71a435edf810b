package dev.switchyard.demo;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.switchyard.admin.AppUser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.system.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * While the demo project is still being built after a first start, the home page says so
 * to administrators and reloads its content until the build is done. The build is held
 * back by a latch so that the page can be looked at meanwhile.
 */
@IntegrationTest
class DemoBuildingNoteIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BackgroundTasks background;

    @Autowired
    ApplicationAvailability availability;

    @AfterEach
    void forgetTheTask() {
        this.background.finished(DemoProject.TASK);
    }

    @Test
    void theHomePageShowsANoteWhileTheDemoProjectIsBeingBuiltAndNotOnceItIsBuilt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DemoProjectBuilder builder = mock(DemoProjectBuilder.class);
        given(builder.isFirstStart()).willReturn(true);
        given(builder.build()).willAnswer((invocation) -> {
            release.await(60, TimeUnit.SECONDS);
            return DemoProjectBuilder.Result.alreadyThere(1L);
        });
        Thread build = new Thread(
                new DemoProject(builder, this.availability, this.background, true)::buildOnFirstStart);
        build.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(this.background::running);
            this.mvc.perform(get("/").with(this.fixtures.login(Fixtures.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"background-demo\"")))
                .andExpect(content().string(containsString("The demo project is being built in the background")))
                .andExpect(content().string(containsString("hx-trigger=\"every 3s\"")));

            AppUser user = this.fixtures.user("notadmin");
            this.mvc.perform(get("/").with(this.fixtures.login(user.getUsername())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("background-demo"))));
        }
        finally {
            release.countDown();
            build.join(30_000);
        }
        this.mvc.perform(get("/").with(this.fixtures.login(Fixtures.ADMIN)))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("background-demo"))))
            .andExpect(content().string(not(containsString("hx-trigger"))));
    }

    @Test
    void theHomePageSaysWhenTheDemoProjectCouldNotBeBuilt() throws Exception {
        DemoProjectBuilder builder = mock(DemoProjectBuilder.class);
        given(builder.isFirstStart()).willReturn(true);
        given(builder.build())
            .willThrow(new DemoStepException("extracting the source", new IllegalStateException("disk full")));
        new DemoProject(builder, this.availability, this.background, true).buildOnFirstStart();
        this.mvc.perform(get("/").with(this.fixtures.login(Fixtures.ADMIN)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"background-demo\"")))
            .andExpect(content().string(
                    containsString("The demo project could not be built (extracting the source failed: disk full)")))
            .andExpect(content().string(not(containsString("hx-trigger"))));
    }

}
