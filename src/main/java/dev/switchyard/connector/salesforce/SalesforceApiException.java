package dev.switchyard.connector.salesforce;

import java.util.List;

import dev.switchyard.connector.ConnectorException;

/**
 * Salesforce refused a call for a reason of the call itself (a malformed query, an
 * unknown object or field, missing access): repeating it would not help.
 */
public class SalesforceApiException extends ConnectorException {

    private final int status;

    private final transient List<SalesforceError> errors;

    /**
     * @param what the call, for people (such as {@code describe of Account})
     * @param status the HTTP status
     * @param errors Salesforce's errors
     */
    public SalesforceApiException(String what, int status, List<SalesforceError> errors) {
        super("Salesforce refused the " + what + " (HTTP " + status + "): " + errors.get(0));
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /**
     * @return the HTTP status
     */
    public int status() {
        return this.status;
    }

    /**
     * @return the first error's code, such as {@code INVALID_FIELD}
     */
    public String code() {
        return this.errors.get(0).code();
    }

}
