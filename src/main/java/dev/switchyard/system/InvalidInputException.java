package dev.switchyard.system;

import java.util.Map;

/**
 * Input that is well-formed but not acceptable, with a message per field (422 on the API;
 * on a form, each message beside its field).
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * @return the field the message belongs to, or null for the whole input
     */
    public String getField() {
        return this.field;
    }

    /**
     * @return the field and its message, for problem details
     */
    public Map<String, String> asErrors() {
        return Map.of((this.field != null) ? this.field : "input", getMessage());
    }

}
