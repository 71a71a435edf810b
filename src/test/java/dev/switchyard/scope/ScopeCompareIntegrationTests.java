package dev.switchyard.scope;

import java.util.List;
import java.util.Map;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TestFiles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Comparing two scope versions shows what a stakeholder approves: the record rules added,
 * removed and changed on each line, and per object how many records of the latest
 * extraction move between migrate, archive and exclude. The expected counts were
 * hand-counted from the mashmatrix export with python's csv module: 1 account of type
 * Prospect, 19 of type Old Customer, 133 contacts, 549 opportunities closed before 2019
 * of which 247 before 2018-07-01.
 */
@IntegrationTest
class ScopeCompareIntegrationTests {

    static final String V1 = """
            {"version":1,"lines":[
              {"object":"Account","decision":"MIGRATE","rules":[{"decision":"EXCLUDE","conditions":[
                {"field":"Type","operator":"EQUALS","value":"Prospect"}]}]},
              {"object":"Contact","decision":"MIGRATE","rules":[{"decision":"EXCLUDE","conditions":[
                {"field":"Title","operator":"IS_BLANK"}]}]},
              {"object":"Opportunity","decision":"MIGRATE","rules":[{"decision":"ARCHIVE","conditions":[
                {"field":"IsClosed","operator":"IS_TRUE"},
                {"field":"CloseDate","operator":"LESS_THAN","value":"2019-01-01"}]}]}]}""";

    static final String V2 = """
            {"version":1,"lines":[
              {"object":"Account","decision":"MIGRATE","rules":[{"decision":"EXCLUDE","conditions":[
                {"field":"Type","operator":"EQUALS","value":"Old Customer"}]}]},
              {"object":"Contact","decision":"EXCLUDE","rationale":"Contacts are re-imported from the mailing tool"},
              {"object":"Opportunity","decision":"MIGRATE","rules":[
                {"decision":"EXCLUDE","conditions":[
                  {"field":"IsClosed","operator":"IS_TRUE"},
                  {"field":"CloseDate","operator":"LESS_THAN","value":"2018-07-01"}]},
                {"decision":"ARCHIVE","conditions":[
                  {"field":"IsClosed","operator":"IS_TRUE"},
                  {"field":"CloseDate","operator":"LESS_THAN","value":"2019-01-01"}]}]}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ScopeService scopes;

    @Autowired
    ScopeMoves moves;

    @Test
    void comparisonCountsTheRecordsThatMoveAndListsTheRuleChanges() throws Exception {
        AppUser analyst = this.fixtures.user("compare");
        Project project = this.fixtures.project(analyst.getUsername());
        extracted(this.mvc, project, analyst);
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        String base = "/api/v1/projects/" + project.getId() + "/scope";
        this.mvc.perform(put(base).with(auth).contentType(MediaType.APPLICATION_JSON).content(V1))
            .andExpect(status().isOk());
        this.mvc.perform(post(base + "/submit").with(auth)).andExpect(status().isOk());
        this.mvc.perform(put(base).with(auth).contentType(MediaType.APPLICATION_JSON).content(V2))
            .andExpect(status().isOk());

        List<ScopeMoves.ObjectMoves> objects = this.fixtures.as(analyst.getUsername(), () -> this.moves
            .compare(this.scopes.version(project.getId(), 1), this.scopes.version(project.getId(), 2)));
        assertThat(objects).extracting(ScopeMoves.ObjectMoves::object)
            .containsExactly("Account", "Contact", "Opportunity");
        ScopeMoves.ObjectMoves accounts = objects.get(0);
        assertThat(accounts.moves()).containsExactly(new ScopeMoves.Move(Decision.MIGRATE, Decision.EXCLUDE, 19),
                new ScopeMoves.Move(Decision.EXCLUDE, Decision.MIGRATE, 1));
        assertThat(accounts.before())
            .isEqualTo(Map.of(Decision.MIGRATE, 82L, Decision.ARCHIVE, 0L, Decision.EXCLUDE, 1L));
        assertThat(accounts.after())
            .isEqualTo(Map.of(Decision.MIGRATE, 64L, Decision.ARCHIVE, 0L, Decision.EXCLUDE, 19L));
        assertThat(objects.get(1).moves())
            .containsExactly(new ScopeMoves.Move(Decision.MIGRATE, Decision.EXCLUDE, 133));
        ScopeMoves.ObjectMoves deals = objects.get(2);
        assertThat(deals.moves()).containsExactly(new ScopeMoves.Move(Decision.ARCHIVE, Decision.EXCLUDE, 247));
        assertThat(deals.after())
            .isEqualTo(Map.of(Decision.MIGRATE, 225L, Decision.ARCHIVE, 302L, Decision.EXCLUDE, 247L));

        String page = this.mvc
            .perform(get("/projects/" + project.getId() + "/scope/compare").param("from", "1")
                .param("to", "2")
                .with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("19 Migrate → Exclude", "1 Exclude → Migrate", "133 Migrate → Exclude",
                "247 Archive → Exclude", "82 → 64", "549 → 302");
        assertThat(page).contains("changed: Type equals Prospect → EXCLUDE, now Type equals Old Customer → EXCLUDE",
                "removed: Title is blank → EXCLUDE",
                "added: IsClosed is true and CloseDate is less than 2018-07-01 → EXCLUDE");
    }

    /**
     * Uploads the mashmatrix export and extracts it: draft v1 exists.
     */
    static void extracted(MockMvc mvc, Project project, AppUser analyst) throws Exception {
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "export.zip", "application/zip",
                    TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv", "Opportunity.csv")))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        ExtractionSteps.extract(mvc, project.getId(), "full", auth);
    }

}
