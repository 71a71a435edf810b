package dev.switchyard.profiling;

import dev.switchyard.connector.FieldType;

/**
 * Infers a field's dictionary type in O(1) per value: the candidate types are a bit mask
 * narrowed by each value's own mask; the most specific surviving type wins, else PICKLIST
 * or MULTI_PICKLIST by the distinct counts, else TEXT. Also counts, per type, the values
 * fitting it, to tell a field whose values nearly all fit a type and name the few that do
 * not.
 */
final class TypeInference {

    /** The types tried, most specific first. */
    static final FieldType[] ORDER = { FieldType.BOOLEAN, FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE,
            FieldType.DATETIME, FieldType.EMAIL, FieldType.PHONE, FieldType.URL, FieldType.ID };

    /** Picklists have at most this many distinct values. */
    static final int PICKLIST_MAX_DISTINCT = 50;

    /** and at least this many non-blank values. */
    static final int PICKLIST_MIN_VALUES = 20;

    /** Multi-select picklists have at least this many non-blank values. */
    static final int MULTI_PICKLIST_MIN_VALUES = 10;

    /** and no value longer than this (free text otherwise). */
    static final int PICKLIST_MAX_LENGTH = 100;

    /** Share of values that must fit a type for the others to count as unparseable. */
    static final double DOMINANT_SHARE = 0.9;

    private final long[] fits = new long[ORDER.length];

    private final IssueTally[] misfits = new IssueTally[ORDER.length];

    private final PicklistTokens tokens = new PicklistTokens();

    private int candidates = -1;

    private long values;

    /** Digit strings with a leading zero: codes (ZIPs, account numbers), not numbers. */
    private long zeroLedCodes;

    private String idPrefix;

    private boolean idPrefixConsistent = true;

    TypeInference() {
        for (int i = 0; i < ORDER.length; i++) {
            this.misfits[i] = new IssueTally();
        }
    }

    void accept(String recordId, String value, int mask, boolean salesforceId, boolean typed) {
        this.values++;
        this.candidates &= mask;
        if ((mask & ValueClassifier.INTEGER) == 0 && value.length() > 1 && value.charAt(0) == '0'
                && Scans.isDigits(value)) {
            this.zeroLedCodes++;
        }
        for (int i = 0; i < ORDER.length; i++) {
            if ((mask & ValueClassifier.bit(ORDER[i])) != 0) {
                this.fits[i]++;
            }
            else if (this.misfits[i].examples().size() < IssueTally.EXAMPLE_LIMIT) {
                this.misfits[i].add(recordId, value);
            }
        }
        if (salesforceId && this.idPrefixConsistent) {
            String prefix = value.substring(0, 3);
            if (this.idPrefix == null) {
                this.idPrefix = prefix;
            }
            else if (!this.idPrefix.equals(prefix)) {
                this.idPrefixConsistent = false;
            }
        }
        if (!typed) {
            this.tokens.accept(value);
        }
    }

    /**
     * @return a multi-select field's options with the number of values holding each
     */
    java.util.List<ValueCount> multiValues() {
        return this.tokens.counts();
    }

    boolean idLike() {
        return this.values > 0 && (this.candidates & ValueClassifier.ID) != 0;
    }

    /** The key prefix shared by all Salesforce ids, or null. */
    String idPrefix() {
        return (idLike() && this.idPrefixConsistent) ? this.idPrefix : null;
    }

    FieldType infer(long distinct, boolean distinctEstimated, int maxLength, boolean lineBreaks) {
        if (this.values == 0) {
            return FieldType.TEXT;
        }
        for (FieldType type : ORDER) {
            if ((this.candidates & ValueClassifier.bit(type)) != 0
                    && (type != FieldType.ID || this.idPrefixConsistent)) {
                return type;
            }
        }
        // a multi-select's values are as long as the options chosen; each token is short
        if (!lineBreaks && this.values >= MULTI_PICKLIST_MIN_VALUES && this.tokens.multiple(this.values)) {
            return FieldType.MULTI_PICKLIST;
        }
        boolean shortValues = maxLength <= PICKLIST_MAX_LENGTH && !lineBreaks;
        if (shortValues && this.values >= PICKLIST_MIN_VALUES && !distinctEstimated && distinct <= PICKLIST_MAX_DISTINCT
                && distinct * 10 <= this.values) {
            return FieldType.PICKLIST;
        }
        return FieldType.TEXT;
    }

    /**
     * For a field inferred as text, the values failing the most specific type that at
     * least 90% of the values fit (e-mail excepted: see INVALID_EMAIL).
     */
    Issue unparseable(FieldType inferred) {
        if (inferred != FieldType.TEXT && inferred != FieldType.PICKLIST && inferred != FieldType.MULTI_PICKLIST) {
            return Issue.NONE;
        }
        for (int i = 0; i < ORDER.length; i++) {
            long misses = this.values - this.fits[i];
            boolean numeric = ORDER[i] == FieldType.INTEGER || ORDER[i] == FieldType.DECIMAL;
            if (numeric && misses > 0 && misses == this.zeroLedCodes) {
                // digits with a leading zero beside plain numbers: a code field (ZIP
                // codes), whose values all parse as the text they are
                return Issue.NONE;
            }
            if (ORDER[i] != FieldType.EMAIL && misses > 0 && this.fits[i] >= DOMINANT_SHARE * this.values) {
                return new Issue(misses, this.misfits[i].examples(), ORDER[i].name());
            }
        }
        return Issue.NONE;
    }

}
