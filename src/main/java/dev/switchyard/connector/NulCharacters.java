package dev.switchyard.connector;

/**
 * The NUL character (U+0000), which PostgreSQL's text and jsonb cannot hold: a single one
 * in a value, a name or a message makes the database refuse the whole statement. Sources
 * may contain it (a binary export, UTF-16 read as 8-bit text), so it is removed wherever
 * text from a source is kept, and the removal is reported where it concerns data.
 */
public final class NulCharacters {

    private NulCharacters() {
    }

    /**
     * @param text some text, or null
     * @return whether it holds a NUL character
     */
    public static boolean in(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /**
     * @param text some text, or null
     * @return the text without NUL characters (the same instance when it has none)
     */
    public static String strip(String text) {
        return in(text) ? text.replace("\u0000", "") : text;
    }

}
