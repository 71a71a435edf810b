package dev.switchyard.connector.salesforce;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.switchyard.connector.ConnectorException;

/**
 * Builds the parts of SOQL the connector writes: quoted literals, date-time literals,
 * {@code IN} lists and checked names.
 */
final class Soql {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private Soql() {
    }

    /**
     * @param value text
     * @return the text as a quoted SOQL literal, with quotes and backslashes escaped
     */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * @param instant an instant
     * @return the instant as a SOQL date-time literal, cut to the second (earlier, never
     * later: a record modified within that second is still included by {@code >=})
     */
    static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * @param values texts
     * @return {@code ('a', 'b')}
     */
    static String in(Collection<String> values) {
        return values.stream().map(Soql::literal).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * @param name an object or field name from a mapping or a setting
     * @return the name
     * @throws ConnectorException when it is not a Salesforce API name
     */
    static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConnectorException("'" + name + "' is not a Salesforce API name");
        }
        return name;
    }

}
