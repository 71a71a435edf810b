package dev.switchyard.connector.xlsx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.NulCharacters;
import org.apache.poi.ss.util.CellReference;

/**
 * A sheet's first row: the field names by column, and the id field chosen among them.
 *
 * @param names the field names by 0-based column, in column order
 * @param idField the id field: the one configured for the object, else a header named
 * {@code Id} (any case); null when there is none
 * @param problems what is wrong with the header (a repeated name), one message each
 */
record SheetHeader(Map<Integer, String> names, String idField, List<String> problems) {

    /**
     * @param row the first row
     * @param configuredId the id field configured for the object, or null
     * @return the header
     */
    static SheetHeader of(SheetRow row, String configuredId) {
        Map<Integer, String> names = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        row.cells().forEach((column, value) -> {
            String raw = text(value);
            String name = NulCharacters.strip(raw).trim();
            if (NulCharacters.in(raw)) {
                problems.add("header " + CellReference.convertNumToColString(column) + row.number()
                        + ": NUL characters removed from the name '" + name + "' (PostgreSQL cannot store them)");
            }
            if (names.containsValue(name)) {
                problems.add("header " + CellReference.convertNumToColString(column) + row.number() + " repeats '"
                        + name + "'; that column is ignored");
            }
            else if (!name.isEmpty()) {
                names.put(column, name);
            }
        });
        return new SheetHeader(names, idField(names, configuredId), problems);
    }

    private static String idField(Map<Integer, String> names, String configuredId) {
        if (configuredId != null) {
            return names.containsValue(configuredId) ? configuredId : null;
        }
        return names.values()
            .stream()
            .filter("Id"::equals)
            .findFirst()
            .orElse(names.values().stream().filter("id"::equalsIgnoreCase).findFirst().orElse(null));
    }

    /**
     * @param value a typed cell value
     * @return it as text, numbers without exponent
     */
    static String text(Object value) {
        return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : String.valueOf(value);
    }

}
