package dev.switchyard.connector.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * Guesses a file's delimiter from its first lines: the candidate that appears (outside
 * quotes) in the header and the same number of times in most of the following lines wins;
 * ties go to the one the header holds most often, then to the earlier candidate
 * ({@code ,} before {@code ;}, tab and {@code |}). A file with none of them has one
 * column, and gets {@code ,}.
 */
final class DelimiterDetector {

    static final int SAMPLE_CHARS = 64 * 1024;

    private static final int SAMPLE_LINES = 50;

    private DelimiterDetector() {
    }

    /**
     * Reads up to {@value #SAMPLE_CHARS} characters and detects the delimiter. Bytes that
     * cannot be decoded end the sample; the extraction reports them.
     * @param reader the text, positioned at the header
     * @return the delimiter
     */
    static char detect(Reader reader) {
        char[] sample = new char[SAMPLE_CHARS];
        int length = 0;
        boolean complete = false;
        try {
            int read;
            while (length < sample.length && (read = reader.read(sample, length, sample.length - length)) >= 0) {
                length += read;
            }
            complete = length < sample.length;
        }
        catch (IOException ex) {
            // judge from what could be read
        }
        return detect(sample, length, complete);
    }

    static char detect(char[] sample, int length, boolean complete) {
        char best = CsvOptions.CANDIDATES[0];
        long bestScore = 0;
        for (char candidate : CsvOptions.CANDIDATES) {
            long score = score(sample, length, complete, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Scores a candidate: lines agreeing with the header count most, then the header
     * count itself.
     */
    private static long score(char[] sample, int length, boolean complete, char candidate) {
        int headerCount = -1;
        int count = 0;
        int agreeing = 0;
        int lines = 0;
        boolean quoted = false;
        for (int i = 0; i < length && lines < SAMPLE_LINES; i++) {
            char c = sample[i];
            if (c == '"') {
                quoted = !quoted;
            }
            else if (!quoted && c == candidate) {
                count++;
            }
            else if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < length && sample[i + 1] == '\n') {
                    i++;
                }
                if (headerCount < 0) {
                    headerCount = count;
                }
                else if (count == headerCount) {
                    agreeing++;
                }
                lines++;
                count = 0;
            }
        }
        if (headerCount < 0) {
            headerCount = count;
        }
        else if (complete && !quoted && count == headerCount && lines < SAMPLE_LINES) {
            agreeing++;
        }
        if (headerCount == 0) {
            return 0;
        }
        return (long) agreeing * 100_000 + headerCount;
    }

}
