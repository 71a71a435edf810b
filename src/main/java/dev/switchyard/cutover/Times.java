package dev.switchyard.cutover;

import java.time.Duration;

/**
 * Durations as the cutover pages write them.
 */
final class Times {

    private Times() {
    }

    /**
     * @param duration a duration, or null
     * @return "1 h 05 min", "12 min 03 s", "40 s", or "—" for null
     */
    static String format(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds >= 3600) {
            return String.format("%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
        }
        if (seconds >= 60) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return seconds + " s";
    }

}
