package dev.switchyard.mapping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.switchyard.mapping.transform.TransformJson;
import dev.switchyard.system.InvalidInputException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Decisions that a source field is not migrated on purpose travel with the mapping: the
 * JSON document and the workbook's "Not migrated" sheet give them back unchanged, files
 * made before they existed still read, and a bad row is refused naming sheet, row and
 * column.
 */
class NotMigratedTransferTests {

    private final JsonMapper json = TransformJson.mapper();

    private final MappingTransfer transfer = new MappingTransfer(null, new MappingWorkbook(this.json), this.json, null);

    static MappingDocument withDecisions() {
        MappingDocument rich = RichMappingDocument.create();
        List<ObjectMapping> objects = new ArrayList<>();
        for (ObjectMapping object : rich.objects()) {
            if (object.is("Account", "companies")) {
                object = object.withNotMigrated(List.of(new NotMigrated("Fax", "Nobody has faxed since 2009"),
                        new NotMigrated("Jigsaw", "=Data.com was retired; +1 -1 @all"),
                        new NotMigrated("Description", "Free text ü 😀;\nsecond line\twith a tab")));
            }
            else if (object.is("Lead", "Person")) {
                object = object.withNotMigrated(List.of(new NotMigrated("Rating", "Lead scoring is redone")));
            }
            objects.add(object);
        }
        return rich.withObjects(objects);
    }

    @Test
    void decisionsSurviveTheJsonRoundTrip() {
        MappingDocument document = withDecisions();
        byte[] exported = this.transfer.json(document);
        assertThat(new String(exported, StandardCharsets.UTF_8)).contains("\"notMigrated\" : [ {",
                "\"field\" : \"Fax\"", "\"reason\" : \"Nobody has faxed since 2009\"");
        MappingDocument read = this.transfer.read(exported);
        assertThat(read).isEqualTo(document);
        assertThat(read.object("Account", "companies").orElseThrow().notMigrated("fax"))
            .contains(new NotMigrated("Fax", "Nobody has faxed since 2009"));
    }

