package dev.switchyard.demo;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.switchyard.system.BackgroundTasks;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * When the demo project is built on start-up, and that a failure never escapes.
 */
class DemoProjectTests {

    final DemoProjectBuilder builder = mock(DemoProjectBuilder.class);

    final ApplicationAvailability availability = mock(ApplicationAvailability.class);

    final BackgroundTasks background = new BackgroundTasks();

    DemoProjectTests() {
        given(this.availability.getReadinessState()).willReturn(ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void buildsNothingWhenSwitchedOff() {
        new DemoProject(this.builder, this.availability, this.background, false).onReady();
        verifyNoInteractions(this.builder);
    }

    @Test
    void buildsNothingWhenTheDatabaseAlreadyHasProjects() {
        given(this.builder.isFirstStart()).willReturn(false);
        new DemoProject(this.builder, this.availability, this.background, true).buildOnFirstStart();
        verify(this.builder, never()).build();
    }

    @Test
    void logsAFailedStepInsteadOfThrowing() {
        given(this.builder.isFirstStart()).willReturn(true);
        given(this.builder.build())
            .willThrow(new DemoStepException("extracting the source", new IllegalStateException("disk full")));
        assertThatNoException().isThrownBy(
                () -> new DemoProject(this.builder, this.availability, this.background, true).buildOnFirstStart());
        assertThat(this.background.notes()).singleElement().satisfies((note) -> {
            assertThat(note.running()).isFalse();
            assertThat(note.message()).isEqualTo("home.demoFailed");
            assertThat(note.detail()).isEqualTo("extracting the source failed: disk full");
        });
    }

    @Test
    void saysItIsBuildingWhileItBuildsAndNothingOnceBuilt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        given(this.builder.isFirstStart()).willReturn(true);
        given(this.builder.build()).willAnswer((invocation) -> {
            release.await(30, TimeUnit.SECONDS);
            return DemoProjectBuilder.Result.alreadyThere(1L);
        });
        Thread build = new Thread(
                new DemoProject(this.builder, this.availability, this.background, true)::buildOnFirstStart);
        build.start();
        await().atMost(Duration.ofSeconds(10)).until(this.background::running);
        assertThat(this.background.notes()).singleElement()
            .satisfies((note) -> assertThat(note.message()).isEqualTo("home.demoBuilding"));
        release.countDown();
        build.join(10_000);
        assertThat(this.background.notes()).isEmpty();
        assertThat(this.background.running()).isFalse();
    }

    @Test
    void logsAnUnexpectedFailureInsteadOfThrowing() {
        given(this.builder.isFirstStart()).willThrow(new IllegalStateException("database gone"));
        assertThatNoException().isThrownBy(
                () -> new DemoProject(this.builder, this.availability, this.background, true).buildOnFirstStart());
    }

}
