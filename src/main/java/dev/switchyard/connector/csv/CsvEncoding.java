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
 * encoding and is skipped; otherwise the declared encoding applies.
 */
final class CsvEncoding {

    private static final int BUFFER_SIZE = 64 * 1024;

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
            in.skipNBytes(skip);
            return new StrictDecodingReader(in, charset);
        }
        catch (IOException | RuntimeException ex) {
            in.close();
            throw ex;
        }
    }

}
