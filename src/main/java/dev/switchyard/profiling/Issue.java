package dev.switchyard.profiling;

import java.util.List;

/**
 * How many values of a field show one issue, with up to five examples.
 *
 * @param count the number of values concerned
 * @param examples up to five of them, in the order met
 * @param detail a short qualifier, such as the type the values fail to parse as, or null
 */
public record Issue(long count, List<Example> examples, String detail) {

    /** No value concerned. */
    public static final Issue NONE = new Issue(0, List.of(), null);

    public Issue {
        examples = List.copyOf(examples);
    }

}
