package dev.switchyard.connector.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads allowed values out of the database's own text: a PostgreSQL CHECK constraint such
 * as {@code CHECK ((stage = ANY (ARRAY['Prospecting'::text, 'Closed Won'::text])))} or a
 * MySQL column type such as {@code enum('Hot','Warm')}. Anything of another shape
 * (ranges, functions, several columns) gives no values.
 */
final class PicklistParser {

    private static final Pattern CAST = Pattern.compile(
            "::\\s*(?:\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_]*(?:\\s+[a-z_][a-z0-9_]*)*)(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])?");

    private static final String IDENTIFIER = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";

    private static final Pattern CHECK_LIST = Pattern
        .compile("CHECK " + IDENTIFIER + " (?:= ANY ARRAY\\[L(?:, L)*\\]|IN L(?:, L)*|= L)");

    private static final Pattern ENUM_TYPE = Pattern.compile("(?is)\\s*enum\\s*\\((.*)\\)\\s*");

    private PicklistParser() {
    }

    /**
     * @param definition what {@code pg_get_constraintdef} gives for a one-column CHECK
     * @return the allowed values in order, or empty when the constraint is not a list
     */
    static List<String> postgresCheck(String definition) {
        List<String> values = new ArrayList<>();
        String skeleton = literals(definition, values);
        if (skeleton == null) {
            return List.of();
        }
        skeleton = CAST.matcher(skeleton).replaceAll("");
        skeleton = skeleton.replaceAll("[()]", " ").replaceAll("\\s+", " ").replace("[ ", "[").replace(" ]", "]");
        skeleton = skeleton.replace(" ,", ",").trim();
        return (!values.isEmpty() && CHECK_LIST.matcher(skeleton).matches()) ? List.copyOf(values) : List.of();
    }

    /**
     * @param columnType a MySQL or MariaDB {@code COLUMN_TYPE}, e.g.
     * {@code enum('a','b')}
     * @return the values in order, or empty when it is not an enum
     */
    static List<String> mysqlEnum(String columnType) {
        var matcher = ENUM_TYPE.matcher((columnType != null) ? columnType : "");
        if (!matcher.matches()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        String skeleton = literals(matcher.group(1).replace("\\'", "''"), values);
        return (skeleton != null && skeleton.matches("\\s*L(?:\\s*,\\s*L)*\\s*")) ? List.copyOf(values) : List.of();
    }

    /**
     * Replaces each single-quoted literal by {@code L}, collecting its value.
     * @param text the text
     * @param values receives the literals' values
     * @return the text with literals replaced, or null when a quote is unbalanced
     */
    private static String literals(String text, List<String> values) {
        StringBuilder skeleton = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\'') {
                skeleton.append(c);
                i++;
                continue;
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (true) {
                if (i >= text.length()) {
                    return null;
                }
                if (text.charAt(i) == '\'') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                value.append(text.charAt(i++));
            }
            values.add(value.toString());
            skeleton.append('L');
        }
        return skeleton.toString();
    }

}
