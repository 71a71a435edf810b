package dev.switchyard.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's curated picklists against the bundled export and the demo CRM's schema.
 */
class DemoMappingTests {

    @Test
    void mapsEveryIndustryOfTheExportToOneOfTheTwelveIndustryCodes() throws IOException {
        String ddl = DemoTargetDatabase.ddl();
        String insert = ddl.substring(ddl.indexOf("insert into industries"));
        Matcher rows = Pattern.compile("\\('([^']+)', '[^']+'\\)").matcher(insert.substring(0, insert.indexOf(';')));
        Set<String> codes = new TreeSet<>();
        while (rows.find()) {
            codes.add(rows.group(1));
        }
        assertThat(codes).hasSize(12);
        Set<String> industries = distinct("Account.csv", "Industry");
        assertThat(industries).hasSize(38);
        assertThat(DemoMapping.INDUSTRIES).containsOnlyKeys(industries);
        assertThat(codes).containsAll(DemoMapping.INDUSTRIES.values());
        assertThat(DemoMapping.INDUSTRIES).containsEntry("Software", "Technology")
            .containsEntry("Semiconductors", "Technology")
            .containsEntry("Banking", "Finance")
            .containsEntry("Investment Banking", "Finance");
    }

    @Test
    void mapsEveryAccountTypeToATypeTheTargetAllows() throws IOException {
        assertThat(DemoMapping.ACCOUNT_TYPES).containsOnlyKeys(distinct("Account.csv", "Type"))
            .containsEntry("Old Customer", "former customer");
        assertThat(Set.of("prospect", "customer", "former customer", "partner"))
            .containsAll(DemoMapping.ACCOUNT_TYPES.values());
    }

    @Test
    void keepsEveryOpportunityTypeButCorrectsTheTypo() throws IOException {
        assertThat(DemoMapping.DEAL_TYPES).containsOnlyKeys(distinct("Opportunity.csv", "Type"))
            .containsEntry("Additional Lisence", "Additional License");
    }

    private static Set<String> distinct(String file, String column) throws IOException {
        Set<String> values = new TreeSet<>();
        try (InputStream in = DemoMappingTests.class.getResourceAsStream("/demo/source/" + file);
                CsvReader<CsvRecord> csv = CsvReader.builder()
                    .ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = null;
            for (CsvRecord row : csv) {
                List<String> fields = row.getFields();
                if (header == null) {
                    header = fields.stream().map((h) -> h.replace("\uFEFF", "")).toList();
                    continue;
                }
                String value = fields.get(header.indexOf(column)).strip();
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        return values;
    }

}
