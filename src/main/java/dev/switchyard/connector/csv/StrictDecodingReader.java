package dev.switchyard.connector.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes strictly: a malformed or unmappable byte sequence raises an
 * {@link UndecodableInputException} naming the line it is on instead of turning into a
 * replacement character. Characters decoded before the bad bytes are delivered first.
 */
final class StrictDecodingReader extends Reader {

    private static final int BUFFER_SIZE = 16 * 1024;

    private final InputStream in;

    private final CharsetDecoder decoder;

    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();

    private long lineBreaks;

    private boolean afterCarriageReturn;

    private boolean endOfInput;

    private boolean flushed;

    private UndecodableInputException pending;

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (this.pending != null) {
            throw this.pending;
        }
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset && !this.flushed) {
            CoderResult result = this.decoder.decode(this.bytes, out, this.endOfInput);
            if (result.isError()) {
                countLineBreaks(buffer, offset, out.position());
                this.pending = new UndecodableInputException(this.decoder.charset().name(), this.lineBreaks + 1,
                        result.length());
                break;
            }
            if (result.isOverflow()) {
                break;
            }
            if (this.endOfInput) {
                this.decoder.flush(out);
                this.flushed = true;
            }
            else {
                fill();
            }
        }
        int count = out.position() - offset;
        if (count == 0) {
            if (this.pending != null) {
                throw this.pending;
            }
            return -1;
        }
        if (this.pending == null) {
            countLineBreaks(buffer, offset, out.position());
        }
        return count;
    }

    private void fill() throws IOException {
        this.bytes.compact();
        int read = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
        if (read < 0) {
            this.endOfInput = true;
        }
        else {
            this.bytes.position(this.bytes.position() + read);
        }
        this.bytes.flip();
    }

    private void countLineBreaks(char[] buffer, int from, int to) {
        long breaks = this.lineBreaks;
        boolean cr = this.afterCarriageReturn;
        for (int i = from; i < to; i++) {
            char c = buffer[i];
            if (c == '\n') {
                if (!cr) {
                    breaks++;
                }
                cr = false;
            }
            else if (c == '\r') {
                breaks++;
                cr = true;
            }
            else {
                cr = false;
            }
        }
        this.lineBreaks = breaks;
        this.afterCarriageReturn = cr;
    }

    @Override
    public void close() throws IOException {
        this.in.close();
    }

}
