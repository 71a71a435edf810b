package dev.switchyard.run;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.jayway.jsonpath.JsonPath;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static dev.switchyard.support.Mashmatrix.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Archived records are written: a scope rule archiving the closed-lost opportunities (39
 * of 774 in the mashmatrix export) makes the run write a CSV of exactly those records
 * with a manifest whose count and SHA-256 match the file, before any of them is ledgered
 * ARCHIVED; the archive is listed and downloads from the scope tab and the API, and is in
 * the audit log. A run that fails after writing it and is resumed keeps the verified
 * archive; one a crash left unverified is discarded and written again.
 */
@IntegrationTest
class RunArchiveIntegrationTests {

    static final int CLOSED_LOST = 39;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aScopeRuleThatArchivesMakesTheRunWriteAVerifiedArchiveOfExactlyTheArchivedRecords() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "archiver",
                TargetDatabases.demoSchema());
        archiveClosedLost(this.mvc, setup);
        long run = setup.start(this.mvc, "{\"mode\": \"full\"}");
        String done = setup.await(this.mvc, run, "COMPLETED");
        assertThat((Boolean) JsonPath.read(done, "$.balanced")).isTrue();
        assertThat(counts(done, "Opportunity")).containsEntry("archived", CLOSED_LOST)
            .containsEntry("created", 774 - CLOSED_LOST);
        assertThat(counts(done, "Account")).containsEntry("archived", 0);

        // listed in the API, with the file's count and hash
        String list = api(setup, "/api/v1/projects/" + setup.project() + "/archives");
        assertThat((List<?>) JsonPath.read(list, "$")).hasSize(1);
        long archive = ((Number) JsonPath.read(list, "$[0].id")).longValue();
        assertThat(((Number) JsonPath.read(list, "$[0].runId")).longValue()).isEqualTo(run);
        assertThat((String) JsonPath.read(list, "$[0].object")).isEqualTo("Opportunity");
        assertThat((Integer) JsonPath.read(list, "$[0].records")).isEqualTo(CLOSED_LOST);
        assertThat((String) JsonPath.read(list, "$[0].verifiedAt")).isNotBlank();
        assertThat((Integer) JsonPath.read(list, "$[0].files[0].records")).isEqualTo(CLOSED_LOST);
        String sha256 = JsonPath.read(list, "$[0].files[0].sha256");

        // the download holds the manifest and a CSV of exactly the records ledgered
        // ARCHIVED, whose bytes hash to the manifest's SHA-256
        Map<String, byte[]> zip = unzip(this.mvc
            .perform(get("/api/v1/projects/" + setup.project() + "/archives/" + archive + "/download")
                .with(setup.auth()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray());
        assertThat(zip.keySet()).containsExactly("manifest.json", "Opportunity.csv");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.get("Opportunity.csv"))))
            .isEqualTo(sha256);
        String manifest = new String(zip.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat((Integer) JsonPath.read(manifest, "$.records")).isEqualTo(CLOSED_LOST);
        assertThat((String) JsonPath.read(manifest, "$.files[0].sha256")).isEqualTo(sha256);
        List<CsvRecord> rows = csv(zip.get("Opportunity.csv"));
        int stage = rows.get(0).getFields().indexOf("StageName");
        assertThat(rows.subList(1, rows.size())).hasSize(CLOSED_LOST)
            .allSatisfy((row) -> assertThat(row.getField(stage)).isEqualTo("Closed Lost"));
        List<String> archivedIds = rows.subList(1, rows.size()).stream().map((r) -> r.getField(0)).toList();
        String ledger = api(setup, "/api/v1/runs/" + run + "/ledger?outcome=ARCHIVED&size=1000");
        List<String> ledgered = JsonPath.read(ledger, "$.entries[*].sourceId");
        assertThat(ledgered).containsExactlyInAnyOrderElementsOf(archivedIds);
        assertThat((String) JsonPath.read(ledger, "$.entries[0].reason"))
            .isEqualTo("archived by scope v1 into archive " + archive + " (Opportunity.csv)");
        // none of them is in the target
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            assertThat(Mashmatrix.single(sql, "select count(*) from deals")).isEqualTo(774 - CLOSED_LOST);
            assertThat(Mashmatrix.single(sql,
                    "select count(*) from deals where source_id in ('" + String.join("', '", archivedIds) + "')"))
                .isZero();
        }

        // listed on the scope tab with its hash, and downloadable there by members
        String page = this.mvc.perform(get("/projects/" + setup.project() + "/scope").with(login(setup)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("/projects/" + setup.project() + "/archives/" + archive + ".zip")
            .contains("Opportunity.csv: " + CLOSED_LOST + " · " + sha256.substring(0, 12))
            .contains("/projects/" + setup.project() + "/runs/" + run);
        Map<String, byte[]> web = unzip(this.mvc
            .perform(get("/projects/" + setup.project() + "/archives/" + archive + ".zip").with(login(setup)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray());
        assertThat(web.keySet()).isEqualTo(zip.keySet());
        assertThat(web.get("Opportunity.csv")).isEqualTo(zip.get("Opportunity.csv"));
        // in the audit log and the run's log
        assertThat(this.jdbc.queryForObject(
                "select summary from audit_event where project_id = ? and entity_type = 'Archive' and action = 'written'",
                String.class, setup.project()))
            .contains("run " + run + " archived 39 Opportunity records")
            .contains(sha256)
            .contains("verified");
        assertThat(api(setup, "/api/v1/runs/" + run + "/log")).contains("Opportunity → deals: archive " + archive
                + " holds the 39 Opportunity records the scope" + " archives (Opportunity.csv, ");
        // another project's member does not see it
        this.mvc
            .perform(get("/api/v1/projects/" + setup.project() + "/archives/" + archive)
                .with(this.fixtures.login(this.fixtures.user("stranger").getUsername())))
            .andExpect(status().isForbidden());
    }

    @Test
    void aResumedRunKeepsItsVerifiedArchiveAndWritesAHalfWrittenOneAgain() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "rearchiver",
                TargetDatabases.demoSchema());
        archiveClosedLost(this.mvc, setup);
        // the deals table is gone: the opportunities' step fails after writing the
        // archive
        target(setup, "alter table deals rename to deals_away");
        long run = setup.start(this.mvc, "{\"mode\": \"full\"}");
        awaitFailed(setup, run, "deals");
        List<Map<String, Object>> first = archives(run);
        assertThat(first).hasSize(1);
        long written = ((Number) first.get(0).get("id")).longValue();
        assertThat(first.get(0).get("verified_at")).isNotNull();

        // resumed, it fails again: the verified archive is checked and kept, not written
        // twice
        this.mvc.perform(post("/api/v1/runs/" + run + "/resume").with(setup.auth())).andExpect(status().isOk());
        awaitFailed(setup, run, "deals");
        assertThat(archives(run)).extracting((a) -> ((Number) a.get("id")).longValue()).containsExactly(written);

        // an archive of other records than the run now selects (the rules changed while
        // it
        // was stopped) is never taken for this run's: the resume fails, naming it
        Path manifest = Path.of((String) first.get(0).get("folder")).resolve("manifest.json");
        String fingerprint = this.jdbc.queryForObject(
                "select manifest -> 'files' -> 0 ->> 'selection' from archive_snapshot where id = ?", String.class,
                written);
        this.jdbc.update("update archive_snapshot set manifest = replace(manifest::text, ?, ?)::jsonb where id = ?",
                fingerprint, "0".repeat(64), written);
        Files.writeString(manifest, Files.readString(manifest).replace(fingerprint, "0".repeat(64)));
        this.mvc.perform(post("/api/v1/runs/" + run + "/resume").with(setup.auth())).andExpect(status().isOk());
        awaitFailed(setup, run, "the scope's rules for them have changed since");
        assertThat(counts(api(setup, "/api/v1/runs/" + run), "Opportunity")).containsEntry("archived", 0);

        // a crash while writing leaves an unverified archive with half a file: the next
        // resume discards it and writes the archive again, whole and verified
        Path folder = Path.of((String) first.get(0).get("folder"));
        byte[] whole = Files.readAllBytes(folder.resolve("Opportunity.csv"));
        Files.write(folder.resolve("Opportunity.csv"), java.util.Arrays.copyOf(whole, whole.length / 2));
        this.jdbc.update("update archive_snapshot set verified_at = null where id = ?", written);
        target(setup, "alter table deals_away rename to deals");
        this.mvc.perform(post("/api/v1/runs/" + run + "/resume").with(setup.auth())).andExpect(status().isOk());
        String done = setup.await(this.mvc, run, "COMPLETED");
        assertThat(counts(done, "Opportunity")).containsEntry("archived", CLOSED_LOST);
        List<Map<String, Object>> again = archives(run);
        assertThat(again).hasSize(1);
        long rewritten = ((Number) again.get(0).get("id")).longValue();
        assertThat(rewritten).isNotEqualTo(written);
        assertThat(again.get(0).get("verified_at")).isNotNull();
        assertThat(again.get(0).get("records")).isEqualTo((long) CLOSED_LOST);
        assertThat(folder).doesNotExist();
        Path rewrittenFile = Path.of((String) again.get(0).get("folder")).resolve("Opportunity.csv");
        assertThat(Files.readAllBytes(rewrittenFile)).isEqualTo(whole);
        String ledger = api(setup, "/api/v1/runs/" + run + "/ledger?outcome=ARCHIVED&size=1000");
        assertThat((List<?>) JsonPath.read(ledger, "$.entries")).hasSize(CLOSED_LOST);
        List<String> reasons = JsonPath.read(ledger, "$.entries[*].reason");
        assertThat(reasons).containsOnly("archived by scope v1 into archive " + rewritten + " (Opportunity.csv)");
        assertThat(api(setup, "/api/v1/projects/" + setup.project() + "/archives"))
            .doesNotContain("\"id\":" + written + ",");
    }

    /**
     * Saves the latest scope version with a rule archiving the closed-lost opportunities.
     */
    static void archiveClosedLost(MockMvc mvc, Mashmatrix setup) throws Exception {
        saveScope(mvc, setup, """
                [{"object":"Account","decision":"MIGRATE"},
                 {"object":"Contact","decision":"MIGRATE"},
                 {"object":"Opportunity","decision":"MIGRATE","rules":[{"decision":"ARCHIVE","match":"ALL",
                   "conditions":[{"field":"StageName","operator":"EQUALS","value":"Closed Lost"}]}]}]""");
    }

    /**
     * Saves the scope's lines on its latest version (a draft changes in place; another
     * version gets a new draft).
     * @return the scope as saved
     */
    static String saveScope(MockMvc mvc, Mashmatrix setup, String lines) throws Exception {
        String base = "/api/v1/projects/" + setup.project() + "/scope";
        String latest = mvc.perform(get(base).with(setup.auth())).andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(latest, "$.version");
        return mvc
            .perform(put(base).with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + ",\"lines\":" + lines + "}"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private List<Map<String, Object>> archives(long run) {
        return this.jdbc.queryForList(
                "select id, folder, records, verified_at from archive_snapshot where run_id = ? order by id", run);
    }

    private void awaitFailed(Mashmatrix setup, long run, String reason) throws Exception {
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(90))
            .until(() -> "FAILED".equals(JsonPath.read(api(setup, "/api/v1/runs/" + run), "$.status")));
        assertThat((String) JsonPath.read(api(setup, "/api/v1/runs/" + run), "$.message")).contains(reason);
    }

    private static void target(Mashmatrix setup, String statement) throws Exception {
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            sql.execute(statement);
        }
    }

    private String api(Mashmatrix setup, String url) throws Exception {
        return this.mvc.perform(get(url).with(setup.auth()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor login(Mashmatrix setup) {
        return this.fixtures.login(setup.analyst());
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static List<CsvRecord> csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text.substring(1))) {
            return new ArrayList<>(reader.stream().toList());
        }
    }

}
