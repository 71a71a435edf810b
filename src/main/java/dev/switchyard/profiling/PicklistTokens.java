package dev.switchyard.profiling;

import java.util.HashSet;
import java.util.Set;

/**
 * Watches for a multi-select picklist: values made of {@code ;}-separated short tokens,
 * drawn from few distinct tokens. Gives up (and frees its set) as soon as that cannot be.
 */
final class PicklistTokens {

    private Set<String> tokens = new HashSet<>();

    private long separated;

    void accept(String value) {
        if (this.tokens == null) {
            return;
        }
        if (value.indexOf(';') < 0) {
            add(value);
            return;
        }
        this.separated++;
        int start = 0;
        while (this.tokens != null && start <= value.length()) {
            int end = value.indexOf(';', start);
            if (end < 0) {
                end = value.length();
            }
            add(value.substring(start, end).strip());
            start = end + 1;
        }
    }

    /** Whether some values had several tokens and the tokens are few. */
    boolean multiple(long values) {
        return this.tokens != null && this.separated > 0 && this.tokens.size() * 10L <= values;
    }

    private void add(String token) {
        if (token.isEmpty() || token.length() > TypeInference.PICKLIST_MAX_LENGTH) {
            this.tokens = null;
            return;
        }
        this.tokens.add(token);
        if (this.tokens.size() > TypeInference.PICKLIST_MAX_DISTINCT) {
            this.tokens = null;
        }
    }

}
