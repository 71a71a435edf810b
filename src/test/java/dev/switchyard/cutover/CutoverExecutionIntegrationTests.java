package dev.switchyard.cutover;

import com.jayway.jsonpath.JsonPath;

import dev.switchyard.project.ProjectService;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A rehearsal against staging through the API: tasks start in dependency order, a manual
 * task is carried out by its owner (nobody else but an analyst), automatic tasks launch a
 * delta extraction, a full run into staging and its validation and finish when those
 * complete, actual times are recorded, and the plan page shows planned against actual and
 * the prediction.
 */
@IntegrationTest
class CutoverExecutionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProjectService projects;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRehearsalRunsItsTasksInOrderAndRecordsActualTimes() throws Exception {
        CutoverSteps steps = CutoverSteps.ready(this.mvc, this.fixtures, this.projects, this.postgres, "rehearsal");
        String analyst = steps.setup().analyst();
        steps.task(this.mvc, "{\"stream\":\"source_freeze\",\"name\":\"Freeze the source\",\"owner\":\""
                + steps.tester() + "\",\"backup\":\"" + analyst + "\",\"plannedMinutes\":10}");
        steps.task(this.mvc, "{\"stream\":\"final_extraction\",\"name\":\"Delta extraction\",\"owner\":\"" + analyst
                + "\",\"plannedMinutes\":20,\"dependsOn\":[1],\"action\":\"delta_extraction\"}");
        steps.task(this.mvc, "{\"stream\":\"load\",\"name\":\"Full run\",\"owner\":\"" + analyst
                + "\",\"plannedMinutes\":30,\"dependsOn\":[2],\"action\":\"full_run\"}");
        long validate = steps.task(this.mvc, "{\"stream\":\"validation\",\"name\":\"Validate\",\"owner\":\"" + analyst
                + "\",\"plannedMinutes\":15,\"dependsOn\":[3],\"action\":\"validation\"}");
        String json = this.mvc.perform(get(steps.base() + "/tasks").with(steps.setup().auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        long freeze = ((Number) JsonPath.read(json, "$[0].id")).longValue();
        long extract = ((Number) JsonPath.read(json, "$[1].id")).longValue();
        long run = ((Number) JsonPath.read(json, "$[2].id")).longValue();

        long execution = steps.start(this.mvc, "rehearsal");
        String path = steps.base() + "/executions/" + execution;
        this.mvc.perform(get(path).with(steps.setup().auth()))
            .andExpect(jsonPath("$.environment").value("staging"))
            .andExpect(jsonPath("$.tasks[0].status").value("READY"))
            .andExpect(jsonPath("$.tasks[1].status").value("WAITING"));
        // only one execution at a time
        this.mvc
            .perform(post(steps.base() + "/executions").with(steps.setup().auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\":\"live\"}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail")
                .value("Rehearsal " + execution + " is still under way: finish it before starting another"));
        // in dependency order
        this.mvc.perform(post(path + "/tasks/" + extract + "/start").with(steps.setup().auth()))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail").value("Task 2 waits for task 1: it starts once they are done"));
        // a manual task: its owner (a tester), not a stakeholder
        this.mvc.perform(post(path + "/tasks/" + freeze + "/start").with(steps.as(steps.stakeholder())))
            .andExpect(status().isForbidden());
        this.mvc.perform(post(path + "/tasks/" + freeze + "/start").with(steps.as(steps.tester())))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.tasks[0].status").value("RUNNING"));
        // an automatic task needs an analyst, even for its owner's backup of other tasks
        this.mvc.perform(post(path + "/tasks/" + run + "/start").with(steps.as(steps.tester())))
            .andExpect(status().isForbidden());
        this.mvc
            .perform(post(path + "/tasks/" + freeze + "/done").with(steps.as(steps.tester()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":\"Source read-only at 08:00\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.tasks[0].status").value("DONE"))
            .andExpect(jsonPath("$.tasks[0].finishedBy").value(steps.tester()))
            .andExpect(jsonPath("$.tasks[0].message").value("Source read-only at 08:00"))
            .andExpect(jsonPath("$.tasks[1].status").value("READY"));

        // the owner and backup of a task that became ready are told, in the app: the
        // analyst
        // backs up task 1 (ready when the rehearsal started) and owns task 2 (ready once
        // task
        // 1 was done)
        assertThat(this.jdbc.queryForList(
                "select n.message from notification n join app_user u on u.id = n.user_id"
                        + " where n.project_id = ? and u.username = ? order by n.id",
                String.class, steps.setup().project(), analyst))
            .containsExactly("Cutover task 1 'Freeze the source' is ready to start (rehearsal " + execution + ")",
                    "Cutover task 2 'Delta extraction' is ready to start (rehearsal " + execution + ")");

        // automatic tasks launch their action and are done when it completes
        this.mvc.perform(post(path + "/tasks/" + extract + "/start").with(steps.setup().auth()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.tasks[1].actionId").isNumber());
        json = steps.awaitDone(this.mvc, execution, 2);
        long deltaRecords = ((Number) JsonPath.read(json, "$.tasks[1].records")).longValue();
        assertThat((String) JsonPath.read(json, "$.tasks[1].finishedBy")).isEqualTo("system");
        this.mvc.perform(post(path + "/tasks/" + extract + "/done").with(steps.setup().auth()))
            .andExpect(status().isConflict());
        this.mvc.perform(post(path + "/tasks/" + run + "/start").with(steps.setup().auth())).andExpect(status().isOk());
        json = steps.awaitDone(this.mvc, execution, 3);
        long runId = ((Number) JsonPath.read(json, "$.tasks[2].actionId")).longValue();
        assertThat(steps.setup().await(this.mvc, runId, "COMPLETED")).contains("\"environment\":\"staging\"");
        this.mvc.perform(post(path + "/tasks/" + validate + "/start").with(steps.setup().auth()))
            .andExpect(status().isOk());
        json = steps.awaitDone(this.mvc, execution, 4);
        long validationId = ((Number) JsonPath.read(json, "$.tasks[3].actionId")).longValue();
        assertThat(this.jdbc.queryForObject("select run_id from validation where id = ?", Long.class, validationId))
            .isEqualTo(runId);
        // the task ends when its action ended, not when it was polled
        assertThat(this.jdbc.queryForObject(
                "select finished_at = (select finished_at from migration_run where id = ?) from cutover_task_run"
                        + " where execution_id = ? and task_id = ?",
                Boolean.class, runId, execution, run))
            .isTrue();

        this.mvc.perform(post(path + "/finish").with(steps.setup().auth()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("FINISHED"));
        this.mvc.perform(post(path + "/tasks/" + freeze + "/start").with(steps.setup().auth()))
            .andExpect(status().isConflict());

        // the prediction scales the automatic tasks to the final delta's records
        String prediction = this.mvc
            .perform(get(steps.base() + "/prediction").param("finalRecords", Long.toString(deltaRecords * 3))
                .with(steps.setup().auth()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.rehearsals").value(1))
            .andExpect(jsonPath("$.tasks[0].basis").value("MEASURED"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((String) JsonPath.read(prediction, "$.tasks[2].basis"))
            .isEqualTo((deltaRecords > 0) ? "SCALED" : "MEASURED");
        this.mvc.perform(get("/projects/" + steps.setup().project() + "/cutover").with(this.fixtures.login(analyst)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Rehearsal " + execution)))
            .andExpect(content().string(containsString("id=\"predicted-window\"")));
        this.mvc
            .perform(get("/projects/" + steps.setup().project() + "/cutover/executions/" + execution)
                .with(this.fixtures.login(steps.tester())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Rehearsal " + execution + " against staging")))
            .andExpect(content().string(containsString("/projects/" + steps.setup().project() + "/runs/" + runId)))
            .andExpect(content().string(org.hamcrest.Matchers.not(containsString("start-task-"))));
        // the runbook with its actuals, as a workbook
        byte[] xlsx = this.mvc
            .perform(get("/projects/" + steps.setup().project() + "/cutover/runbook.xlsx")
                .with(this.fixtures.login(steps.tester())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheet("Runbook");
            org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
            assertThat(format.formatCellValue(sheet.getRow(0).getCell(9)))
                .isEqualTo("Rehearsal " + execution + " status");
            assertThat(format.formatCellValue(sheet.getRow(0).getCell(13))).isEqualTo("Predicted (min)");
            assertThat(format.formatCellValue(sheet.getRow(1).getCell(2))).isEqualTo("Freeze the source");
            assertThat(format.formatCellValue(sheet.getRow(1).getCell(3))).isEqualTo(steps.tester());
            assertThat(format.formatCellValue(sheet.getRow(3).getCell(9))).isEqualTo("Done");
            assertThat(sheet.getRow(3).getCell(12).getNumericCellValue()).isGreaterThanOrEqualTo(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
        }
        assertThat(this.jdbc.queryForObject(
                "select count(*) from audit_event where project_id = ? and entity_type = 'Cutover' and action = 'task done'",
                Integer.class, steps.setup().project()))
            .isEqualTo(4);
    }

}
