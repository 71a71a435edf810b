package dev.switchyard.connector.xlsx;

/**
 * Thrown from a row handler to stop streaming a sheet early: after the header row when
 * describing, or when the extraction was cancelled.
 */
final class StopReading extends RuntimeException {

    StopReading() {
        super(null, null, false, false);
    }

}
