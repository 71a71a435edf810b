package dev.switchyard.run;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.salesforce.MashmatrixOrg;
import dev.switchyard.support.salesforce.SalesforceStubOrg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A full migration of the bundled Salesforce export into a stub org that follows the
 * published contract, through the connections API, the mapping API and a run: every
 * record upserted on the external id {@code Legacy_Id__c}, every reference rebuilt from
 * the cross-reference, the ledger balanced, the validation reading every record back from
 * the org passing; then the org's limit is reached mid-run, the run waits for its API
 * budget keeping its place, and goes on by itself once the budget is reset, with no
 * duplicate in the org.
 */
@IntegrationTest
class SalesforceRunIntegrationTests {

    static SalesforceStubOrg stub;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @BeforeAll
    static void startOrg() {
        stub = SalesforceStubOrg.start();
        MashmatrixOrg.define(stub);
    }

    @AfterAll
    static void stopOrg() {
        stub.close();
    }

    @Test
    void theExportMigratesIntoTheOrgWithEveryReferenceRebuiltAndWaitsForTheBudgetWithoutLosingItsPlace()
            throws Exception {
        Mashmatrix source = Mashmatrix.sourceOnly(this.mvc, this.fixtures, "sfrun");
        RequestPostProcessor auth = source.auth();
        long projectId = source.project();

        // the org as the sandbox's target: its secret is never returned
        String connection = this.mvc
            .perform(post("/api/v1/projects/" + projectId + "/connections").with(auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"role": "target", "environment": "sandbox", "type": "salesforce", "settings": {
                          "loginUrl": "%s", "authFlow": "client-credentials", "clientId": "%s", "clientSecret": "%s",
                          "apiBudgetPercent": 100}}""".formatted(stub.url(), stub.clientId(), stub.clientSecret())))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(connection).doesNotContain(stub.clientSecret());
        assertThat((String) JsonPath.read(connection, "$.name")).startsWith("sandbox target: Salesforce at 127.0.0.1");
        assertThat((List<String>) JsonPath.read(connection, "$.found.objects[*].name")).contains("Account", "Contact",
                "Opportunity");

        // the mapping: suggestions, the external id as the match key, the source id
        // written into it
        String base = "/api/v1/projects/" + projectId + "/mapping";
        String suggested = this.mvc.perform(post(base + "/suggest").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        DocumentContext mapping = JsonPath.parse(JsonPath.parse(suggested).read("$.mapping", Object.class));
        // the export holds no users: owners are left to the org's default (the
        // integration user); its phone
        // numbers are not all valid for their billing country: kept as given, trimmed
        List<Map<String, Object>> objects = mapping.read("$.objects");
        for (Map<String, Object> object : objects) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> fields = (List<Map<String, Object>>) object.get("fields");
            fields.removeIf((f) -> "OwnerId".equals(f.get("target")));
            for (Map<String, Object> field : fields) {
                if (String.valueOf(field.get("transforms")).contains("phone-e164")) {
                    field.put("sources", List.of(field.get("target")));
                    field.put("transforms", List.of(Map.of("type", "trim", "collapseSpaces", true)));
                }
            }
        }
        String saved = this.mvc
            .perform(put(base).with(auth).contentType(MediaType.APPLICATION_JSON).content(mapping.jsonString()))
            .andReturn()
            .getResponse()
            .getContentAsString();

        // the suggestions made the external id the match key of every object
        assertThat((List<String>) JsonPath.read(saved, "$.objects[*].matchKey")).containsOnly("Legacy_Id__c");

        // the budget estimate before the run
        String estimate = this.mvc.perform(get("/api/v1/projects/" + projectId + "/runs/budget-estimate").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((Integer) JsonPath.read(estimate, "$[0].records")).isEqualTo(990);
        assertThat((Integer) JsonPath.read(estimate, "$[0].calls")).isPositive();
        assertThat((Boolean) JsonPath.read(estimate, "$[0].exceeds")).isFalse();

        String run = this.mvc
            .perform(post("/api/v1/projects/" + projectId + "/runs").with(auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"environment\": \"sandbox\", \"mode\": \"full\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        long runId = ((Number) JsonPath.read(run, "$.id")).longValue();
        String done = awaitStatus(runId, "COMPLETED");
        assertThat((Boolean) JsonPath.read(done, "$.balanced")).isTrue();
        assertThat((List<Integer>) JsonPath.read(done, "$.objects[*].quarantined")).containsOnly(0);
        Map<String, String> accounts = byLegacyId("Account");
        Map<String, String> contacts = byLegacyId("Contact");
        Map<String, String> opportunities = byLegacyId("Opportunity");
        assertThat(accounts).hasSize(MashmatrixOrg.rows("Account").size());
        assertThat(contacts).hasSize(MashmatrixOrg.rows("Contact").size());
        assertThat(opportunities).hasSize(MashmatrixOrg.rows("Opportunity").size());
        // every reference rebuilt from the cross-reference: contact → account,
        // reports-to, opportunity → account
        int references = 0;
        for (Map<String, String> row : MashmatrixOrg.rows("Contact")) {
            Map<String, Object> contact = stub.records("Contact").get(contacts.get(row.get("Id")));
            references += assertReference(contact, "AccountId", row.get("AccountId"), accounts);
            references += assertReference(contact, "ReportsToId", row.get("ReportsToId"), contacts);
        }
        for (Map<String, String> row : MashmatrixOrg.rows("Opportunity")) {
            Map<String, Object> opportunity = stub.records("Opportunity").get(opportunities.get(row.get("Id")));
            references += assertReference(opportunity, "AccountId", row.get("AccountId"), accounts);
        }
        assertThat(references).isGreaterThan(800);

        // the run validated against the org: every record read back by id and compared
        String validation = dev.switchyard.support.Validations.validate(this.mvc, auth, runId, null);
        assertThat((String) JsonPath.read(validation, "$.status")).isEqualTo("COMPLETED");
        assertThat((String) JsonPath.read(validation, "$.verdict")).isEqualTo("PASS");
        assertThat((Integer) JsonPath.read(validation, "$.processed")).isEqualTo(990);

        // a second run meets the org's daily limit after a few calls: it waits for the
        // budget keeping its place,
        // and goes on by itself when the limit is reset, creating no duplicate
        long max = stub.usage().max();
        stub.budget(max - 3, max);
        String rerun = this.mvc
            .perform(post("/api/v1/projects/" + projectId + "/runs").with(auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"environment\": \"sandbox\", \"mode\": \"full\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        long second = ((Number) JsonPath.read(rerun, "$.id")).longValue();
        String waiting = awaitStatus(second, "WAITING_FOR_BUDGET");
        assertThat((String) JsonPath.read(waiting, "$.budget.reason")).contains("limit");
        assertThat((String) JsonPath.read(waiting, "$.budget.nextCheck")).isNotNull();
        int processedWhenWaiting = JsonPath.read(waiting, "$.objects[0].processed");
        stub.resetBudget();
        String resumed = awaitStatus(second, "COMPLETED");
        assertThat((Boolean) JsonPath.read(resumed, "$.balanced")).isTrue();
        assertThat((List<Integer>) JsonPath.read(resumed, "$.objects[*].created")).containsOnly(0);
        assertThat((Integer) JsonPath.read(resumed, "$.objects[0].processed"))
            .isGreaterThanOrEqualTo(processedWhenWaiting);
        assertThat(byLegacyId("Account")).hasSize(accounts.size());
        assertThat(byLegacyId("Contact")).hasSize(contacts.size());
        assertThat(byLegacyId("Opportunity")).hasSize(opportunities.size());
        String log = this.mvc.perform(get("/api/v1/runs/" + second + "/log").with(auth))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(log).contains("Waiting for the API budget after the last committed chunk", "The API budget is back");
    }

    private static Map<String, String> byLegacyId(String object) {
        Map<String, String> ids = new java.util.HashMap<>();
        stub.records(object).forEach((id, record) -> {
            String previous = ids.put(String.valueOf(record.get("Legacy_Id__c")), id);
            assertThat(previous).as("%s %s is in the org twice", object, record.get("Legacy_Id__c")).isNull();
        });
        return ids;
    }

    private static int assertReference(Map<String, Object> record, String field, String sourceParent,
            Map<String, String> parents) {
        if (sourceParent == null || sourceParent.isEmpty() || !parents.containsKey(sourceParent)) {
            return 0;
        }
        assertThat(record.get(field)).as("%s %s", record.get("Legacy_Id__c"), field)
            .isEqualTo(parents.get(sourceParent));
        return 1;
    }

    private String awaitStatus(long runId, String wanted) throws Exception {
        String[] last = new String[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() -> {
            last[0] = this.mvc.perform(get("/api/v1/runs/" + runId).with(httpBasic("admin", "admin-secret-for-tests")))
                .andReturn()
                .getResponse()
                .getContentAsString();
            String status = JsonPath.read(last[0], "$.status");
            return wanted.equals(status) || "FAILED".equals(status) || "PAUSED".equals(status);
        });
        return last[0];
    }

}
