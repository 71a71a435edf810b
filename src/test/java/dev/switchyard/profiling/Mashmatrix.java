package dev.switchyard.profiling;

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

/**
 * Reads the real Salesforce export in
 * {@code src/test/resources/data/sf-export-mashmatrix} (UTF-8 with a BOM, embedded
 * newlines in quoted fields).
 */
final class Mashmatrix {

    private static final Path DIRECTORY = Path.of("src/test/resources/data/sf-export-mashmatrix");

    private Mashmatrix() {
    }

    static List<Map<String, Object>> rows(String object) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
            .detectBomHeader(true)
            .ofNamedCsvRecord(DIRECTORY.resolve(object + ".csv"), StandardCharsets.UTF_8)) {
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

    static ObjectProfile profile(String object) {
        ObjectProfiler profiler = new ObjectProfiler(object);
        rows(object).forEach(profiler::accept);
        return profiler.result();
    }

}
