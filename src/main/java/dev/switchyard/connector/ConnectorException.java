package dev.switchyard.connector;

/**
 * A connector could not do its work at all: the database is unreachable, the file is not
 * a workbook. The message says exactly why, naming the file, object or host.
 */
public class ConnectorException extends RuntimeException {

    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

}
