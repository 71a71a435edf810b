package dev.switchyard.mapping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.switchyard.admin.AppUser;
import dev.switchyard.audit.AuditEvent;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.project.Project;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exporting and importing the mapping set through the API and the web pages: lossless
 * round trips in both formats, saved as the next version and audited, stale versions and
 * bad files refused, and who may do what.
 */
@IntegrationTest
class MappingExportImportIntegrationTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    AuditLog audit;

    @Test
    void bothFormatsRoundTripThroughTheApiAsNewVersions() throws Exception {
        AppUser analyst = this.fixtures.user("exporter");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor asAnalyst = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        String base = "/api/v1/projects/" + project.getId() + "/mapping";
        MappingDocument rich = RichMappingDocument.create().withVersion(0);
        this.mvc
            .perform(put(base).with(asAnalyst)
                .contentType(MediaType.APPLICATION_JSON)
                .content(this.json.writeValueAsString(rich)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(1));
        String slug = MappingTransfer.slug(project.getName());

        // XLSX: exported at version 1, imported as version 2, the same document
        MockHttpServletResponse xlsx = this.mvc.perform(get(base + "/export").param("format", "xlsx").with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, XLSX))
            .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment")))
            .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("mapping-" + slug + "-v1.xlsx")))
            .andReturn()
            .getResponse();
        this.mvc
            .perform(multipart(base + "/import").file(file("mapping.xlsx", XLSX, xlsx.getContentAsByteArray()))
                .param("version", "1")
                .with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(2))
            .andExpect(jsonPath("$.objects[0].fields[2].transforms[1].values['=Insurance']").value("+Finance"));
        assertThat(document(base + "/versions/2", asAnalyst)).isEqualTo(document(base + "/versions/1", asAnalyst));
        assertThat(this.json.readValue(this.mvc.perform(get(base + "/versions/2").with(asAnalyst))
            .andReturn()
            .getResponse()
            .getContentAsByteArray(), MappingDocument.class)).isEqualTo(rich.withVersion(2));

        // JSON: the document as GET returns it, pretty-printed
        MockHttpServletResponse exported = this.mvc
            .perform(get(base + "/export").param("format", "json").with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(MediaType.APPLICATION_JSON_VALUE)))
            .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("mapping-" + slug + "-v2.json")))
            .andReturn()
            .getResponse();
        String text = exported.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("\n  \"objects\" : [");
        assertThat(this.json.readTree(text)).isEqualTo(this.json.readTree(this.mvc.perform(get(base).with(asAnalyst))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8)));
        this.mvc
            .perform(multipart(base + "/import")
                .file(file("mapping.json", "application/json", text.getBytes(StandardCharsets.UTF_8)))
                .param("version", "2")
                .with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(3));
        assertThat(document(base + "/versions/3", asAnalyst)).isEqualTo(document(base + "/versions/1", asAnalyst));

        // the import is in the history and the audit log
        this.mvc.perform(get(base + "/versions").with(asAnalyst))
            .andExpect(jsonPath("$[0].summary").value("imported mapping.json: no change"))
            .andExpect(jsonPath("$[1].summary").value("imported mapping.xlsx: no change"));
        assertThat(this.audit.recent(project.getId())).extracting(AuditEvent::getSummary)
            .contains("v3: imported mapping.json: no change", "v2: imported mapping.xlsx: no change");

        // a file read at an older version is refused, naming who saved what
        this.mvc
            .perform(multipart(base + "/import").file(file("mapping.xlsx", XLSX, xlsx.getContentAsByteArray()))
                .param("version", "2")
                .with(asAnalyst))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail", containsString("version 3 was saved by " + analyst.getUsername())));
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() throws Exception {
        AppUser analyst = this.fixtures.user("importer");
        AppUser tester = this.fixtures.user("import-tester");
        Project project = this.fixtures.project(analyst.getUsername());
        this.fixtures.grant(project, tester.getUsername(), "TESTER");
        RequestPostProcessor asAnalyst = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        String base = "/api/v1/projects/" + project.getId() + "/mapping";
        this.mvc
            .perform(put(base).with(asAnalyst)
                .contentType(MediaType.APPLICATION_JSON)
                .content(this.json.writeValueAsString(RichMappingDocument.create().withVersion(0))))
            .andExpect(status().isOk());
        byte[] xlsx = this.mvc.perform(get(base + "/export").with(asAnalyst))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        byte[] broken = broken(xlsx);

        this.mvc
            .perform(multipart(base + "/import").file(file("broken.xlsx", XLSX, broken))
                .param("version", "1")
                .with(asAnalyst))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value("Sheet 'Account → companies', row 7, column Transforms: unknown "
                    + "transform type 'trimm' (did you mean 'trim'?)"))
            .andExpect(jsonPath("$.errors.file").exists());
        this.mvc
            .perform(multipart(base + "/import").file(file("m.txt", "text/plain", "hello".getBytes()))
                .param("version", "1")
                .with(asAnalyst))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail", startsWith("The file is neither an XLSX workbook nor a JSON mapping")));
        this.mvc.perform(multipart(base + "/import").file(file("m.xlsx", XLSX, xlsx)).with(asAnalyst))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.version").exists());
        this.mvc.perform(multipart(base + "/import").param("version", "1").with(asAnalyst))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.file").exists());
        this.mvc.perform(get(base + "/export").param("format", "csv").with(asAnalyst))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value("Export as xlsx or json, not 'csv'"));
        this.mvc.perform(get(base).with(asAnalyst)).andExpect(jsonPath("$.version").value(1));

        // a tester may export, never import
        RequestPostProcessor asTester = httpBasic(tester.getUsername(), Fixtures.PASSWORD);
        this.mvc.perform(get(base + "/export").param("format", "json").with(asTester)).andExpect(status().isOk());
        this.mvc
            .perform(multipart(base + "/import").file(file("m.xlsx", XLSX, xlsx)).param("version", "1").with(asTester))
            .andExpect(status().isForbidden());
        this.mvc
            .perform(multipart("/projects/" + project.getId() + "/mapping/import").file(file("m.xlsx", XLSX, xlsx))
                .param("version", "1")
                .with(this.fixtures.login(tester.getUsername()))
                .with(csrf()))
            .andExpect(status().isForbidden());
        this.mvc.perform(get(base).with(asAnalyst)).andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void theWebPagesDownloadAndImportWithAFlashMessage() throws Exception {
        AppUser analyst = this.fixtures.user("web-importer");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor session = this.fixtures.login(analyst.getUsername());
        String page = "/projects/" + project.getId() + "/mapping";
        String slug = MappingTransfer.slug(project.getName());

        byte[] empty = this.mvc.perform(get(page + "/export.xlsx").with(session))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, XLSX))
            .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("mapping-" + slug + "-v0.xlsx")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        assertThat(empty).isNotEmpty();
        byte[] rich = new MappingTransfer(null, new MappingWorkbook(this.json), this.json, null)
            .xlsx(RichMappingDocument.create());
        this.mvc
            .perform(multipart(page + "/import").file(file("C:\\Users\\ana\\rich mapping.xlsx", XLSX, rich))
                .param("version", "0")
                .with(session)
                .with(csrf()))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl(page))
            .andExpect(flash().attribute("flash", "Imported rich mapping.xlsx as version 1."));
        this.mvc.perform(get(page + "/export.json").with(session))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("mapping-" + slug + "-v1.json")))
            .andExpect(jsonPath("$.version").value(1))
            .andExpect(jsonPath("$.objects.length()").value(8));

        // the page was read at version 0: refused, and the message says why
        this.mvc
            .perform(multipart(page + "/import").file(file("again.xlsx", XLSX, rich))
                .param("version", "0")
                .with(session)
                .with(csrf()))
            .andExpect(redirectedUrl(page))
            .andExpect(flash().attribute("flashError", startsWith("Not saved: the mapping was read at version 0")));
        this.mvc
            .perform(multipart(page + "/import").file(file("broken.xlsx", XLSX, broken(rich)))
                .param("version", "1")
                .with(session)
                .with(csrf()))
            .andExpect(redirectedUrl(page))
            .andExpect(flash().attribute("flashError", "Not imported: Sheet 'Account → companies', row 7, column "
                    + "Transforms: unknown transform type 'trimm' (did you mean 'trim'?)"));
        this.mvc.perform(multipart(page + "/import").param("version", "1").with(session).with(csrf()))
            .andExpect(redirectedUrl(page))
            .andExpect(flash().attribute("flashError", "Not imported: Choose a mapping file (XLSX or JSON) to import"));
    }

    private JsonNode document(String url, RequestPostProcessor user) throws Exception {
        JsonNode document = this.json.readTree(this.mvc.perform(get(url).with(user))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
        ((ObjectNode) document).remove("version");
        return document;
    }

    private static MockMultipartFile file(String name, String type, byte[] content) {
        return new MockMultipartFile("file", name, type, content);
    }

    /**
     * @return the workbook with a misspelt transform type in the name field of Account →
     * companies
     */
    private static byte[] broken(byte[] xlsx) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            book.getSheet("Account → companies").getRow(6).createCell(3).setCellValue("[{\"type\":\"trimm\"}]");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

}
