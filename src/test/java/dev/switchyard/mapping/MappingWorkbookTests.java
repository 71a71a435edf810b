package dev.switchyard.mapping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.switchyard.mapping.transform.Constant;
import dev.switchyard.mapping.transform.MultiPicklistMap;
import dev.switchyard.mapping.transform.PicklistMap;
import dev.switchyard.mapping.transform.TransformJson;
import dev.switchyard.mapping.transform.Trim;
import dev.switchyard.system.InvalidInputException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The mapping workbook: a lossless round trip, a layout a spreadsheet accepts, picklist
 * values edited in the spreadsheet, and bad files refused with the sheet, row and column
 * of what is wrong.
 */
class MappingWorkbookTests {

    private final JsonMapper json = TransformJson.mapper();

    private final MappingWorkbook workbook = new MappingWorkbook(this.json);

    @Test
    void theRichDocumentUsesEveryTransformType() {
        assertThat(RichMappingDocument.types(RichMappingDocument.create()))
            .containsExactlyInAnyOrderElementsOf(TransformJson.TYPES.keySet());
    }

    @Test
    void exportThenImportGivesTheSameDocument() throws IOException {
        MappingDocument document = RichMappingDocument.create();
        MappingDocument read = this.workbook.read(write(document));
        assertThat(read).isEqualTo(document);
        // maps compare regardless of order: the JSON shows the order was kept too
        assertThat(this.json.writeValueAsString(read)).isEqualTo(this.json.writeValueAsString(document));
        // and once more, from what was read
        assertThat(this.workbook.read(write(read))).isEqualTo(document);
    }

    @Test
    void anEmptyDocumentRoundTrips() throws IOException {
        MappingDocument empty = MappingDocument.empty();
        assertThat(this.workbook.read(write(empty))).isEqualTo(empty);
        MappingDocument noVersion = new MappingDocument(null, List.of(), List.of(), List.of());
        assertThat(this.workbook.read(write(noVersion))).isEqualTo(noVersion);
    }

