package dev.switchyard.connector.csv;

import java.io.IOException;

/**
 * Bytes that are not valid in the file's encoding, with the line they sit on.
 */
class UndecodableInputException extends IOException {

    private final long line;

    UndecodableInputException(String encoding, long line, int length) {
        super(length + " byte(s) that are not valid " + encoding + " on line " + line);
        this.line = line;
    }

    /**
     * @return the 1-based line holding the bad bytes
     */
    long line() {
        return this.line;
    }

}