    @Test
    void decisionsSurviveTheWorkbookRoundTrip() throws IOException {
        MappingDocument document = withDecisions();
        byte[] file = this.transfer.xlsx(document);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheet("Not migrated");
            assertThat(row(sheet, 0)).containsExactly("Source object", "Target object", "Source field", "Reason");
            assertThat(row(sheet, 1)).containsExactly("Account", "companies", "Fax", "Nobody has faxed since 2009");
            assertThat(row(sheet, 4)).containsExactly("Lead", "Person", "Rating", "Lead scoring is redone");
            // after the object mappings' sheets, before the settings
            assertThat(book.getSheetIndex("Not migrated")).isEqualTo(book.getSheetIndex("Settings") - 1);
        }
        MappingDocument read = this.transfer.read(file);
        assertThat(read).isEqualTo(document);
        assertThat(this.transfer.read(this.transfer.xlsx(read))).isEqualTo(document);
    }

    @Test
    void documentsWithoutDecisionsReadAndWriteAsBefore() throws IOException {
        MappingDocument rich = RichMappingDocument.create();
        assertThat(new String(this.transfer.json(rich), StandardCharsets.UTF_8)).doesNotContain("notMigrated");
        String old = """
                {"version": 2, "objects": [{"source": "Account", "target": "companies", "matchKey": "source_id",
                  "fields": [{"target": "source_id", "sources": ["Id"]}]}]}""";
        MappingDocument read = this.transfer.read(old.getBytes(StandardCharsets.UTF_8));
        assertThat(read.objects().get(0).notMigrated()).isEmpty();
        // a workbook exported before the sheet existed
        byte[] withoutSheet = edit(this.transfer.xlsx(withDecisions()),
                (book) -> book.removeSheetAt(book.getSheetIndex("Not migrated")));
        assertThat(this.transfer.read(withoutSheet)).isEqualTo(rich);
    }

    @Test
    void rowsAddedInTheSpreadsheetAreRead() throws IOException {
        byte[] file = edit(this.transfer.xlsx(RichMappingDocument.create()), (book) -> {
            Sheet sheet = book.getSheet("Not migrated");
            set(sheet, 1, "account", "COMPANIES", " Fax ", " Not in the new CRM ");
            set(sheet, 3, "Contact", "Person", "AssistantName", "Assistants are not tracked");
        });
        MappingDocument read = this.transfer.read(file);
        assertThat(read.object("Account", "companies").orElseThrow().notMigrated())
            .containsExactly(new NotMigrated("Fax", "Not in the new CRM"));
        assertThat(read.object("Contact", "Person").orElseThrow().notMigrated())
            .containsExactly(new NotMigrated("AssistantName", "Assistants are not tracked"));
    }

    @Test
    void badRowsAreRefusedNamingSheetRowAndColumn() throws IOException {
        byte[] file = this.transfer.xlsx(RichMappingDocument.create());
        assertThat(
                error(edit(file, (book) -> set(book.getSheet("Not migrated"), 1, "Account", "companies", "Fax", ""))))
            .isEqualTo("Sheet 'Not migrated', row 2, column Reason: give the reason why Fax is not migrated "
                    + "(or delete the row to migrate it)");
        assertThat(error(edit(file,
                (book) -> set(book.getSheet("Not migrated"), 1, "Account", "", "Fax", "Not in the new CRM"))))
            .isEqualTo("Sheet 'Not migrated', row 2, column Target object: give the target object");
        assertThat(error(edit(file,
                (book) -> set(book.getSheet("Not migrated"), 1, "Account", "people", "Fax", "Not in the new CRM"))))
            .isEqualTo("Sheet 'Not migrated', row 2, column Source object: there is no row for Account → people "
                    + "on sheet 'Objects'");
        assertThat(error(edit(file, (book) -> {
            set(book.getSheet("Not migrated"), 1, "Account", "companies", "Fax", "Not in the new CRM");
            set(book.getSheet("Not migrated"), 2, "Account", "companies", "FAX", "Twice");
        }))).isEqualTo("Sheet 'Not migrated', row 3, column Source field: FAX of Account → companies is already on "
                + "row 2: list it once");
        assertThat(error(edit(file,
                (book) -> set(book.getSheet("Not migrated"), 1, "Account", "companies", "Fax",
                        "x".repeat(NotMigrated.MAX_REASON + 1)))))
            .isEqualTo("Sheet 'Not migrated', row 2, column Reason: the reason is longer than 2000 characters");
        assertThat(
                error(edit(file,
                        (book) -> set(book.getSheet("Not migrated"), 0, "Source object", "Target object",
                                "Source field", "Why"))))
            .isEqualTo("Sheet 'Not migrated', row 1: the header row has no column 'Reason'");
    }

    @Test
    void aSaveRefusesDecisionsWithoutFieldOrReasonOrTwice() {
        assertThat(normaliseError(new NotMigrated("Fax", " ")))
            .isEqualTo("Account → companies: give the reason why source field Fax is not migrated");
        assertThat(normaliseError(new NotMigrated(null, "why")))
            .isEqualTo("Account → companies: a not-migrated decision names no source field");
        assertThat(normaliseError(new NotMigrated("Fax", "a"), new NotMigrated(" fax ", "b")))
            .isEqualTo("Account → companies: source field fax is decided twice");
        assertThat(normaliseError(new NotMigrated("Fax", "x".repeat(NotMigrated.MAX_REASON + 1))))
            .isEqualTo("Account → companies: the reason for not migrating Fax is longer than 2000 characters");
        MappingDocument fine = MappingService.normalise(document(new NotMigrated(" Fax ", " Not needed\n")));
        assertThat(fine.objects().get(0).notMigrated()).containsExactly(new NotMigrated("Fax", "Not needed"));
    }

    @Test
    void theVersionSummaryNamesChangedDecisions() {
        MappingDocument before = document();
        MappingDocument after = document(new NotMigrated("Fax", "Not needed"));
        assertThat(MappingDiff.summary(before, after))
            .isEqualTo("Account → companies: source fields not migrated on purpose changed");
        assertThat(MappingDiff.summary(after, after)).isEqualTo("no change");
    }

    private static MappingDocument document(NotMigrated... decisions) {
        return new MappingDocument(1,
                List.of(new ObjectMapping("Account", "companies", null, null,
                        List.of(new FieldMapping("name", List.of("Name"), List.of(), null)), List.of(decisions))),
                List.of(), List.of());
    }

    private static String normaliseError(NotMigrated... decisions) {
        try {
            MappingService.normalise(document(decisions));
        }
        catch (InvalidInputException ex) {
            return ex.getMessage();
        }
        throw new AssertionError("The document was accepted");
    }

    private String error(byte[] file) {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.transfer.read(file));
        try {
            this.transfer.read(file);
            return null;
        }
        catch (InvalidInputException ex) {
            return ex.getMessage();
        }
    }

    private static List<String> row(Sheet sheet, int r) {
        List<String> cells = new ArrayList<>();
        sheet.getRow(r).forEach((c) -> cells.add(c.getStringCellValue()));
        return cells;
    }

    private static void set(Sheet sheet, int r, String... values) {
        Row row = (sheet.getRow(r) != null) ? sheet.getRow(r) : sheet.createRow(r);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private static byte[] edit(byte[] file, Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            change.accept(book);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

}
