package dev.switchyard.support.salesforce;

/**
 * An error a stub org answers with, in Salesforce's error array shape.
 */
final class StubError extends RuntimeException {

    private final int status;

    private final String code;

    StubError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return this.status;
    }

    String code() {
        return this.code;
    }

}
