package dev.switchyard.scope.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.jayway.jsonpath.JsonPath;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Archives of the real mashmatrix export: files, manifest, neutralised cells, ZIP
 * download, and nothing left behind when writing fails.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveWriterTests {

    /** Counted in Opportunity.csv: rows whose StageName is exactly "Closed Lost". */
    private static final int CLOSED_LOST = 39;

    private static final int ACCOUNTS = 83;

    private static final String SOURCE = "sf-export-mashmatrix";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ArchiveWriter writer;

    @Autowired
    ArchiveStore store;

    @Autowired
    ArchiveVerifier verifier;

    private Project project;

    private long snapshotId;

    private String analyst;

    @BeforeAll
    void extractTheMashmatrixExport() throws Exception {
        AppUser user = this.fixtures.user("archivist");
        this.analyst = user.getUsername();
        this.project = this.fixtures.project(this.analyst);
        RequestPostProcessor auth = httpBasic(this.analyst, Fixtures.PASSWORD);
        this.mvc.perform(multipart("/api/v1/projects/" + this.project.getId() + "/connections")
            .file(new MockMultipartFile("file", "mashmatrix.zip", "application/zip",
                    TestFiles.zipOf(SOURCE, "Account.csv", "Contact.csv", "Opportunity.csv")))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        Map<String, Object> extraction = ExtractionSteps.extract(this.mvc, this.project.getId(), "full", auth);
        assertThat(extraction.get("status")).isIn("COMPLETED", "COMPLETED_WITH_ERRORS");
        this.snapshotId = ((Number) extraction.get("id")).longValue();
    }

    @Test
    void archivesEveryAccountAndTheClosedLostOpportunitiesWithAManifestThatMatchesTheFiles() throws Exception {
        ArchiveResult result = this.writer
            .write(this.project.getId(), this.snapshotId, 3, List.of(ArchiveSelection.all("Account"),
                    new ArchiveSelection("Opportunity", "s.payload ->> ? = ?", List.of("StageName", "Closed Lost"))),
                    this.analyst);

        assertThat(result.records()).isEqualTo(ACCOUNTS + CLOSED_LOST);
        assertThat(result.files()).extracting(ArchiveFile::object, ArchiveFile::file, ArchiveFile::records)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("Account", "Account.csv", (long) ACCOUNTS),
                    org.assertj.core.groups.Tuple.tuple("Opportunity", "Opportunity.csv", (long) CLOSED_LOST));
        assertThat(result.folder())
            .endsWith(Path.of("archives", "project-" + this.project.getId(), "archive-" + result.id()));
        assertThat(result.folder().resolve("Account.csv")).isRegularFile();
        assertThat(result.folder().resolve("Opportunity.csv")).isRegularFile();
        assertThat(result.folder().resolve("manifest.json")).isRegularFile();

        List<CsvRecord> opportunities = read(result.folder().resolve("Opportunity.csv"));
        assertThat(opportunities.get(0).getFields()).isEqualTo(sourceHeader("Opportunity.csv"));
        assertThat(opportunities).hasSize(CLOSED_LOST + 1);
        int stage = opportunities.get(0).getFields().indexOf("StageName");
        assertThat(opportunities.subList(1, opportunities.size()))
            .allSatisfy((row) -> assertThat(row.getField(stage)).isEqualTo("Closed Lost"));
        List<String> ids = opportunities.subList(1, opportunities.size()).stream().map((r) -> r.getField(0)).toList();
        assertThat(ids).isSorted();
        assertThat(read(result.folder().resolve("Account.csv")).get(0).getFields())
            .isEqualTo(sourceHeader("Account.csv"));

        String manifest = Files.readString(result.folder().resolve("manifest.json"));
        assertThat((Integer) JsonPath.read(manifest, "$.records")).isEqualTo(ACCOUNTS + CLOSED_LOST);
        assertThat((Integer) JsonPath.read(manifest, "$.project")).isEqualTo(this.project.getId().intValue());
        assertThat((Integer) JsonPath.read(manifest, "$.snapshot")).isEqualTo((int) this.snapshotId);
        assertThat((Integer) JsonPath.read(manifest, "$.scopeVersion")).isEqualTo(3);
        assertThat((String) JsonPath.read(manifest, "$.createdBy")).isEqualTo(this.analyst);
        assertThat((String) JsonPath.read(manifest, "$.createdAt")).endsWith("Z");
        assertThat((String) JsonPath.read(manifest, "$.note")).contains("apostrophe");
        List<Map<String, Object>> files = JsonPath.read(manifest, "$.files");
        assertThat(files).hasSize(2);
        for (Map<String, Object> file : files) {
            Path path = result.folder().resolve((String) file.get("file"));
            byte[] bytes = Files.readAllBytes(path);
            assertThat(file.get("sha256"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            assertThat(((Number) file.get("bytes")).longValue()).isEqualTo(bytes.length);
        }
        assertThat(files.get(1)).containsEntry("object", "Opportunity").containsEntry("records", CLOSED_LOST);

        ArchiveSnapshot stored = this.store.get(result.id());
        assertThat(stored.records()).isEqualTo(ACCOUNTS + CLOSED_LOST);
        assertThat(stored.folder()).isEqualTo(result.folder().toString());
        assertThat(stored.scopeVersion()).isEqualTo(3);
        assertThat(stored.manifest()).containsEntry("records", ACCOUNTS + CLOSED_LOST).containsKey("files");
        assertThat(this.store.list(this.project.getId())).extracting(ArchiveSnapshot::id).contains(result.id());
    }

    @Test
    void keepsEmbeddedNewlinesAndPrefixesFormulaLikeTextWithAnApostrophe() throws Exception {
        this.jdbc.update("""
                insert into staged_record (snapshot_id, object, source_id, payload)
                values (?, 'Opportunity', '006CRAFTED', ?::jsonb)
                """, this.snapshotId, """
                {"Name": "=HYPERLINK(\\"http://evil.invalid\\")", "Description": "-5 dollars",
                 "StageName": "@home", "Amount": -5, "IsPrivate": true, "CloseDate": null}
                """);
        ArchiveResult result = this.writer
            .write(this.project.getId(), this.snapshotId, null,
                    List.of(ArchiveSelection.all("Account"),
                            new ArchiveSelection("Opportunity", "s.source_id = ?", List.of("006CRAFTED"))),
                    this.analyst);

        Map<String, Map<String, String>> accounts = byId(read(result.folder().resolve("Account.csv")));
        Map<String, Map<String, String>> source = byId(read(TestFiles.data(SOURCE).resolve("Account.csv")));
        String description = accounts.get("001f4000003NkdRAAS").get("Description");
        assertThat(description).contains("\n").isEqualTo(source.get("001f4000003NkdRAAS").get("Description"));
        assertThat(accounts.get("001f4000009wJD7AAM").get("Phone")).isEqualTo("'+81 3 3543 5523");

        Map<String, String> crafted = byId(read(result.folder().resolve("Opportunity.csv"))).get("006CRAFTED");
        assertThat(crafted).containsEntry("Name", "'=HYPERLINK(\"http://evil.invalid\")")
            .containsEntry("Description", "'-5 dollars")
            .containsEntry("StageName", "'@home")
            .containsEntry("Amount", "-5")
            .containsEntry("IsPrivate", "true")
            .containsEntry("CloseDate", "")
            .containsEntry("AccountId", "");
        long phones = source.values().stream().filter((row) -> row.get("Phone").startsWith("+")).count();
        long formulaLike = source.values()
            .stream()
            .flatMap((row) -> row.values().stream())
            .filter((value) -> !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0)
            .count();
        assertThat(phones).isPositive();
        Map<String, Object> manifest = this.store.get(result.id()).manifest();
        assertThat(manifest).containsEntry("records", ACCOUNTS + 1)
            .containsEntry("neutralisedCells", (int) formulaLike + 3);
    }

    @Test
    void downloadsTheArchiveAsAZipWithTheFilesAndTheManifest() throws Exception {
        ArchiveResult result = this.writer.write(this.project.getId(), this.snapshotId, 1, List
            .of(new ArchiveSelection("Opportunity", "s.payload ->> ? = ?", List.of("StageName", "Closed Lost"))),
                this.analyst);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        this.store.zip(result.id(), bytes);

        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactly("manifest.json", "Opportunity.csv");
        assertThat(entries.get("Opportunity.csv"))
            .isEqualTo(Files.readAllBytes(result.folder().resolve("Opportunity.csv")));
        assertThat(entries.get("manifest.json"))
            .isEqualTo(Files.readAllBytes(result.folder().resolve("manifest.json")));
    }

    @Test
    void isVerifiedOnceWrittenAndAChangedOrCutFileNoLongerVerifies() throws Exception {
        ArchiveResult result = this.writer.write(this.project.getId(), this.snapshotId, null, List
            .of(new ArchiveSelection("Opportunity", "s.payload ->> ? = ?", List.of("StageName", "Closed Lost"))),
                this.analyst);
        ArchiveSnapshot stored = this.store.get(result.id());
        assertThat(stored.verified()).isTrue();
        assertThat(this.verifier.verify(result.folder(), stored.manifest())).extracting(ArchiveFile::records)
            .containsExactly((long) CLOSED_LOST);

        // one character changed: same size, another hash
        Path file = result.folder().resolve("Opportunity.csv");
        byte[] bytes = Files.readAllBytes(file);
        byte[] changed = bytes.clone();
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Closed Lost") + 1;
        changed[at] = (byte) 'X';
        Files.write(file, changed);
        assertThatExceptionOfType(ArchiveException.class)
            .isThrownBy(() -> this.verifier.verify(result.folder(), stored.manifest()))
            .withMessageContaining("Opportunity.csv has SHA-256");
        // records cut off: another size
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatExceptionOfType(ArchiveException.class)
            .isThrownBy(() -> this.verifier.verify(result.folder(), stored.manifest()))
            .withMessageContaining("Opportunity.csv has " + bytes.length / 2 + " bytes");
        // the manifest on disk changed
        Files.write(file, bytes);
        Path manifest = result.folder().resolve(ArchiveWriter.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replaceAll("(\"records\"\\s*:\\s*)39", "$140"));
        assertThatExceptionOfType(ArchiveException.class)
            .isThrownBy(() -> this.verifier.verify(result.folder(), stored.manifest()))
            .withMessageContaining("manifest.json differs");
    }

    @Test
    void leavesNoFolderAndNoRowWhenThePredicateFails() throws Exception {
        Path projectFolder = this.writer
            .write(this.project.getId(), this.snapshotId, null, List.of(ArchiveSelection.all("Contact")), this.analyst)
            .folder()
            .getParent();
        List<Path> foldersBefore = folders(projectFolder);
        Long rowsBefore = rows();

        assertThatExceptionOfType(ArchiveException.class)
            .isThrownBy(() -> this.writer.write(this.project.getId(), this.snapshotId, null,
                    List.of(ArchiveSelection.all("Account"),
                            new ArchiveSelection("Opportunity", "s.payload ->>> ? is not what sql looks like",
                                    List.of("StageName"))),
                    this.analyst))
            .withMessageContaining("Opportunity")
            .satisfies((ex) -> assertThat(ex.getObject()).isEqualTo("Opportunity"));

        assertThat(folders(projectFolder)).isEqualTo(foldersBefore);
        assertThat(rows()).isEqualTo(rowsBefore);
    }

    @Test
    void makesObjectNamesSafeAsFileNames() {
        assertThat(ArchiveWriter.fileName("Account")).isEqualTo("Account");
        assertThat(ArchiveWriter.fileName("My_Object__c")).isEqualTo("My_Object__c");
        assertThat(ArchiveWriter.fileName("../etc/passwd")).isEqualTo("___etc_passwd");
        assertThat(ArchiveWriter.fileName("..")).isEqualTo("__");
        assertThat(ArchiveWriter.fileName(".hidden")).isEqualTo("_.hidden");
        assertThat(ArchiveWriter.fileName("")).isEqualTo("_");
        assertThat(ArchiveWriter.fileName("dbo.Kunde Ä")).isEqualTo("dbo.Kunde__");
    }

    private Long rows() {
        return this.jdbc.queryForObject("select count(*) from archive_snapshot where project_id = ?", Long.class,
                this.project.getId());
    }

    private static List<Path> folders(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.sorted().toList();
        }
    }

    private static List<String> sourceHeader(String file) throws IOException {
        List<String> header = new ArrayList<>(read(TestFiles.data(SOURCE).resolve(file)).get(0).getFields());
        assertThat(header.remove(0)).isEqualTo("Id");
        header.add(0, "Id");
        return header;
    }

    private static Map<String, Map<String, String>> byId(List<CsvRecord> records) {
        List<String> header = records.get(0).getFields();
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.getField(i));
            }
            rows.put(record.getField(0), row);
        }
        return rows;
    }

    private static List<CsvRecord> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (file.getFileName().toString().endsWith(".csv") && file.toString().contains("archive-")) {
            assertThat(text).as("UTF-8 with a byte-order mark").startsWith("\uFEFF");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
            return reader.stream().toList();
        }
    }

}
