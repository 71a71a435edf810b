package dev.switchyard.mapping;

import java.nio.charset.StandardCharsets;

import dev.switchyard.mapping.transform.TransformJson;
import dev.switchyard.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The JSON export and import of a mapping document, and telling a JSON file from a
 * workbook.
 */
class MappingExportJsonTests {

    private final JsonMapper json = TransformJson.mapper();

    private final MappingTransfer transfer = new MappingTransfer(null, new MappingWorkbook(this.json), this.json, null);

    @Test
    void exportThenImportGivesTheSameDocument() {
        MappingDocument document = RichMappingDocument.create();
        byte[] exported = this.transfer.json(document);
        String text = new String(exported, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n").contains("\n  \"objects\" : [");
        MappingDocument read = this.transfer.read(exported);
        assertThat(read).isEqualTo(document);
        assertThat(this.transfer.json(read)).isEqualTo(exported);
    }

    @Test
    void aJsonFileIsToldFromAWorkbookByItsContent() {
        MappingDocument document = RichMappingDocument.create();
        assertThat(this.transfer.read(this.transfer.xlsx(document))).isEqualTo(document);
        byte[] withBom = ("\uFEFF \n" + new String(this.transfer.json(document), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
        assertThat(this.transfer.read(withBom)).isEqualTo(document);
    }

    @Test
    void aBadJsonFileSaysWhatAndWhere() {
        String document = """
                {"version": 3, "objects": [{"source": "Account", "target": "companies",
                  "fields": [{"target": "name", "sources": ["Name"], "transforms": [{"type": "trimm"}]}]}]}
                """;
        assertThat(error(document)).isEqualTo("The JSON file is not a mapping document: unknown transform type "
                + "'trimm' (did you mean 'trim'?) (at objects[0].fields[0].transforms[0], line 2, column 78)");
        assertThat(error("{\"version\": 3, \"objects\": [}")).startsWith("The JSON file is not a mapping document: ")
            .contains("line 1, column 28");
        assertThat(error("{\"objects\": [{\"source\": \"A\", \"target\": \"b\", \"fields\": [{\"target\": \"x\", "
                + "\"transforms\": [{\"type\": \"regex-replace\", \"pattern\": \"(\"}]}]}]}"))
            .contains("Invalid regular expression '('");
        assertThat(error("   ")).isEqualTo("The file is neither an XLSX workbook nor a JSON mapping document: "
                + "export a mapping to see what an import takes");
        assertThat(error("[{\"source\": \"Account\"}]")).startsWith("The file is neither an XLSX workbook");
        assertThat(error("")).isEqualTo("The file is empty");
    }

    @Test
    void theVersionParameterIsAWholeNumber() {
        assertThat(MappingTransfer.readVersion(" 4 ")).isEqualTo(4);
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> MappingTransfer.readVersion(null))
            .withMessageStartingWith("Give the version of the mapping you read");
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> MappingTransfer.readVersion("v4"))
            .withMessage("The version is a whole number, not 'v4'");
    }

    @Test
    void fileNamesAreMadeFromTheProjectName() {
        assertThat(MappingTransfer.slug("Acme → NewCRM (2025)")).isEqualTo("acme-newcrm-2025");
        assertThat(MappingTransfer.slug("Müller & Söhne")).isEqualTo("müller-söhne");
        assertThat(MappingTransfer.slug("***")).isEqualTo("project");
        assertThat(MappingTransfer.slug("x".repeat(100))).hasSize(60);
    }

    @Test
    void theImportMessageWarnsWhenTheFileIsOlderThanTheVersionItReplaces() {
        MappingVersion saved = new MappingVersion(8, MappingDocument.empty(), "ana", null, null);
        assertThat(new MappingTransfer.Imported(saved, "m.xlsx", 7).message())
            .isEqualTo("Imported m.xlsx as version 8.");
        assertThat(new MappingTransfer.Imported(saved, "m.xlsx", null).message())
            .isEqualTo("Imported m.xlsx as version 8.");
        assertThat(new MappingTransfer.Imported(saved, "m.xlsx", 6).message()).isEqualTo(
                "Imported m.xlsx as version 8. The file was exported from version 6, so it undoes what version 7 "
                        + "changed (still in the history).");
        assertThat(new MappingTransfer.Imported(saved, "m.xlsx", 3).message())
            .endsWith("undoes what versions 4–7 " + "changed (still in the history).");
    }

    private String error(String file) {
        try {
            this.transfer.read(file.getBytes(StandardCharsets.UTF_8));
        }
        catch (InvalidInputException ex) {
            return ex.getMessage();
        }
        throw new AssertionError("The file was read");
    }

}
