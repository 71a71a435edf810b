package dev.switchyard.scope.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.connector.FieldType;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.project.Project;
import dev.switchyard.scope.Decision;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Record rules counted on the mashmatrix Salesforce export, staged by a real extraction.
 * <p>
 * The expected figures were counted by hand from
 * {@code src/test/resources/data/sf-export-mashmatrix/*.csv} with python3's {@code csv}
 * module ({@code encoding='utf-8-sig'}, {@code csv.DictReader}), independently of this
 * code: 83 accounts, 133 contacts, 774 opportunities, none with {@code IsDeleted} set.
 * {@code IsClosed} is {@code 1} on 679 opportunities and blank on 95; every account has
 * at least one opportunity; 6 accounts have no contact; no contact has a blank email.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeCounterIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DictionaryStore dictionaries;

    @Autowired
    ScopeCounter counter;

    @Autowired
    JdbcTemplate jdbc;

    private long snapshotId;

    private List<DictionaryObject> dictionary;

    @BeforeAll
    void extractTheMashmatrixExport() throws Exception {
        AppUser analyst = this.fixtures.user("scoper");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        byte[] zip = TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv", "Opportunity.csv");
        this.mvc
            .perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
                .file(new MockMultipartFile("file", "mashmatrix.zip", "application/zip", zip))
                .param("role", "source")
                .param("type", "csv")
                .with(auth))
            .andExpect(status().isCreated());
        Map<String, Object> extraction = ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        assertThat(extraction.get("status")).isIn("COMPLETED", "COMPLETED_WITH_ERRORS");
        this.snapshotId = ((Number) JsonPath.read(extraction, "$.id")).longValue();
        this.dictionary = this.dictionaries.forSnapshot(this.snapshotId);
        assertThat(types("Opportunity")).as("the types the rules below are typed by")
            .containsEntry("IsClosed", FieldType.BOOLEAN)
            .containsEntry("CloseDate", FieldType.DATE)
            .containsEntry("Amount", FieldType.INTEGER)
            .containsEntry("StageName", FieldType.PICKLIST);
    }

    @Test
    void archivesOpportunitiesClosedBefore2019() {
        // python3: IsClosed in ('1', 'true') and CloseDate < '2019-01-01' -> 549 of 774
        List<RecordRule> rules = List
            .of(new RecordRule(Decision.ARCHIVE, Match.ALL, List.of(Condition.of("IsClosed", Operator.IS_TRUE, null),
                    Condition.of("CloseDate", Operator.LESS_THAN, "2019-01-01"))));
        assertThat(count("Opportunity", Decision.MIGRATE, rules))
            .isEqualTo(Map.of(Decision.MIGRATE, 225L, Decision.ARCHIVE, 549L, Decision.EXCLUDE, 0L));
        CompiledRule archived = RuleCompiler.recordsDecided(Decision.ARCHIVE, Decision.MIGRATE, rules,
                types("Opportunity"));
        List<Object> params = new ArrayList<>(archived.params());
        params.add(this.snapshotId);
        assertThat(this.jdbc.queryForObject(
                "select count(*) from staged_record s where " + archived.sql()
                        + " and s.snapshot_id = ? and s.object = 'Opportunity' and not s.deleted",
                Long.class, params.toArray()))
            .as("the archive writer's predicate selects the same records")
            .isEqualTo(549L);
        // python3: IsClosed blank on 95 (the export writes an unchecked box blank)
        List<RecordRule> open = List.of(new RecordRule(Decision.MIGRATE, Match.ALL,
                List.of(Condition.of("IsClosed", Operator.IS_FALSE, null))));
        assertThat(count("Opportunity", Decision.ARCHIVE, open))
            .isEqualTo(Map.of(Decision.MIGRATE, 95L, Decision.ARCHIVE, 679L, Decision.EXCLUDE, 0L));
    }

    @Test
    void archivesAccountsWithoutRelatedRecords() {
        // python3: Account Ids not among Opportunity.AccountId -> 0 (every account has
        // one);
        // not among Contact.AccountId -> 6
        List<RecordRule> noOpportunity = List.of(new RecordRule(Decision.ARCHIVE, Match.ALL,
                List.of(Condition.hasNoRelated("Opportunity", "AccountId"))));
        assertThat(count("Account", Decision.MIGRATE, noOpportunity))
            .isEqualTo(Map.of(Decision.MIGRATE, 83L, Decision.ARCHIVE, 0L, Decision.EXCLUDE, 0L));
        List<RecordRule> noContact = List
            .of(new RecordRule(Decision.ARCHIVE, Match.ALL, List.of(Condition.hasNoRelated("Contact", "AccountId"))));
        assertThat(count("Account", Decision.MIGRATE, noContact))
            .isEqualTo(Map.of(Decision.MIGRATE, 77L, Decision.ARCHIVE, 6L, Decision.EXCLUDE, 0L));
        List<RecordRule> withContact = List
            .of(new RecordRule(Decision.MIGRATE, Match.ALL, List.of(Condition.hasRelated("Contact", "AccountId"))));
        assertThat(count("Account", Decision.EXCLUDE, withContact))
            .isEqualTo(Map.of(Decision.MIGRATE, 77L, Decision.ARCHIVE, 0L, Decision.EXCLUDE, 6L));
    }

    @Test
    void excludesContactsWithoutEmailOrInAnyReportingLine() {
        // python3: Email.strip() == '' -> 0 of 133
        List<RecordRule> noEmail = List
            .of(new RecordRule(Decision.EXCLUDE, Match.ALL, List.of(Condition.of("Email", Operator.IS_BLANK, null))));
        assertThat(count("Contact", Decision.MIGRATE, noEmail))
            .isEqualTo(Map.of(Decision.MIGRATE, 133L, Decision.ARCHIVE, 0L, Decision.EXCLUDE, 0L));
        // python3: ReportsToId blank (103) and Id not among any ReportsToId -> 89
        List<RecordRule> alone = List.of(new RecordRule(Decision.EXCLUDE, Match.ALL,
                List.of(Condition.of("ReportsToId", Operator.IS_BLANK, null),
                        Condition.hasNoRelated("Contact", "ReportsToId"))));
        assertThat(count("Contact", Decision.MIGRATE, alone))
            .isEqualTo(Map.of(Decision.MIGRATE, 44L, Decision.ARCHIVE, 0L, Decision.EXCLUDE, 89L));
    }

    @Test
    void excludesOpportunitiesMatchingAnyCondition() {
        // python3: StageName 'Closed Lost' (39) or float(Amount) < 15000 (262) -> 285
        List<RecordRule> rules = List.of(new RecordRule(Decision.EXCLUDE, Match.ANY,
                List.of(Condition.of("StageName", Operator.EQUALS, "closed lost"),
                        Condition.of("Amount", Operator.LESS_THAN, "15000"))));
        assertThat(count("Opportunity", Decision.MIGRATE, rules))
            .isEqualTo(Map.of(Decision.MIGRATE, 489L, Decision.ARCHIVE, 0L, Decision.EXCLUDE, 285L));
    }

    @Test
    void letsTheFirstMatchingRuleDecide() {
        // python3: Type in (Old Customer 19, Partner 12) -> 31 archived; of the rest,
        // Type
        // Partner or Id not among Contact.AccountId -> 3 (alone, the second rule would
        // match 17)
        List<RecordRule> rules = List.of(
                new RecordRule(Decision.ARCHIVE, Match.ALL,
                        List.of(Condition.of("Type", Operator.IN, "Old Customer; PARTNER"))),
                new RecordRule(Decision.EXCLUDE, Match.ANY, List.of(Condition.of("Type", Operator.EQUALS, "Partner"),
                        Condition.hasNoRelated("Contact", "AccountId"))));
        assertThat(count("Account", Decision.MIGRATE, rules))
            .isEqualTo(Map.of(Decision.MIGRATE, 49L, Decision.ARCHIVE, 31L, Decision.EXCLUDE, 3L));
        assertThat(count("Account", Decision.MIGRATE, List.of(rules.get(1))))
            .isEqualTo(Map.of(Decision.MIGRATE, 66L, Decision.ARCHIVE, 0L, Decision.EXCLUDE, 17L));
        assertThat(RuleValidator.validate("Account", rules, this.dictionary)).isEmpty();
    }

    @Test
    void flagsARuleOnAFieldTheSnapshotDoesNotHave() {
        List<RecordRule> rules = List
            .of(new RecordRule(Decision.ARCHIVE, Match.ALL, List.of(Condition.of("isclosed", Operator.IS_TRUE, null),
                    Condition.of("CloseDate", Operator.LESS_THAN, "31/12/2018"))));
        assertThat(RuleValidator.validate("Opportunity", rules, this.dictionary)).extracting(RuleProblem::message)
            .containsExactly(
                    "Rule 1, condition 1: the field isclosed no longer exists in Opportunity (did you mean IsClosed?)",
                    "Rule 1, condition 2: '31/12/2018' is not a date (yyyy-mm-dd) for the DATE field CloseDate");
    }

    private Map<Decision, Long> count(String object, Decision defaultDecision, List<RecordRule> rules) {
        return this.counter.count(this.snapshotId, object, defaultDecision, rules, types(object));
    }

    private Map<String, FieldType> types(String object) {
        return RuleCompiler.types(this.dictionary.stream()
            .filter((o) -> o.name().equals(object))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + object + " in the dictionary")));
    }

}
