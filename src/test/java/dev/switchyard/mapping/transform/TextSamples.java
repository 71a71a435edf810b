package dev.switchyard.mapping.transform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real records from {@code src/test/resources/data} (see the PROVENANCE.md files) for the
 * text transform tests.
 */
final class TextSamples {

    private static final Path DATA = Path.of("src/test/resources/data");

    private TextSamples() {
    }

    /**
     * @param object Account, Contact or Opportunity
     * @return the rows of the mashmatrix export (UTF-8 with a BOM)
     */
    static List<Map<String, Object>> mashmatrix(String object) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
            .detectBomHeader(true)
            .ofNamedCsvRecord(DATA.resolve("sf-export-mashmatrix").resolve(object + ".csv"), StandardCharsets.UTF_8)) {
            for (NamedCsvRecord record : reader) {
                Map<String, Object> values = new LinkedHashMap<>();
                List<String> header = record.getHeader();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), record.getField(i));
                }
                rows.add(values);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return rows;
    }

    /**
     * @param file a path below the data folder of an sObject-tree JSON file
     * @return its records' text fields (attributes left out)
     */
    static List<Map<String, Object>> sObjectTree(String file) {
        JsonNode tree = JsonMapper.shared().readTree(DATA.resolve(file).toFile());
        List<Map<String, Object>> records = new ArrayList<>();
        for (JsonNode record : tree.get("records")) {
            Map<String, Object> values = new LinkedHashMap<>();
            record.properties().forEach((entry) -> {
                if (!entry.getKey().equals("attributes")) {
                    values.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asString());
                }
            });
            records.add(values);
        }
        return records;
    }

    static Map<String, Object> byId(List<Map<String, Object>> rows, String id) {
        return rows.stream().filter((row) -> id.equals(row.get("Id"))).findFirst().orElseThrow();
    }

    static TransformContext context(Map<String, Object> record, String targetField, Integer targetLength) {
        Object id = record.getOrDefault("Id", record.get("External_Id__c"));
        return new TransformContext(String.valueOf(id), record, targetField, targetLength);
    }

}
