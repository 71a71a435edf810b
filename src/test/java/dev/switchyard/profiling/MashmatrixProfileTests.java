package dev.switchyard.profiling;

import java.util.List;

import dev.switchyard.connector.FieldType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Profiles of the real mashmatrix Salesforce export.
 */
class MashmatrixProfileTests {

    private static final ObjectProfile ACCOUNT = Mashmatrix.profile("Account");

    private static final ObjectProfile CONTACT = Mashmatrix.profile("Contact");

    private static final ObjectProfile OPPORTUNITY = Mashmatrix.profile("Opportunity");

    @Test
    void countsAccountRecordsFillRatesAndDistinctValues() {
        assertThat(ACCOUNT.recordCount()).isEqualTo(83);
        assertThat(ACCOUNT.fields()).hasSize(66);
        FieldProfile name = ACCOUNT.field("Name");
        assertThat(name.count()).isEqualTo(83);
        assertThat(name.nonBlankCount()).isEqualTo(83);
        assertThat(name.fillRate()).isEqualTo(1.0);
        assertThat(name.distinctCount()).isEqualTo(82);
        assertThat(name.distinctEstimated()).isFalse();
        assertThat(name.requiredInferred()).isTrue();
        assertThat(name.uniqueInferred()).isFalse();
        assertThat(name.topValues().get(0)).isEqualTo(new ValueCount("Nissan Motors", 2));
        FieldProfile city = ACCOUNT.field("BillingCity");
        assertThat(city.nonBlankCount()).isEqualTo(82);
        assertThat(city.fillRate()).isEqualTo(82 / 83.0);
        assertThat(city.distinctCount()).isEqualTo(68);
        assertThat(city.requiredInferred()).isFalse();
        FieldProfile industry = ACCOUNT.field("Industry");
        assertThat(industry.nonBlankCount()).isEqualTo(82);
        assertThat(industry.distinctCount()).isEqualTo(38);
        FieldProfile ticker = ACCOUNT.field("TickerSymbol");
        assertThat(ticker.nonBlankCount()).isEqualTo(47);
        assertThat(ticker.fillRate()).isEqualTo(47 / 83.0);
        FieldProfile deleted = ACCOUNT.field("IsDeleted");
        assertThat(deleted.nonBlankCount()).isZero();
        assertThat(deleted.fillRate()).isZero();
        assertThat(deleted.lengths().empty()).isEqualTo(83);
    }

    @Test
    void treatsTheIdAsARequiredUniqueIdWithTheAccountKeyPrefix() {
        FieldProfile id = ACCOUNT.field("Id");
        assertThat(id.inferredType()).isEqualTo(FieldType.ID);
        assertThat(id.idLike()).isTrue();
        assertThat(id.idPrefix()).isEqualTo("001");
        assertThat(id.requiredInferred()).isTrue();
        assertThat(id.uniqueInferred()).isTrue();
        assertThat(id.distinctCount()).isEqualTo(83);
        FieldProfile accountId = CONTACT.field("AccountId");
        assertThat(accountId.inferredType()).isEqualTo(FieldType.ID);
        assertThat(accountId.idPrefix()).isEqualTo("001");
        assertThat(accountId.uniqueInferred()).isFalse();
        assertThat(CONTACT.field("ReportsToId").idPrefix()).isEqualTo("003");
    }

    @Test
    void findsTheMixedPhoneFormatsOfAccountsAndTheSingleFormatOfContacts() {
        FieldProfile phone = ACCOUNT.field("Phone");
        assertThat(phone.inferredType()).isEqualTo(FieldType.PHONE);
        assertThat(phone.formats().phoneShapes()).extracting(FormatCount::format, FormatCount::count)
            .containsExactlyInAnyOrder(tuple("(999) 999-9999", 66L), tuple("9-999-999-9999", 7L),
                    tuple("+99 9 9999 9999", 6L), tuple("999-999-9999", 1L), tuple("+99 9999 9999", 1L),
                    tuple("+99 999 99 9999", 1L), tuple("+99 9999 999999", 1L));
        assertThat(phone.formats().phoneShapes().get(0).format()).isEqualTo("(999) 999-9999");
        FieldProfile contactPhone = CONTACT.field("Phone");
        assertThat(contactPhone.inferredType()).isEqualTo(FieldType.PHONE);
        assertThat(contactPhone.formats().phoneShapes()).extracting(FormatCount::format, FormatCount::count)
            .containsExactly(tuple("9-999-999-9999", 133L));
        List<Finding> accountFindings = Findings.of(ACCOUNT, List.of());
        assertThat(accountFindings).filteredOn((f) -> f.kind() == Finding.Kind.INCONSISTENT_FORMAT)
            .extracting(Finding::field)
            .contains("Phone", "Fax");
        assertThat(Findings.of(CONTACT, List.of())).noneMatch((f) -> f.kind() == Finding.Kind.INCONSISTENT_FORMAT);
    }

