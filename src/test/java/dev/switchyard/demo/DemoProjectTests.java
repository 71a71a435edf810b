package dev.switchyard.demo;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;

import static org.assertj.core.api.Assertions.assertThatNoException;
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

    DemoProjectTests() {
        given(this.availability.getReadinessState()).willReturn(ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void buildsNothingWhenSwitchedOff() {
        new DemoProject(this.builder, this.availability, false).onReady();
        verifyNoInteractions(this.builder);
    }

    @Test
    void buildsNothingWhenTheDatabaseAlreadyHasProjects() {
        given(this.builder.isFirstStart()).willReturn(false);
        new DemoProject(this.builder, this.availability, true).buildOnFirstStart();
        verify(this.builder, never()).build();
    }

    @Test
    void logsAFailedStepInsteadOfThrowing() {
        given(this.builder.isFirstStart()).willReturn(true);
        given(this.builder.build())
            .willThrow(new DemoStepException("extracting the source", new IllegalStateException("disk full")));
        assertThatNoException()
            .isThrownBy(() -> new DemoProject(this.builder, this.availability, true).buildOnFirstStart());
    }

    @Test
    void logsAnUnexpectedFailureInsteadOfThrowing() {
        given(this.builder.isFirstStart()).willThrow(new IllegalStateException("database gone"));
        assertThatNoException()
            .isThrownBy(() -> new DemoProject(this.builder, this.availability, true).buildOnFirstStart());
    }

}
