package dev.switchyard.connector.csv;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;

/**
 * The CSV options of a connection: the declared encoding and delimiter.
 *
 * @param encoding the declared encoding; UTF-8 when none was declared. A byte-order mark
 * in the file (UTF-8, UTF-16LE, UTF-16BE) overrides it.
 * @param delimiter the declared delimiter, or null to detect it per file
 */
record CsvOptions(Charset encoding, Character delimiter) {

    /** The delimiters that detection chooses from. */
    static final char[] CANDIDATES = { ',', ';', '\t', '|' };

    /**
     * @param settings the connection settings
     * @return their CSV options
     * @throws ConnectorException for an unknown encoding or an unusable delimiter
     */
    static CsvOptions of(ConnectionSettings settings) {
        return new CsvOptions(encoding(settings.option("encoding")), delimiter(settings.option("delimiter")));
    }

    private static Charset encoding(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        }
        catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
            throw new ConnectorException("'" + name + "' is not an encoding this server knows: use e.g. UTF-8, "
                    + "windows-1252, ISO-8859-1 or UTF-16");
        }
    }

    private static Character delimiter(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String wanted = value.toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "tab", "\\t", "\t":
                return '\t';
            case "comma":
                return ',';
            case "semicolon":
                return ';';
            case "pipe":
                return '|';
            default:
                if (wanted.length() == 1 && wanted.charAt(0) != '"' && wanted.charAt(0) != '\n'
                        && wanted.charAt(0) != '\r') {
                    return wanted.charAt(0);
                }
                throw new ConnectorException(
                        "'" + value + "' is not a usable CSV delimiter: use one character such " + "as , ; | or tab");
        }
    }

}
