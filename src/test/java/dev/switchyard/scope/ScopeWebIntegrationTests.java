package dev.switchyard.scope;

import java.io.ByteArrayInputStream;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TestFiles;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ScopeWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ScopeService scope;

    @Test
    void twoAnalystsEditingTheSameDraftGetAConflictAndTheSecondKeepsTheirText() throws Exception {
        AppUser first = this.fixtures.user("analyst");
        AppUser second = this.fixtures.user("analyst");
        Project project = extracted(first);
        this.fixtures.grant(project, second.getUsername(), "ANALYST");
        long rowVersion = this.scope.latest(project.getId()).orElseThrow().getRowVersion();
        String url = "/projects/" + project.getId() + "/scope";
        this.mvc
            .perform(post(url).with(csrf())
                .with(this.fixtures.login(first.getUsername()))
                .param("version", "1")
                .param("rowVersion", Long.toString(rowVersion))
                .param("lines[0].object", "Account")
                .param("lines[0].decision", "ARCHIVE")
                .param("lines[0].rationale", "First analyst"))
            .andExpect(redirectedUrl(url));
        this.mvc
            .perform(post(url).with(csrf())
                .with(this.fixtures.login(second.getUsername()))
                .param("version", "1")
                .param("rowVersion", Long.toString(rowVersion))
                .param("lines[0].object", "Account")
                .param("lines[0].decision", "EXCLUDE")
                .param("lines[0].rationale", "Second analyst's careful reasoning"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Someone else saved draft v1")))
            .andExpect(content().string(containsString("Second analyst&#39;s careful reasoning")));
        ScopeVersion saved = this.scope.latest(project.getId()).orElseThrow();
        assertThat(saved.getLines().get(0).getRationale()).isEqualTo("First analyst");
        assertThat(saved.getLines().get(0).getDecision()).isEqualTo(Decision.ARCHIVE);
    }

    @Test
    void membersCommentPerLineAndOverallAndTheScopeExportsAsXlsx() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        AppUser tester = this.fixtures.user("tester");
        Project project = extracted(analyst);
        this.fixtures.grant(project, tester.getUsername(), "TESTER");
        String base = "/api/v1/projects/" + project.getId() + "/scope";
        this.mvc
            .perform(post(base + "/versions/1/comments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"object\":\"Account\",\"text\":\"Are prospects accounts too?\"}")
                .with(httpBasic(tester.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.object").value("Account"))
            .andExpect(jsonPath("$.author").value(tester.getUsername()));
        this.mvc
            .perform(post("/projects/" + project.getId() + "/scope/comments").with(csrf())
                .with(this.fixtures.login(analyst.getUsername()))
                .param("version", "1")
                .param("text", "Looks complete to me"))
            .andExpect(redirectedUrl("/projects/" + project.getId() + "/scope?version=1"));
        this.mvc
            .perform(post(base + "/versions/1/comments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"object\":\"Lead\",\"text\":\"?\"}")
                .with(httpBasic(tester.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isUnprocessableContent());
        this.mvc.perform(get(base).with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.comments.length()").value(2))
            .andExpect(jsonPath("$.comments[1].object").doesNotExist())
            .andExpect(jsonPath("$.comments[1].text").value("Looks complete to me"));

        byte[] xlsx = this.mvc
            .perform(
                    get("/projects/" + project.getId() + "/scope.xlsx").with(this.fixtures.login(tester.getUsername())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Decision");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Account");
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(83.0);
        }
    }

    @Autowired
    dev.switchyard.scope.archive.ArchiveWriter archives;

    @Autowired
    dev.switchyard.staging.SnapshotLifecycle snapshots;

    @Test
    void archivesAreListedOnTheScopePageAndDownloadedAsZip() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = extracted(analyst);
        long snapshotId = this.snapshots.latestUsable(project.getId()).orElseThrow().getId();
        var result = this.archives.write(project.getId(), snapshotId, 1,
                java.util.List.of(dev.switchyard.scope.archive.ArchiveSelection.all("Account")), analyst.getUsername());
        this.mvc
            .perform(get("/projects/" + project.getId() + "/scope").with(this.fixtures.login(analyst.getUsername())))
            .andExpect(content().string(containsString("Archive " + result.id() + " (ZIP)")))
            .andExpect(content().string(containsString("83 records")));
        byte[] zip = this.mvc
            .perform(get("/projects/" + project.getId() + "/archives/" + result.id() + ".zip")
                .with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).contains("manifest.json", "Account.csv");
        Project other = this.fixtures.project(analyst.getUsername());
        this.mvc
            .perform(get("/projects/" + other.getId() + "/archives/" + result.id() + ".zip")
                .with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isNotFound());
    }

    private Project extracted(AppUser analyst) throws Exception {
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "Account.csv", "text/csv",
                    java.nio.file.Files.readAllBytes(TestFiles.data("sf-export-mashmatrix/Account.csv"))))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        return project;
    }

}
