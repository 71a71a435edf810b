package dev.switchyard.cutover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cutover plan's model: task states from dependencies, the longest chain of dependent
 * tasks, and the window predicted from rehearsals scaled by delta records.
 */
class PredictionTests {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    static CutoverTask task(long id, int position, TaskAction action, int minutes, Long... dependsOn) {
        return new CutoverTask(id, 1, position, CutoverStream.LOAD, "Task " + position, 1, "ann", null, null, minutes,
                List.of(dependsOn), null, action);
    }

    static TaskRun done(long taskId, int minutes, Long records) {
        return new TaskRun(taskId, TaskStatus.DONE, T0, "ann", T0.plus(Duration.ofMinutes(minutes)), "ann", 1L, records,
                null);
    }

    final CutoverTask announce = task(1, 1, TaskAction.MANUAL, 15);

    final CutoverTask extract = task(2, 2, TaskAction.DELTA_EXTRACTION, 30, 1L);

    final CutoverTask load = task(3, 3, TaskAction.DELTA_RUN, 60, 2L);

    final CutoverTask notes = task(4, 4, TaskAction.MANUAL, 90, 1L);

    final CutoverTask validate = task(5, 5, TaskAction.VALIDATION, 20, 3L);

    final List<CutoverTask> plan = List.of(this.announce, this.extract, this.load, this.notes, this.validate);

    @Test
    void aTaskIsReadyOnlyWhenEveryTaskItWaitsForIsDone() {
        Execution execution = new Execution(7, 1, ExecutionMode.REHEARSAL, 2, "staging", Execution.ACTIVE, "ann", T0,
                null, null, null, Map.of(1L, done(1, 10, null), 2L,
                        new TaskRun(2, TaskStatus.RUNNING, T0, "ann", null, null, 5L, null, null)));
        assertThat(execution.status(this.announce)).isEqualTo(TaskStatus.DONE);
        assertThat(execution.status(this.extract)).isEqualTo(TaskStatus.RUNNING);
        assertThat(execution.status(this.load)).isEqualTo(TaskStatus.WAITING);
        assertThat(execution.status(this.notes)).isEqualTo(TaskStatus.READY);
    }

    @Test
    void theWindowIsTheLongestChainOfDependentTasksNotTheirSum() {
        // 15 + 30 + 60 + 20 along announce → extract → load → validate; notes (90) runs
        // beside it after announce: 15 + 90 = 105 < 125
        Prediction prediction = Prediction.of(this.plan, List.of(), null);
        assertThat(prediction.planned()).isEqualTo(Duration.ofMinutes(125));
        assertThat(prediction.window()).isEqualTo(Duration.ofMinutes(125));
        assertThat(prediction.tasks()).extracting(Prediction.TaskPrediction::basis)
            .containsOnly(Prediction.Basis.PLANNED);
    }

    @Test
    void automaticTasksScaleWithTheFinalDeltaAndManualTasksTakeTheMeanOfRehearsals() {
        // rehearsal 1: a delta of 1,000 records; rehearsal 2: 2,000
        Map<Long, TaskRun> first = Map.of(1L, done(1, 10, null), 2L, done(2, 4, 1000L), 3L, done(3, 10, 1000L), 4L,
                done(4, 50, null), 5L, done(5, 6, 1000L));
        Map<Long, TaskRun> second = Map.of(1L, done(1, 20, null), 2L, done(2, 8, 2000L), 3L, done(3, 30, 2000L), 4L,
                done(4, 70, null), 5L, done(5, 10, 2000L));
        Prediction prediction = Prediction.of(this.plan, List.of(first, second), 4000L);

        Map<Long, Prediction.TaskPrediction> byTask = new java.util.HashMap<>();
        prediction.tasks().forEach((p) -> byTask.put(p.task().id(), p));
        // manual: the mean of 10 and 20, of 50 and 70
        assertThat(byTask.get(1L).duration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(byTask.get(1L).basis()).isEqualTo(Prediction.Basis.MEASURED);
        assertThat(byTask.get(4L).duration()).isEqualTo(Duration.ofMinutes(60));
        // extraction: 4 min × 4 and 8 min × 2 → 16 min
        assertThat(byTask.get(2L).duration()).isEqualTo(Duration.ofMinutes(16));
        assertThat(byTask.get(2L).basis()).isEqualTo(Prediction.Basis.SCALED);
        assertThat(byTask.get(2L).measurements()).isEqualTo(2);
        // run: 10 × 4 = 40 and 30 × 2 = 60 → 50 min; validation: 24 and 20 → 22 min
        assertThat(byTask.get(3L).duration()).isEqualTo(Duration.ofMinutes(50));
        assertThat(byTask.get(5L).duration()).isEqualTo(Duration.ofMinutes(22));
        // 15 + 16 + 50 + 22 = 103 against 15 + 60 beside it
        assertThat(prediction.window()).isEqualTo(Duration.ofMinutes(103));
        assertThat(prediction.rehearsals()).isEqualTo(2);
    }

    @Test
    void withoutAFinalDeltaOrADeltaInTheRehearsalMeasuredDurationsAreNotScaled() {
        Map<Long, TaskRun> rehearsal = Map.of(2L, done(2, 4, 1000L), 3L, done(3, 10, 1000L));
        Prediction unscaled = Prediction.of(this.plan, List.of(rehearsal), null);
        assertThat(unscaled.tasks().get(2).duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(unscaled.tasks().get(2).basis()).isEqualTo(Prediction.Basis.MEASURED);
        // an empty delta in the rehearsal gives nothing to scale by
        Map<Long, TaskRun> empty = Map.of(2L, done(2, 1, 0L), 3L, done(3, 2, 0L));
        Prediction fromEmpty = Prediction.of(this.plan, List.of(empty), 500L);
        assertThat(fromEmpty.tasks().get(2).duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(fromEmpty.tasks().get(2).basis()).isEqualTo(Prediction.Basis.MEASURED);
        // a failed task is not a measurement
        Map<Long, TaskRun> failed = Map.of(3L,
                new TaskRun(3, TaskStatus.FAILED, T0, "ann", T0.plusSeconds(5), "system", 9L, 0L, "failed"));
        assertThat(Prediction.of(this.plan, List.of(failed), null).tasks().get(2).basis())
            .isEqualTo(Prediction.Basis.PLANNED);
    }

}