    @Test
    void findsTheBillingZipCodesThatLostTheirLeadingZeros() {
        Issue lost = ACCOUNT.field("BillingPostalCode").issue(FieldIssue.LOST_LEADING_ZEROS);
        assertThat(lost.count()).isEqualTo(10);
        assertThat(lost.examples()).extracting(Example::recordId, Example::value)
            .containsExactly(tuple("001f4000003NkdVAAS", "6850"), tuple("001f4000003NkdaAAC", "5403"),
                    tuple("001f4000003NkdeAAC", "6828"), tuple("001f4000003Nkd1AAC", "1748"),
                    tuple("001f4000003Nkd2AAC", "7094"));
        assertThat(CONTACT.field("MailingPostalCode").issue(FieldIssue.LOST_LEADING_ZEROS).count()).isZero();
        assertThat(Findings.of(ACCOUNT, List.of())).filteredOn((f) -> f.kind() == Finding.Kind.LOST_LEADING_ZEROS)
            .singleElement()
            .satisfies((f) -> {
                assertThat(f.field()).isEqualTo("BillingPostalCode");
                assertThat(f.count()).isEqualTo(10);
                assertThat(f.examples()).hasSize(5);
            });
    }

    @Test
    void infersBooleanForCheckboxesExportedAsOneOrBlank() {
        assertThat(OPPORTUNITY.field("IsClosed").inferredType()).isEqualTo(FieldType.BOOLEAN);
        assertThat(OPPORTUNITY.field("IsClosed").nonBlankCount()).isEqualTo(679);
        assertThat(OPPORTUNITY.field("IsWon").inferredType()).isEqualTo(FieldType.BOOLEAN);
        assertThat(OPPORTUNITY.field("HasOpenActivity").inferredType()).isEqualTo(FieldType.BOOLEAN);
    }

    @Test
    void infersPicklistsForFewRepeatedValues() {
        FieldProfile type = ACCOUNT.field("Type");
        assertThat(type.inferredType()).isEqualTo(FieldType.PICKLIST);
        assertThat(type.distinctCount()).isEqualTo(6);
        assertThat(type.topValues()).startsWith(new ValueCount("Customer", 30));
        assertThat(OPPORTUNITY.field("StageName").inferredType()).isEqualTo(FieldType.PICKLIST);
        assertThat(ACCOUNT.field("Ownership").inferredType()).isEqualTo(FieldType.PICKLIST);
        assertThat(ACCOUNT.field("Industry").inferredType()).isEqualTo(FieldType.TEXT);
        assertThat(OPPORTUNITY.field("Description").inferredType()).isEqualTo(FieldType.TEXT);
    }

    @Test
    void infersDatesDatetimesAndNumbersWithTheirRanges() {
        FieldProfile created = ACCOUNT.field("CreatedDate");
        assertThat(created.inferredType()).isEqualTo(FieldType.DATETIME);
        assertThat(created.min()).isEqualTo("2017-08-04T09:09:21.000+0000");
        assertThat(created.max()).isEqualTo("2017-10-10T08:38:20.000+0000");
        assertThat(created.formatCount(DateScan.ISO_DATETIME_ZONED)).isEqualTo(83);
        FieldProfile close = OPPORTUNITY.field("CloseDate");
        assertThat(close.inferredType()).isEqualTo(FieldType.DATE);
        assertThat(close.min()).isEqualTo("2018-01-07");
        assertThat(close.max()).isEqualTo("2024-10-14");
        assertThat(close.formats().dateFormats()).extracting(FormatCount::format).containsExactly("yyyy-MM-dd");
        FieldProfile expected = OPPORTUNITY.field("ExpectedRevenue");
        assertThat(expected.inferredType()).isEqualTo(FieldType.DECIMAL);
        assertThat(expected.max()).isEqualTo("200000");
        FieldProfile amount = OPPORTUNITY.field("Amount");
        assertThat(amount.inferredType()).as("whole amounts only in this export").isEqualTo(FieldType.INTEGER);
        assertThat(amount.min()).isEqualTo("5000");
        assertThat(amount.max()).isEqualTo("2000000");
        assertThat(ACCOUNT.field("Website").inferredType()).isEqualTo(FieldType.URL);
        assertThat(CONTACT.field("Email").inferredType()).isEqualTo(FieldType.EMAIL);
        assertThat(CONTACT.field("Email").formats().validEmails()).isEqualTo(133);
    }

    @Test
    void detectsLineBreaksInAccountDescriptions() {
        FieldProfile description = ACCOUNT.field("Description");
        Issue breaks = description.issue(FieldIssue.LINE_BREAKS);
        assertThat(breaks.count()).isEqualTo(40);
        assertThat(breaks.examples()).extracting(Example::recordId)
            .containsExactly("001f4000003NkdRAAS", "001f4000003NkdSAAS", "001f4000003NkdWAAS", "001f4000003NkdXAAS",
                    "001f4000003NkdYAAS");
        assertThat(description.inferredType()).isEqualTo(FieldType.TEXT);
        assertThat(description.lengths().maxLength()).isEqualTo(3713);
        assertThat(Findings.of(ACCOUNT, List.of())).anyMatch((f) -> f.kind() == Finding.Kind.EMBEDDED_LINE_BREAKS
                && f.field().equals("Description") && f.count() == 40);
    }

    @Test
    void keepsTheDistributionOfACategoryField() {
        ObjectProfiler profiler = new ObjectProfiler("Account", "Id", "Type");
        Mashmatrix.rows("Account").forEach(profiler::accept);
        assertThat(profiler.result().categories()).containsExactly(new ValueCount("Customer", 30),
                new ValueCount("Customer Candidate", 19), new ValueCount("Old Customer", 19),
                new ValueCount("Partner", 12), new ValueCount("Customer - Direct", 2), new ValueCount("Prospect", 1));
    }

}