    @Test
    void theLayoutHasValidSheetNamesAndOnlyValueCells() throws IOException {
        MappingDocument document = RichMappingDocument.create();
        try (XSSFWorkbook book = open(write(document))) {
            Set<String> names = new HashSet<>();
            for (Sheet sheet : book) {
                String name = sheet.getSheetName();
                assertThat(name.length()).as(name).isLessThanOrEqualTo(31);
                assertThat(name).as(name).doesNotContainPattern("[\\[\\]:*?/\\\\]").doesNotStartWith("'");
                assertThat(names.add(name.toLowerCase(Locale.ROOT))).as(name).isTrue();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            assertThat(book.getSheetName(0)).isEqualTo("Objects");
            assertThat(book.getSheetName(1)).isEqualTo("Account → companies");
            assertThat(book.getSheet("Picklist sources")).isNotNull();
            assertThat(book.getSheet("Settings").getRow(0).getCell(1).getNumericCellValue()).isEqualTo(7);
            // two object sheets, one Objects row, two picklist sheets for deals.stage,
            // and
            // one each for industry, interests and hobbies
            assertThat(names).contains("weird_obj______ → 'quoted", "very_long_custom_object_name__c",
                    "very_long_custom_object_nam (2)", "picklist companies.industry", "picklist deals.stage",
                    "picklist deals.stage (2)", "picklist deals.interests", "picklist deals.hobbies");
            Sheet objects = book.getSheet("Objects");
            assertThat(text(objects, 1, 0)).isEqualTo("Account");
            assertThat(text(objects, 1, 3)).isEqualTo(
                    "Type does not equal =Other and Industry is one of Banking;Insurance and has related records "
                            + "of Opportunity (via Opportunity.AccountId)");
            assertThat(text(objects, 1, 4)).startsWith("{\"match\":\"ALL\",\"conditions\":[{");
            assertThat(objects.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(24);
            assertThat(text(objects, 3, 3)).isEqualTo("IsConverted is false");
            assertThat(text(objects, 2, 3)).isEqualTo("all records");
            // the sheet of a long name still says exactly whose it is
            Sheet longOne = book.getSheet("Very_Long_Custom_Object_Name__c");
            assertThat(text(longOne, 0, 0)).isEqualTo("Field mappings");
            assertThat(text(longOne, 1, 1)).isEqualTo("Very_Long_Custom_Object_Name__c");
            assertThat(text(longOne, 2, 1)).isEqualTo("another_very_long_target_name");
            Sheet account = book.getSheet("Account → companies");
            assertThat(text(account, 4, 3)).isEqualTo("Transforms");
            assertThat(text(account, 6, 0)).isEqualTo("name");
            assertThat(text(account, 6, 2)).isEqualTo(document.object("Account", "companies")
                .orElseThrow()
                .field("name")
                .orElseThrow()
                .chain()
                .describe());
            assertThat(text(account, 6, 3))
                .isEqualTo("[{\"type\":\"trim\",\"collapseSpaces\":true},{\"type\":\"change-case\",\"mode\":\"TITLE\"},"
                        + "{\"type\":\"truncate\",\"length\":80}]");
            // a picklist step keeps only its type in the JSON: the values are on its
            // sheet
            assertThat(text(account, 7, 3))
                .isEqualTo("[{\"type\":\"trim\",\"collapseSpaces\":false},{\"type\":\"picklist-map\"}]");
            assertThat(text(account, 7, 2)).contains("picklist map of 314 values ignoring case, otherwise 'Other '")
                .contains("step 2's values are on sheet 'Picklist companies.industry'");
            assertThat(text(account, 19, 1)).isEqualTo("Billing\\;Street; back\\\\slash; trailing\\\\");
            Sheet industry = book.getSheet("Picklist companies.industry");
            assertThat(text(industry, 0, 0)).isEqualTo("Picklist values");
            assertThat(text(industry, 3, 1)).isEqualTo("industry");
            assertThat(industry.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(text(industry, 5, 1)).isEqualTo("Other ");
            assertThat(text(industry, 6, 1)).isEqualTo("default");
            assertThat(industry.getRow(7).getCell(1).getBooleanCellValue()).isTrue();
            assertThat(text(industry, 9, 0)).isEqualTo("Source value");
            // text a spreadsheet would take for a formula once edited is prefixed
            assertThat(text(industry, 11, 0)).isEqualTo("'=Insurance");
            assertThat(industry.getRow(11).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(text(industry, 11, 1)).isEqualTo("'+Finance");
        }
    }

    @Test
    void formulaLikeTextIsPrefixedOnExportAndReadBackExactly() {
        for (String value : List.of("=HYPERLINK(\"http://x\")", "+1 415", "-5", "@SUM(A1)", "\tcmd", "'", "'quoted",
                "''=x", "'=x", "plain", "a=b", "")) {
            String written = MappingWorkbook.formulaPrefixed(value);
            if (!value.isEmpty() && "=+-@\t'".indexOf(value.charAt(0)) >= 0) {
                assertThat(written).isEqualTo("'" + value);
            }
            else {
                assertThat(written).isSameAs(value);
            }
            assertThat(MappingWorkbook.withoutFormulaPrefix(written)).isEqualTo(value);
        }
        // an apostrophe before anything else is the analyst's own
        assertThat(MappingWorkbook.withoutFormulaPrefix("'tis")).isEqualTo("'tis");
    }

    @Test
    void picklistValuesEditedInTheSpreadsheetReplaceTheStepsValues() throws IOException {
        MappingDocument document = RichMappingDocument.create();
        byte[] edited = edit(write(document), (book) -> {
            Sheet stage = book.getSheet("Picklist deals.stage");
            set(stage, 10, 1, "Won");
            // typed as a number and a boolean, the way a spreadsheet stores them
            Row added = stage.createRow(12);
            added.createCell(0).setCellValue(42);
            added.createCell(1).setCellValue(true);
            set(stage, 13, 0, "Negotiation");
            set(stage, 13, 1, "open");
            stage.getRow(5).createCell(1).setCellValue("Unknown");
            set(stage, 6, 1, "default");
            stage.getRow(7).getCell(1).setCellValue(true);
            // a value cleared on another sheet: the row is gone
            Sheet interests = book.getSheet("Picklist deals.interests");
            interests.removeRow(interests.getRow(11));
            set(interests, 6, 1, "refuse");
        });
        MappingDocument read = this.workbook.read(edited);
        ObjectMapping deals = read.object("Opportunity", "deals").orElseThrow();
        PicklistMap stage = (PicklistMap) deals.field("stage").orElseThrow().transforms().get(0);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Closed/Won", "Won");
        expected.put("Id. Decision Makers", "Id. Decision Makers");
        expected.put("42", "TRUE");
        expected.put("Negotiation", "open");
        assertThat(stage.values()).containsExactlyEntriesOf(expected);
        assertThat(stage.defaultValue()).isEqualTo("Unknown");
        assertThat(stage.caseInsensitive()).isTrue();
        // the chain's other steps are as they were
        assertThat(deals.field("stage").orElseThrow().transforms().subList(1, 3))
            .isEqualTo(document.object("Opportunity", "deals")
                .orElseThrow()
                .field("stage")
                .orElseThrow()
                .transforms()
                .subList(1, 3));
        MultiPicklistMap interests = (MultiPicklistMap) deals.field("interests").orElseThrow().transforms().get(0);
        assertThat(interests.values()).containsOnlyKeys("Golf", "a;b key", "Ski");
        assertThat(interests.defaultValue()).isNull();
    }

    @Test
    void aChangedChainAndNewFieldsAndObjectsAreRead() throws IOException {
        byte[] edited = edit(write(RichMappingDocument.create()), (book) -> {
            Sheet account = book.getSheet("Account → companies");
            Row row = account.createRow(account.getLastRowNum() + 2);
            row.createCell(0).setCellValue("new_field");
            row.createCell(1).setCellValue("A;B");
            row.createCell(3).setCellValue("[{\"type\":\"picklist-map\",\"values\":{\"x\":\"y\"}}]");
            row.createCell(4).setCellValue("  a note  ");
            Sheet objects = book.getSheet("Objects");
            Row object = objects.createRow(objects.getLastRowNum() + 1);
            object.createCell(0).setCellValue("Case");
            object.createCell(1).setCellValue("tickets");
            object.createCell(2).setCellValue("legacy_id");
            Sheet tickets = book.createSheet("my new sheet");
            tickets.createRow(0).createCell(0).setCellValue("Field mappings");
            Row source = tickets.createRow(1);
            source.createCell(0).setCellValue("Source object");
            source.createCell(1).setCellValue("case");
            Row target = tickets.createRow(2);
            target.createCell(0).setCellValue("Target object");
            target.createCell(1).setCellValue("Tickets");
            Row header = tickets.createRow(3);
            String[] names = { "Transforms", "Target field", "Source fields", "Note" };
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row field = tickets.createRow(4);
            field.createCell(0).setCellValue("{\"type\":\"constant\",\"value\":\"=1\"}");
            field.createCell(1).setCellValue("subject");
            // an analyst's own sheet is ignored
            book.createSheet("Notes").createRow(0).createCell(0).setCellValue("to do: ask about Case");
        });
        MappingDocument read = this.workbook.read(edited);
        FieldMapping added = read.object("Account", "companies").orElseThrow().field("new_field").orElseThrow();
        assertThat(added.sources()).containsExactly("A", "B");
        assertThat(added.transforms()).containsExactly(new PicklistMap(Map.of("x", "y"), null, false));
        assertThat(added.note()).isEqualTo("a note");
        ObjectMapping tickets = read.objects().get(read.objects().size() - 1);
        assertThat(tickets.source()).isEqualTo("Case");
        assertThat(tickets.matchKey()).isEqualTo("legacy_id");
        assertThat(tickets.fields())
            .containsExactly(new FieldMapping("subject", List.of(), List.of(new Constant("=1")), null));
    }

    @Test
    void anUnknownTransformTypeNamesTheSheetRowAndColumn() throws IOException {
        byte[] edited = edit(write(RichMappingDocument.create()), (book) -> set(book.getSheet("Account → companies"), 6,
                3, "[{\"type\":\"trimm\",\"collapseSpaces\":true}]"));
        assertThat(error(edited)).isEqualTo(
                "Sheet 'Account → companies', row 7, column Transforms: unknown transform type 'trimm' (did you mean 'trim'?)");
    }

    @Test
    void badTransformsAreRefusedWithTheirReason() throws IOException {
        assertThat(errorAfter((book) -> set(book.getSheet("Account → companies"), 6, 3, "[{\"type\":\"trim\"")))
            .startsWith("Sheet 'Account → companies', row 7, column Transforms: not valid JSON: ");
        assertThat(errorAfter((book) -> set(book.getSheet("Account → companies"), 6, 3,
                "[{\"type\":\"trim\"},{\"type\":\"truncate\",\"lenght\":3}]")))
            .startsWith("Sheet 'Account → companies', row 7, column Transforms: step 2: unknown property 'lenght'")
            .contains("length");
        assertThat(errorAfter((book) -> set(book.getSheet("Account → companies"), 6, 3,
                "[{\"type\":\"regex-replace\",\"pattern\":\"([0-9]\"}]")))
            .startsWith("Sheet 'Account → companies', row 7, column Transforms: Invalid regular expression '([0-9]'");
        assertThat(errorAfter((book) -> set(book.getSheet("Account → companies"), 6, 3, "[\"trim\"]")))
            .isEqualTo("Sheet 'Account → companies', row 7, column Transforms: the step is not a JSON object like "
                    + "{\"type\":\"trim\"}");
        assertThat(errorAfter((book) -> set(book.getSheet("Account → companies"), 6, 3, "[{\"length\":3}]")))
            .isEqualTo("Sheet 'Account → companies', row 7, column Transforms: the step has no \"type\" (e.g. "
                    + "{\"type\":\"trim\"})");
        assertThat(errorAfter((book) -> set(book.getSheet("Account → companies"), 6, 0, "industry")))
            .isEqualTo("Sheet 'Account → companies', row 8, column Target field: target field industry is already "
                    + "mapped on row 7");
        assertThat(errorAfter((book) -> set(book.getSheet("Objects"), 1, 4,
                "{\"match\":\"ALL\",\"conditions\":[{\"field\":\"Type\",\"operator\":\"EQUAL\"}]}")))
            .startsWith("Sheet 'Objects', row 2, column Filter JSON: not a filter: ")
            .contains("EQUAL");
    }

    @Test
    void badPicklistSheetsAreRefused() throws IOException {
        assertThat(errorAfter((book) -> set(book.getSheet("Picklist deals.stage (2)"), 11, 0, "closed won ")))
            .isEqualTo("Sheet 'Picklist deals.stage (2)', row 12, column Source value: 'closed won' is already "
                    + "mapped on row 11 (case is ignored)");
        assertThat(errorAfter((book) -> {
            Sheet stage = book.getSheet("Picklist deals.stage");
            stage.getRow(5).createCell(1).setCellValue("Other");
            set(stage, 6, 1, "refuse");
        })).isEqualTo("Sheet 'Picklist deals.stage', row 7, column B: unmapped values are refused here, yet a "
                + "default value is given: write 'default' to use it, or clear the default value");
        assertThat(errorAfter((book) -> set(book.getSheet("Picklist deals.stage"), 6, 1, "maybe")))
            .startsWith("Sheet 'Picklist deals.stage', row 7, column B: write 'refuse'");
        assertThat(errorAfter((book) -> book.getSheet("Picklist deals.stage").getRow(4).getCell(1).setCellValue(2)))
            .isEqualTo("Sheet 'Picklist deals.stage', row 5, column B: step 2 of the chain of stage is trim (sheet "
                    + "'Opportunity → deals', row 6, column Transforms), not picklist-map or multi-picklist-map");
        assertThat(errorAfter((book) -> book.getSheet("Picklist deals.stage").getRow(4).getCell(1).setCellValue(3)))
            .isEqualTo("Sheet 'Picklist deals.stage (2)', row 5, column B: the values of this step are already "
                    + "on sheet 'Picklist deals.stage'");
        assertThat(errorAfter((book) -> book.getSheet("Picklist deals.stage").getRow(4).getCell(1).setCellValue(1.5)))
            .startsWith("Sheet 'Picklist deals.stage', row 5, column B: give the step as a whole number");
        assertThat(errorAfter((book) -> set(book.getSheet("Picklist deals.stage"), 3, 1, "phase")))
            .isEqualTo("Sheet 'Picklist deals.stage', row 4, column B: sheet 'Opportunity → deals' maps no target "
                    + "field 'phase'");
        assertThat(errorAfter((book) -> set(book.getSheet("Picklist deals.interests"), 11, 1, "a;b")))
            .isEqualTo("Sheet 'Picklist deals.interests', row 12, column Target value: a value of a multi-select "
                    + "picklist may not contain ';'");
        assertThat(errorAfter((book) -> book.removeSheetAt(book.getSheetIndex("Picklist deals.interests"))))
            .isEqualTo("Sheet 'Opportunity → deals', row 7, column Transforms: multi-picklist-map has no values: its "
                    + "sheet of picklist values is missing (or give \"values\" in the JSON)");
    }

    @Test
    void sheetsAndRowsThatDoNotFitAreRefused() throws IOException {
        assertThat(errorAfter((book) -> book.removeSheetAt(book.getSheetIndex("Opportunity → deals"))))
            .startsWith("Sheet 'Objects', row 3, column Source object: Opportunity → deals has no sheet of field "
                    + "mappings")
            .contains("sheet 'Opportunity → deals' is not one");
        assertThat(errorAfter((book) -> set(book.getSheet("Objects"), 2, 1, "opportunities")))
            .startsWith("Sheet 'Objects', row 3, column Source object: Opportunity → opportunities has no sheet");
        assertThat(errorAfter((book) -> book.getSheet("Objects").removeRow(book.getSheet("Objects").getRow(8))))
            .isEqualTo("Sheet 'Task → activities', row 2, column B: there is no row for Task → activities on sheet "
                    + "'Objects': add one, or delete this sheet");
        assertThat(errorAfter((book) -> set(book.getSheet("Objects"), 3, 0, "contact")))
            .isEqualTo("Sheet 'Objects', row 5, column Source object: Contact → Person is already on row 4: list it "
                    + "once");
        assertThat(errorAfter((book) -> set(book.getSheet("Objects"), 1, 1, " ")))
            .isEqualTo("Sheet 'Objects', row 2, column Target object: give the target object");
        assertThat(errorAfter((book) -> set(book.getSheet("Objects"), 0, 4, "Filter (JSON)")))
            .isEqualTo("Sheet 'Objects', row 1: the header row has no column 'Filter JSON'");
        assertThat(errorAfter((book) -> set(book.getSheet("Picklist sources"), 2, 2, "")))
            .isEqualTo("Sheet 'Picklist sources', row 3, column Lookup table: give the lookup table");
        assertThat(errorAfter((book) -> set(book.getSheet("Settings"), 0, 1, "seven")))
            .isEqualTo("Sheet 'Settings', row 1, column B: the version is a whole number, not 'seven'");
        assertThat(errorAfter((book) -> book.removeSheetAt(book.getSheetIndex("Objects"))))
            .startsWith("The workbook has no sheet 'Objects'");
    }

    @Test
    void filesThatAreNoWorkbookOrTooLargeAreRefused() throws IOException {
        assertThat(error("not a workbook".getBytes())).isEqualTo("The file is not an XLSX workbook");
        assertThat(error(new byte[0])).isEqualTo("The file is empty");
        assertThat(error(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0 }))
            .startsWith("The file is an old-style (.xls) or password-protected workbook");
        assertThat(error(new byte[] { 'P', 'K', 3, 4, 0, 0, 0 })).startsWith("The file is not an XLSX workbook");
        byte[] huge = new byte[(int) MappingWorkbook.MAX_FILE_BYTES + 1];
        huge[0] = 'P';
        huge[1] = 'K';
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> this.workbook.read(new ByteArrayInputStream(huge)))
            .withMessage("The file is larger than 20 MB: a mapping file is far smaller");
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i <= MappingWorkbook.MAX_UNPACKED_BYTES / zeros.length; i++) {
                zip.write(zeros);
            }
        }
        assertThat(bomb.size()).isLessThan(1024 * 1024);
        assertThat(error(bomb.toByteArray()))
            .isEqualTo("The workbook unpacks to more than 100 MB: a mapping workbook is far smaller");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet("Objects");
            for (int r = 0; r <= MappingWorkbook.MAX_ROWS; r++) {
                sheet.createRow(r).createCell(0).setCellValue("x");
            }
            book.write(out);
        }
        assertThat(error(out.toByteArray()))
            .isEqualTo("Sheet 'Objects' has more than 100,000 rows: a mapping workbook has far fewer; is this the "
                    + "right file?");
    }

    @Test
    void valuesTooLongForACellAreNamedOnExport() {
        MappingDocument document = new MappingDocument(1,
                List.of(new ObjectMapping("Account", "companies", null, null, List
                    .of(new FieldMapping("name", List.of("Name"), List.of(new Trim(false)), "x".repeat(40_000))))),
                List.of(), List.of());
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> write(document))
            .withMessage("Account → companies, field name: the note is longer than a spreadsheet cell holds "
                    + "(32767 characters): export the mapping as JSON instead");
    }

    private byte[] write(MappingDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        this.workbook.write(document, out);
        return out.toByteArray();
    }

    private String error(byte[] file) {
        try {
            this.workbook.read(file);
        }
        catch (InvalidInputException ex) {
            assertThat(ex.getField()).isEqualTo("file");
            return ex.getMessage();
        }
        throw new AssertionError("The file was read");
    }

    private String errorAfter(Consumer<XSSFWorkbook> change) throws IOException {
        return error(edit(write(RichMappingDocument.create()), change));
    }

    private static byte[] edit(byte[] file, Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook book = open(file)) {
            change.accept(book);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static XSSFWorkbook open(byte[] file) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(file));
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        return (cell != null) ? cell.getStringCellValue() : null;
    }

    private static void set(Sheet sheet, int row, int column, String value) {
        Row r = (sheet.getRow(row) != null) ? sheet.getRow(row) : sheet.createRow(row);
        r.createCell(column).setCellValue(value);
    }

}
