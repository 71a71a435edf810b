package dev.switchyard.connector.xlsx;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.RecordingSink;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;
import dev.switchyard.connector.SourceRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxConnectorTests {

    private final XlsxConnectorProvider provider = new XlsxConnectorProvider();

    @TempDir
    Path folder;

    @Test
    void describesEverySheetAsAnObjectWithItsHeaderAndIdColumn() throws Exception {
        MashmatrixWorkbook.write(this.folder.resolve("Sales.xlsx"), "Account", "Opportunity");
        try (SourceConnector connector = open(Map.of())) {
            SchemaSnapshot schema = connector.describe();
            assertThat(schema.problems()).isEmpty();
            assertThat(schema.objects()).extracting(ObjectSchema::name).containsExactly("Account", "Opportunity");
            ObjectSchema opportunity = schema.object("opportunity").orElseThrow();
            assertThat(opportunity.idField()).isEqualTo("Id");
            assertThat(opportunity.origin()).isEqualTo("Sales.xlsx!Opportunity");
            assertThat(opportunity.fields()).hasSize(41);
            assertThat(opportunity.fields().get(11).name()).isEqualTo("CloseDate");
        }
    }

    @Test
    void extractsRealAccountsWithMultiLineTextIntact() throws Exception {
        MashmatrixWorkbook.write(this.folder.resolve("Sales.xlsx"), "Account", "Opportunity");
        List<NamedCsvRecord> csv = MashmatrixWorkbook.csv("Account");
        RecordingSink sink = extract("Account", Map.of());
        assertThat(sink.problems()).isEmpty();
        assertThat(sink.records()).hasSize(83);
        Map<String, SourceRecord> byId = sink.byId();
        long multiLine = csv.stream().filter((row) -> row.getField("Description").contains("\n")).count();
        assertThat(multiLine).isEqualTo(40);
        for (NamedCsvRecord row : csv) {
            SourceRecord record = byId.get(row.getField("Id"));
            assertThat(record.object()).isEqualTo("Account");
            assertThat(record.values()).containsEntry("Name", row.getField("Name"));
            String description = row.getField("Description");
            assertThat(record.values().get("Description")).isEqualTo(description.isEmpty() ? null : description);
        }
        assertThat(sink.records().get(16).location()).isEqualTo("Sales.xlsx!Account:18");
    }

    @Test
    void extractsRealOpportunitiesWithTypedDatesAndNumbers() throws Exception {
        MashmatrixWorkbook.write(this.folder.resolve("Sales.xlsx"), "Account", "Opportunity");
        RecordingSink sink = extract("Opportunity", Map.of());
        assertThat(sink.problems()).isEmpty();
        assertThat(sink.records()).hasSize(774);
        Map<String, SourceRecord> byId = sink.byId();
        for (NamedCsvRecord row : MashmatrixWorkbook.csv("Opportunity")) {
            Map<String, Object> values = byId.get(row.getField("Id")).values();
            assertThat(values.get("CloseDate")).isEqualTo(LocalDate.parse(row.getField("CloseDate")));
            assertThat(values.get("Amount")).isEqualTo(Long.valueOf(row.getField("Amount")));
            assertThat(values.get("Probability")).isInstanceOf(Long.class);
            Object expected = values.get("ExpectedRevenue");
            assertThat(new BigDecimal(SheetHeader.text(expected)))
                .isEqualByComparingTo(new BigDecimal(row.getField("ExpectedRevenue")));
            assertThat(values.get("AccountId")).isEqualTo(row.getField("AccountId"));
            assertThat(values.get("IsDeleted")).isNull();
        }
        Map<String, Object> noisy = byId.values()
            .stream()
            .filter((record) -> "1475.3000000000002".equals(SheetHeader.text(record.values().get("ExpectedRevenue"))))
            .findFirst()
            .orElseThrow()
            .values();
        assertThat(noisy.get("ExpectedRevenue")).isEqualTo(new BigDecimal("1475.3000000000002"));
    }

    @Test
    void readsBooleansAndDateTimesAsTypedValues() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle stamp = workbook.createCellStyle();
            stamp.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Row row = rows(workbook.createSheet("Task"), List.of("id", "Done", "Due"), List.of("T1"))[1];
            row.createCell(1).setCellValue(true);
            row.createCell(2).setCellValue(LocalDateTime.of(2024, 3, 1, 10, 15, 30));
            row.getCell(2).setCellStyle(stamp);
            save(workbook, "Tasks.xlsx");
        }
        SourceRecord task = extract("Task", Map.of()).records().get(0);
        assertThat(task.id()).isEqualTo("T1");
        assertThat(task.values()).containsEntry("Done", true)
            .containsEntry("Due", LocalDateTime.of(2024, 3, 1, 10, 15, 30));
    }

    @Test
    void reportsASheetWithoutIdColumnAndStillReadsTheOthers() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            rows(workbook.createSheet("Notes"), List.of("Title", "Body"), List.of("a", "b"));
            rows(workbook.createSheet("Lead"), List.of("Id", "Company"), List.of("L1", "Acme"));
            save(workbook, "Leads.xlsx");
        }
        try (SourceConnector connector = open(Map.of())) {
            SchemaSnapshot schema = connector.describe();
            assertThat(schema.object("Notes").orElseThrow().idField()).isNull();
            assertThat(schema.problems()).singleElement()
                .satisfies((problem) -> assertThat(problem.object()).isEqualTo("Notes"))
                .satisfies((problem) -> assertThat(problem.location()).isEqualTo("Leads.xlsx!Notes"));
            RecordingSink notes = new RecordingSink();
            connector.extract("Notes", ExtractWindow.full(), notes);
            assertThat(notes.records()).isEmpty();
            assertThat(notes.problems()).extracting(ExtractionProblem::message)
                .singleElement()
                .asString()
                .contains("no id column");
            RecordingSink leads = new RecordingSink();
            connector.extract("Lead", ExtractWindow.full(), leads);
            assertThat(leads.records()).extracting(SourceRecord::id).containsExactly("L1");
        }
    }

    @Test
    void reportsBlankIdsRaggedRowsAndRepeatedIdsWithSheetAndRow() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            rows(workbook.createSheet("Account"), List.of("Name", "Id"), List.of("Acme", "A1"), List.of("Nobody"),
                    List.of("Globex", "A2", "extra"), List.of("Acme again", "A1"), List.of("Initech", "A3"));
            save(workbook, "Accounts.xlsx");
        }
        RecordingSink sink = extract("Account", Map.of());
        assertThat(sink.records()).extracting(SourceRecord::id).containsExactly("A1", "A3");
        assertThat(sink.problems()).extracting(ExtractionProblem::location)
            .containsExactly("Accounts.xlsx!Account:3", "Accounts.xlsx!Account:4", "Accounts.xlsx!Account:5");
        assertThat(sink.problems().get(0).message()).contains("no id");
        assertThat(sink.problems().get(1).message()).contains("ragged").contains("C4");
        assertThat(sink.problems().get(1).rawValue()).isEqualTo("extra");
        assertThat(sink.problems().get(2).message()).contains("Accounts.xlsx!Account:2");
    }

    @Test
    void usesTheConfiguredIdFieldAndReportsSheetNamesUsedTwice() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            rows(workbook.createSheet("Contact"), List.of("Id", "Email"), List.of("C1", "a@example.com"));
            save(workbook, "A.xlsx");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            rows(workbook.createSheet("Contact"), List.of("Id", "Email"), List.of("C9", "z@example.com"));
            save(workbook, "B.xlsx");
        }
        RecordingSink sink = extract("Contact", Map.of("Contact", "Email"));
        assertThat(sink.records()).extracting(SourceRecord::id).containsExactly("a@example.com");
        assertThat(sink.problems()).singleElement()
            .satisfies((problem) -> assertThat(problem.location()).isEqualTo("B.xlsx!Contact"))
            .satisfies((problem) -> assertThat(problem.message()).contains("A.xlsx!Contact"));
    }

    @Test
    void providesTheXlsxType() {
        assertThat(this.provider.type()).isEqualTo(ConnectorType.XLSX);
    }

    private SourceConnector open(Map<String, String> idFields) {
        return this.provider.open(new ConnectionSettings(ConnectorType.XLSX, this.folder, Map.of(), null, idFields));
    }

    private RecordingSink extract(String object, Map<String, String> idFields) {
        RecordingSink sink = new RecordingSink();
        try (SourceConnector connector = open(idFields)) {
            connector.extract(object, ExtractWindow.full(), sink);
        }
        return sink;
    }

    @SafeVarargs
    private static Row[] rows(Sheet sheet, List<String>... rows) {
        Row[] created = new Row[rows.length];
        for (int r = 0; r < rows.length; r++) {
            created[r] = sheet.createRow(r);
            for (int c = 0; c < rows[r].size(); c++) {
                created[r].createCell(c).setCellValue(rows[r].get(c));
            }
        }
        return created;
    }

    private void save(XSSFWorkbook workbook, String name) throws Exception {
        try (OutputStream out = Files.newOutputStream(this.folder.resolve(name))) {
            workbook.write(out);
        }
    }

}
