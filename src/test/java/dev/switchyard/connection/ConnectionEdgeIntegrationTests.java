package dev.switchyard.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TargetDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Connections at the edges: unreadable uploads say why, a replacement that cannot be read
 * keeps the working files, and long URLs or names never overflow a column.
 */
@IntegrationTest
class ConnectionEdgeIntegrationTests {

    private static final byte[] NOT_A_WORKBOOK = "this is not a zip archive".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aMalformedWorkbookIsRefusedWithItsProblemSpelledOutOnThePageAndInTheApi() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        this.mvc
            .perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
                .file(new MockMultipartFile("file", "Broken.xlsx", "application/octet-stream", NOT_A_WORKBOOK))
                .param("role", "source")
                .param("type", "xlsx")
                .with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.file", startsWith("Found no objects; 1 problem: Broken.xlsx: ")))
            .andExpect(jsonPath("$.errors.file", containsString("Broken.xlsx is not a readable workbook")));

        this.mvc
            .perform(multipart("/projects/" + project.getId() + "/connections")
                .file(new MockMultipartFile("file", "Broken.xlsx", "application/octet-stream", NOT_A_WORKBOOK))
                .param("role", "source")
                .param("type", "xlsx")
                .with(this.fixtures.login(analyst.getUsername()))
                .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Broken.xlsx is not a readable workbook")));
    }

    @Test
    void replacingFilesWithUnreadableOnesKeepsTheWorkingFilesAndSaysWhy() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        String created = this.mvc
            .perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
                .file(new MockMultipartFile("file", "Accounts.xlsx", "application/octet-stream", workbook()))
                .param("role", "source")
                .param("type", "xlsx")
                .with(auth))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        long connectionId = ((Number) JsonPath.read(created, "$.id")).longValue();
        String files = "/api/v1/projects/" + project.getId() + "/connections/" + connectionId + "/files";

        this.mvc
            .perform(multipart(files)
                .file(new MockMultipartFile("file", "Broken.xlsx", "application/octet-stream", NOT_A_WORKBOOK))
                .with(auth))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.file",
                    startsWith("The new files cannot be read, so the current files were kept: Found no objects")))
            .andExpect(jsonPath("$.errors.file", containsString("Broken.xlsx is not a readable workbook")));
        this.mvc
            .perform(
                    multipart("/projects/" + project.getId() + "/connections/" + connectionId + "/files")
                        .file(new MockMultipartFile("file", "Empty.zip", "application/zip",
                                dev.switchyard.support.TestFiles.zip(java.util.Map.of("readme.txt",
                                        "no workbook".getBytes(StandardCharsets.UTF_8)))))
                        .with(this.fixtures.login(analyst.getUsername()))
                        .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("flashError",
                    startsWith("The new files cannot be read, so the current files were kept: No .xlsx workbook")));

        this.mvc
            .perform(post("/api/v1/projects/" + project.getId() + "/connections/" + connectionId + "/test").with(auth))
            .andExpect(jsonPath("$.ok").value(true))
            .andExpect(jsonPath("$.objects[0].name").value("Account"));
        String listed = this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/connections").with(auth))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((String) JsonPath.read(listed, "$[0].upload")).isEqualTo("Accounts.xlsx");
    }

    @Test
    void aTargetWithoutANameAndAVeryLongUrlIsNamedAfterItsDatabase() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        String url = TargetDatabases.create(this.postgres, "longurl", "create table account (id int primary key)")
                + "?ApplicationName=" + "a".repeat(120) + "&sslmode=disable";
        this.mvc
            .perform(post("/api/v1/projects/" + project.getId() + "/connections")
                .with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"role":"target","environment":"sandbox","type":"jdbc","url":"%s","username":"postgres",
                         "password":"not-needed","schema":"public"}""".formatted(url)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.name", startsWith("sandbox target: PostgreSQL at localhost:")))
            .andExpect(jsonPath("$.name", org.hamcrest.Matchers.not(containsString("ApplicationName"))));
    }

    @Test
    void aGivenNameLongerThanTheColumnIsRefusedBesideTheField() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        this.mvc
            .perform(post("/api/v1/projects/" + project.getId() + "/connections")
                .with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"role":"target","environment":"sandbox","type":"jdbc","url":"jdbc:postgresql://localhost/x",
                         "name":"%s"}""".formatted("n".repeat(121))))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.name").value("A name has at most 120 characters"));
    }

    private static byte[] workbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Account");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Id");
            header.createCell(1).setCellValue("Name");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("001A");
            row.createCell(1).setCellValue("Acme");
            workbook.write(out);
            return out.toByteArray();
        }
    }

}
