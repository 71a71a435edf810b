package dev.switchyard.extraction;

/**
 * Thrown inside a running extraction when it has been cancelled.
 */
class ExtractionCancelled extends RuntimeException {

    ExtractionCancelled() {
        super("Cancelled", null, false, false);
    }

}
