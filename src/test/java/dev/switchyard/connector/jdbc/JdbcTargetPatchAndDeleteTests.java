package dev.switchyard.connector.jdbc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.RowRejection;
import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.switchyard.connector.jdbc.JdbcTargetWriterTests.company;
import static dev.switchyard.connector.jdbc.JdbcTargetWriterTests.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The second pass that sets self references once every row exists, reading rows back, and
 * deleting them to undo a run.
 */
class JdbcTargetPatchAndDeleteTests {

    private static TargetDatabase target;

    private JdbcTargetWriter writer;

    private String acme;

    @BeforeAll
    static void createDatabase() throws Exception {
        target = new TargetDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        target.close();
    }

    @BeforeEach
    void open() throws Exception {
        target.empty();
        this.writer = new JdbcConnectorProvider().openWriter(target.settings());
        this.acme = this.writer
            .write("companies", "source_id", List.of(company("001A", "Acme", "Retail")), WriteMode.CREATE)
            .get(0)
            .targetId();
    }

    @AfterEach
    void close() {
        this.writer.close();
    }

    @Test
    void patchSetsSelfReferencesOnceEveryRowExists() {
        List<String> ids = this.writer
            .write("people", "source_id",
                    List.of(person("003A", this.acme, "Brown", null), person("003B", this.acme, "Williams", null),
                            person("003C", this.acme, "Smith", null)),
                    WriteMode.CREATE)
            .stream()
            .map(WriteResult::targetId)
            .toList();
        Map<String, Map<String, Object>> patch = new LinkedHashMap<>();
        patch.put(ids.get(1), Map.of("reports_to_id", ids.get(0)));
        patch.put(ids.get(2), Map.of("reports_to_id", Long.valueOf(ids.get(1))));
        assertThat(this.writer.patch("people", null, patch)).isEmpty();
        Map<String, Map<String, Object>> rows = this.writer.read("people", "id", ids);
        assertThat(rows.keySet()).containsExactlyElementsOf(ids);
        assertThat(rows.values()).extracting((row) -> row.get("reports_to_id"))
            .containsExactly(null, Long.valueOf(ids.get(0)), Long.valueOf(ids.get(1)));
    }

    @Test
    void patchReportsMissingRowsAndRefusedValuesAndChangesTheOthers() {
        List<String> ids = this.writer
            .write("people", "source_id",
                    List.of(person("003A", this.acme, "Brown", null), person("003B", this.acme, "Williams", null)),
                    WriteMode.CREATE)
            .stream()
            .map(WriteResult::targetId)
            .toList();
        Map<String, Map<String, Object>> patch = new LinkedHashMap<>();
        patch.put("777", Map.of("reports_to_id", ids.get(0)));
        patch.put(ids.get(0), Map.of("reports_to_id", "888"));
        patch.put(ids.get(1), Map.of("reports_to_id", ids.get(0)));
        patch.put("abc", Map.of("reports_to_id", ids.get(0)));
        List<RowRejection> rejections = this.writer.patch("people", null, patch);
        assertThat(rejections).extracting(RowRejection::targetId, RowRejection::column)
            .containsExactly(tuple("777", "id"), tuple(ids.get(0), "reports_to_id"), tuple("abc", "id"));
        assertThat(rejections.get(0).message()).isEqualTo("No row of public.people has id = '777'");
        assertThat(rejections.get(1).message())
            .contains("violates foreign key constraint \"people_reports_to_id_fkey\"");
        assertThat(rejections.get(2).message()).contains("not a whole number");
        assertThat(this.writer.read("people", null, List.of(ids.get(1))).get(ids.get(1))).containsEntry("reports_to_id",
                Long.valueOf(ids.get(0)));
    }

    @Test
    void readGivesRowsInTheIdsOrderAndLeavesOutIdsNoRowHas() {
        this.writer.write("companies", "source_id", List.of(company("001B", "Globex", null)), WriteMode.CREATE);
        Map<String, Map<String, Object>> rows = this.writer.read("companies", null, List.of("2", "99", "1", "x"));
        assertThat(rows.keySet()).containsExactly("2", "1");
        assertThat(rows.get("1").keySet()).containsExactly("id", "source_id", "name", "industry", "annual_revenue",
                "employees", "active", "founded", "updated_at", "parent_id", "code", "country");
    }

    @Test
    void deleteRemovesRowsAndRefusesRowsOthersStillReferTo() {
        String globex = this.writer
            .write("companies", "source_id", List.of(company("001B", "Globex", null)), WriteMode.CREATE)
            .get(0)
            .targetId();
        String initech = this.writer
            .write("companies", "source_id", List.of(company("001C", "Initech", null)), WriteMode.CREATE)
            .get(0)
            .targetId();
        this.writer.write("people", "source_id", List.of(person("003A", globex, "Brown", null)), WriteMode.CREATE);
        this.writer.write("notes", "source_id",
                List.of(new TargetRecord("N1", Map.of("source_id", "N1", "company_id", initech))), WriteMode.CREATE);

        List<RowRejection> refused = this.writer.delete("companies", null, List.of(this.acme, globex, initech));
        assertThat(refused).singleElement().satisfies((rejection) -> {
            assertThat(rejection.targetId()).isEqualTo(globex);
            assertThat(rejection.column()).isEqualTo("people.company_id");
            assertThat(rejection.message())
                .startsWith("update or delete on table \"companies\" violates foreign key constraint")
                .contains("is still referenced from table \"people\"");
        });
        assertThat(this.writer.count("companies")).isEqualTo(1);
        assertThat(this.writer.count("notes")).as("cascaded").isZero();
        assertThat(this.writer.delete("companies", "id", List.of(this.acme, initech)))
            .as("deleting again finds nothing left to refuse")
            .isEmpty();
    }

}
