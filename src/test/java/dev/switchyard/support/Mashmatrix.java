package dev.switchyard.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A project of a new analyst with the mashmatrix export extracted and a target database
 * (by default the demo destination schema) as its sandbox target; and the steps of a run
 * through the API.
 *
 * @param project the project
 * @param analyst the analyst's user name
 * @param connection the source connection
 * @param auth the analyst
 * @param url the target database's JDBC URL
 */
public record Mashmatrix(long project, String analyst, long connection, RequestPostProcessor auth, String url) {

    /**
     * @param mvc the application
     * @param fixtures the fixtures
     * @param postgres the embedded server
     * @param prefix the analyst's name prefix
     * @param schema the target database's DDL
     * @return the project, extracted and connected, not yet mapped
     */
    public static Mashmatrix extracted(MockMvc mvc, Fixtures fixtures, EmbeddedPostgres postgres, String prefix,
            String schema) throws Exception {
        Mashmatrix source = sourceOnly(mvc, fixtures, prefix);
        String url = TargetDatabases.create(postgres, "crm", schema);
        TargetDatabases.connect(mvc, source.project(), "sandbox", url, source.auth());
        return new Mashmatrix(source.project(), source.analyst(), source.connection(), source.auth(), url);
    }

    /**
     * @param mvc the application
     * @param fixtures the fixtures
     * @param prefix the analyst's name prefix
     * @return a project with the export uploaded as its source and extracted, and no
     * target (url null)
     */
    public static Mashmatrix sourceOnly(MockMvc mvc, Fixtures fixtures, String prefix) throws Exception {
        AppUser analyst = fixtures.user(prefix);
        Project project = fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        String created = mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "export.zip", "application/zip",
                    TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv", "Opportunity.csv")))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        ExtractionSteps.extract(mvc, project.getId(), "full", auth);
        return new Mashmatrix(project.getId(), analyst.getUsername(),
                ((Number) JsonPath.read(created, "$.id")).longValue(), auth, null);
    }

    /**
     * The same, mapped with {@link MappingSteps#mapMashmatrix}.
     */
    public static Mashmatrix mapped(MockMvc mvc, Fixtures fixtures, EmbeddedPostgres postgres, String prefix,
            String schema) throws Exception {
        Mashmatrix setup = extracted(mvc, fixtures, postgres, prefix, schema);
        MappingSteps.mapMashmatrix(mvc, setup.project(), setup.auth());
        return setup;
    }

    /**
     * @param mvc the application
     * @param body the run request
     * @return the new run's id
     */
    public long start(MockMvc mvc, String body) throws Exception {
        String run = mvc
            .perform(post("/api/v1/projects/" + this.project + "/runs").with(this.auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return ((Number) JsonPath.read(run, "$.id")).longValue();
    }

    /**
     * Polls a run until it has the wanted status.
     * @return the run's JSON then
     * @throws AssertionError when it ends otherwise or takes over 90 s
     */
    public String await(MockMvc mvc, long id, String wanted) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String json = null;
        while (Instant.now().isBefore(deadline)) {
            json = mvc.perform(get("/api/v1/runs/" + id).with(this.auth))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
            String status = JsonPath.read(json, "$.status");
            if (status.equals(wanted)) {
                return json;
            }
            if (List.of("FAILED", "CANCELLED").contains(status)) {
                throw new AssertionError("Run " + id + " ended " + status + ": " + json);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Run " + id + " did not become " + wanted + ": " + json);
    }

    /**
     * Replaces the export's files with changed ones and extracts them again (a delta
     * extraction), as when the source system changed.
     * @param mvc the application
     * @param files file name → its new content, for the files that changed
     */
    public void changeSource(MockMvc mvc, Map<String, byte[]> files) throws Exception {
        Map<String, byte[]> all = new java.util.LinkedHashMap<>();
        for (String name : List.of("Account.csv", "Contact.csv", "Opportunity.csv")) {
            all.put(name, files.containsKey(name) ? files.get(name)
                    : java.nio.file.Files.readAllBytes(TestFiles.data("sf-export-mashmatrix/" + name)));
        }
        mvc.perform(multipart("/api/v1/projects/" + this.project + "/connections/" + this.connection + "/files")
            .file(new MockMultipartFile("file", "export.zip", "application/zip", TestFiles.zip(all)))
            .with(this.auth)).andExpect(status().isOk());
        ExtractionSteps.extract(mvc, this.project, "delta", this.auth);
    }

    /**
     * @param file a file of the export
     * @return its rows, column → value, in file order
     */
    public static List<Map<String, String>> rows(String file) throws Exception {
        String text = java.nio.file.Files
            .readString(TestFiles.data("sf-export-mashmatrix/" + file), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\uFEFF", "");
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.NamedCsvRecord> reader = de.siegmar.fastcsv.reader.CsvReader
            .builder()
            .ofNamedCsvRecord(text)) {
            reader.forEach((r) -> rows.add(new java.util.LinkedHashMap<>(r.getFieldsAsMap())));
        }
        return rows;
    }

    /**
     * @param file a file of the export
     * @param change what to change in its rows
     * @return the changed file as CSV
     */
    public static byte[] rewrite(String file, java.util.function.UnaryOperator<List<Map<String, String>>> change)
            throws Exception {
        List<Map<String, String>> rows = change.apply(rows(file));
        java.io.StringWriter out = new java.io.StringWriter();
        try (de.siegmar.fastcsv.writer.CsvWriter writer = de.siegmar.fastcsv.writer.CsvWriter.builder().build(out)) {
            writer.writeRecord(rows.get(0).keySet());
            for (Map<String, String> row : rows) {
                writer.writeRecord(row.values());
            }
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @param run a run's JSON
     * @param object a source object
     * @return its counters
     */
    public static Map<String, Object> counts(String run, String object) {
        List<Map<String, Object>> found = JsonPath.read(run, "$.objects[?(@.name=='" + object + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /**
     * @param sql a statement on the target
     * @param query a query answering one number
     * @return the number
     */
    public static long single(java.sql.Statement sql, String query) throws Exception {
        try (java.sql.ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
