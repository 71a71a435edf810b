package dev.switchyard.connector.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a file as strictly decoded text: a byte-order mark, when present, decides the
 * encoding and is skipped; UTF-16 without a byte-order mark is recognised by the zero
 * bytes of its ASCII characters (every other byte); otherwise the declared encoding
 * applies.
 */
final class CsvEncoding {

    private static final int BUFFER_SIZE = 64 * 1024;

    /** Bytes looked at to recognise UTF-16 without a byte-order mark. */
    static final int SAMPLE_BYTES = 4096;

    private CsvEncoding() {
    }

    /**
     * @param file the file
     * @param declared the declared (or default) encoding
     * @return a strict reader positioned after any byte-order mark
     * @throws IOException when the file cannot be opened
     */
    static Reader open(Path file, Charset declared) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE);
        try {
            in.mark(4);
            int b0 = in.read();
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            Charset charset = declared;
            int skip = 0;
            if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
                charset = StandardCharsets.UTF_8;
                skip = 3;
            }
            else if (b0 == 0xFF && b1 == 0xFE) {
                charset = StandardCharsets.UTF_16LE;
                skip = 2;
            }
            else if (b0 == 0xFE && b1 == 0xFF) {
                charset = StandardCharsets.UTF_16BE;
                skip = 2;
            }
            else if (!declared.name().startsWith("UTF-16")) {
                charset = utf16WithoutMark(in, declared);
            }
            in.skipNBytes(skip);
            return new StrictDecodingReader(in, charset);
        }
        catch (IOException | RuntimeException ex) {
            in.close();
            throw ex;
        }
    }

    /**
     * Recognises UTF-16 without a byte-order mark from the start of a file: text in
     * European languages is mostly ASCII (and every delimiter and line break is), whose
     * characters have a zero high byte, so that zeros fill one byte position of each pair
     * and hardly ever the other. A text in an 8-bit encoding or UTF-8 has no zero bytes.
     * @param in the file, at its start; left there
     * @param otherwise the encoding when the sample is not UTF-16
     * @return UTF-16LE, UTF-16BE, or {@code otherwise}
     */
    static Charset utf16WithoutMark(InputStream in, Charset otherwise) throws IOException {
        in.mark(SAMPLE_BYTES);
        byte[] sample = in.readNBytes(SAMPLE_BYTES);
        in.reset();
        return utf16WithoutMark(sample, sample.length, otherwise);
    }

    static Charset utf16WithoutMark(byte[] sample, int length, Charset otherwise) {
        int pairs = length / 2;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            if (sample[i] == 0) {
                evenZeros++;
            }
            if (sample[i + 1] == 0) {
                oddZeros++;
            }
        }
        if (pairs < 2) {
            return otherwise;
        }
        if (oddZeros * 4 >= pairs && evenZeros * 20 <= oddZeros) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 4 >= pairs && oddZeros * 20 <= evenZeros) {
            return StandardCharsets.UTF_16BE;
        }
        return otherwise;
    }

}
