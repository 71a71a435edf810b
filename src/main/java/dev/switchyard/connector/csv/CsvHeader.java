package dev.switchyard.connector.csv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.NulCharacters;

/**
 * A file's header row made usable: NUL characters are removed from names, blank names
 * become {@code Column_<n>}, repeated names become {@code Name_2}, {@code Name_3}, and
 * the id column is found.
 *
 * @param names the unique field names in file order
 * @param idIndex the id column's position, or -1 when there is none
 * @param problems what was wrong with the header (each naming file and line 1)
 */
record CsvHeader(List<String> names, int idIndex, List<ExtractionProblem> problems) {

    CsvHeader {
        names = List.copyOf(names);
        problems = List.copyOf(problems);
    }

    /**
     * @param object the object name
     * @param file the file name, for messages
     * @param raw the header fields as read
     * @param idField the id field chosen for this object, or null for the default
     * ({@code Id}, any case)
     * @return the header
     */
    static CsvHeader of(String object, String file, List<String> raw, String idField) {
        List<ExtractionProblem> problems = new ArrayList<>();
        String location = file + ":1";
        Set<String> taken = new HashSet<>();
        for (String name : raw) {
            taken.add(NulCharacters.strip(name).toLowerCase(Locale.ROOT));
        }
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (NulCharacters.in(name)) {
                name = NulCharacters.strip(name);
                problems.add(new ExtractionProblem(object, location, name,
                        "NUL characters removed from the name of column " + (i + 1) + " (PostgreSQL cannot store them)",
                        null));
            }
            String unique = name;
            if (name.isBlank()) {
                unique = free("Column_" + (i + 1), taken, used);
                problems.add(new ExtractionProblem(object, location, unique,
                        "Column " + (i + 1) + " has no name in the header; it is called " + unique, name));
            }
            else if (!used.add(name.toLowerCase(Locale.ROOT))) {
                unique = free(name, taken, used);
                problems.add(new ExtractionProblem(object, location, unique,
                        "The header names '" + name + "' more than once; column " + (i + 1) + " is called " + unique,
                        name));
            }
            names.add(unique);
        }
        int idIndex = idIndex(names, idField);
        if (idIndex < 0) {
            String message = (idField != null)
                    ? "The id field '" + idField + "' chosen for " + object + " is not a column of " + file
                    : file + " has no Id column: choose the column that identifies its records";
            problems.add(new ExtractionProblem(object, location, idField, message, null));
        }
        return new CsvHeader(names, idIndex, problems);
    }

    private static String free(String base, Set<String> taken, Set<String> used) {
        String candidate = base;
        for (int n = 2; taken.contains(candidate.toLowerCase(Locale.ROOT))
                || used.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + "_" + n;
        }
        used.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    private static int idIndex(List<String> names, String idField) {
        String wanted = (idField != null) ? idField : "Id";
        int index = names.indexOf(wanted);
        if (index < 0) {
            for (int i = 0; i < names.size() && index < 0; i++) {
                index = names.get(i).equalsIgnoreCase(wanted) ? i : -1;
            }
        }
        return index;
    }

    /**
     * @return the id field's name, or null
     */
    String idField() {
        return (this.idIndex >= 0) ? this.names.get(this.idIndex) : null;
    }

}
