package dev.switchyard.staging;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes a record's values as a JSON object, fast and without a general-purpose mapper:
 * strings, numbers, booleans, dates (ISO text) and nulls. PostgreSQL's jsonb cannot hold
 * the NUL character, so NULs are removed and reported to the caller.
 */
final class JsonPayload {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonPayload() {
    }

    /**
     * Appends the JSON object for the values.
     * @param out where to write
     * @param values the record's values, in field order
     * @return the name of a field from which NUL characters were removed, or null
     */
    static String append(StringBuilder out, Map<String, Object> values) {
        String nulField = null;
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (appendString(out, entry.getKey())) {
                nulField = entry.getKey();
            }
            out.append(':');
            Object value = entry.getValue();
            if (value == null) {
                out.append("null");
            }
            else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
                out.append(value);
            }
            else if (value instanceof BigDecimal decimal) {
                out.append(decimal.toPlainString());
            }
            else if (value instanceof Double || value instanceof Float) {
                double number = ((Number) value).doubleValue();
                if (Double.isFinite(number)) {
                    out.append(value);
                }
                else {
                    appendString(out, value.toString());
                }
            }
            else if (appendString(out, value.toString())) {
                nulField = entry.getKey();
            }
        }
        out.append('}');
        return nulField;
    }

    private static boolean appendString(StringBuilder out, String text) {
        boolean removedNul = false;
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u0000' -> removedNul = true;
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return removedNul;
    }

}
