package dev.switchyard.system;

/**
 * A change conflicts with the current state: a name already taken, or a stale version.
 * The API answers 409; a form shows the message beside the field, as for any
 * {@link InvalidInputException}.
 */
public class ConflictException extends InvalidInputException {

    public ConflictException(String message) {
        super(null, message);
    }

    public ConflictException(String field, String message) {
        super(field, message);
    }

}
