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
     * @param field the field compared
     * @param values texts
     * @return {@code ('a', 'b')}
     */
    static String in(SalesforceField field, Collection<String> values) {
        return values.stream().map((v) -> value(field, v)).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * @param field the field compared
     * @param value a value's text
     * @return the value as a literal of the field's type: quoted for text, bare for
     * numbers, booleans and dates (checked)
     * @throws ConnectorException when the text is not a value of the field's type
     */
    static String value(SalesforceField field, String value) {
        Object typed = SalesforceValues.fromText(field, value);
        return switch (field.type()) {
            case INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME -> {
                if (typed instanceof String) {
                    throw new ConnectorException("'" + value + "' is not a value of " + field.name());
                }
                yield (typed instanceof java.time.OffsetDateTime time) ? dateTime(time.toInstant()) : typed.toString();
            }
            default -> literal(value);
        };
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
