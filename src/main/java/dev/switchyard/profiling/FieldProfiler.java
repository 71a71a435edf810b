package dev.switchyard.profiling;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldType;

/**
 * Profiles one field in one pass and bounded memory, whatever the number of records: feed
 * it every record's value with {@link #accept(String, Object)}, then read
 * {@link #result()}. Values are strings (CSV sources) or typed values ({@code Long},
 * {@code BigDecimal}, {@code Boolean}, {@code LocalDate}, {@code LocalDateTime},
 * {@code OffsetDateTime}); null is absent, a white-space-only string is blank. Not
 * thread-safe.
 */
public final class FieldProfiler {

    /** The number of top values reported. */
    public static final int TOP_VALUES = 20;

    /** The first year two-digit years are read as, unless told otherwise. */
    public static final int DEFAULT_TWO_DIGIT_YEAR_PIVOT = DateScan.DEFAULT_PIVOT;

    private static final int TOP_COUNTERS = 256;

    /** A dominant value covers at least this share of a numeric field's values. */
    static final double DOMINANT_SHARE = 0.9;

    /** and the field has at least this many values. */
    static final int DOMINANT_MIN_VALUES = 20;

    private final String name;

    private final boolean postalName;

    private final boolean phoneName;

    private final boolean emailName;

    private final LengthHistogram lengths = new LengthHistogram();

    private final DistinctCounter distinct = new DistinctCounter();

    private final TopValues top = new TopValues(TOP_COUNTERS);

    private final MinMax minMax = new MinMax();

    private final ValueClassifier classifier;

    private final TypeInference inference = new TypeInference();

    private final ValueChecks checks = new ValueChecks();

    private final PostalCodeCheck postalCodes = new PostalCodeCheck();

    private final KeyValues keys = new KeyValues();

    private long count;

    private long nonBlank;

    /**
     * Profiles a field, reading two-digit years as 1950–2049.
     * @param name the field's name
     */
    public FieldProfiler(String name) {
        this(name, DEFAULT_TWO_DIGIT_YEAR_PIVOT);
    }

    /**
     * Profiles a field.
     * @param name the field's name
     * @param twoDigitYearPivot the first year two-digit years are read as (1950: 50–99
     * are 1950–1999, 00–49 are 2000–2049)
     */
    public FieldProfiler(String name, int twoDigitYearPivot) {
        this.name = name;
        this.classifier = new ValueClassifier(twoDigitYearPivot);
        this.postalName = Scans.isPostalCodeName(name);
        this.phoneName = Scans.isPhoneName(name);
        this.emailName = Scans.isEmailName(name);
    }

    public String name() {
        return this.name;
    }

    /**
     * Takes one record's value, without a record id (examples will have none).
     * @param value the value, null when absent
     */
    public void accept(Object value) {
        accept(null, value);
    }

    /**
     * Takes one record's value.
     * @param recordId the record's id, kept with examples of issues
     * @param value the value, null when absent
     */
    public void accept(String recordId, Object value) {
        this.count++;
        if (value == null) {
            return;
        }
        boolean typed = !(value instanceof String);
        String text = typed ? value.toString() : (String) value;
        this.lengths.add(text.length());
        if (text.isBlank()) {
            return;
        }
        this.nonBlank++;
        this.distinct.add(text);
        this.top.add(text);
        this.minMax.text(text);
        String trimmed = text;
        int mask;
        if (typed) {
            mask = this.classifier.classifyTyped(value);
        }
        else {
            this.checks.whitespace(recordId, text);
            trimmed = text.strip();
            mask = this.classifier.classify(trimmed);
        }
        this.inference.accept(recordId, trimmed, mask, this.classifier.salesforceId, typed);
        if ((mask & ValueClassifier.DECIMAL) != 0) {
            this.minMax.number(this.classifier.number, text);
        }
        if ((mask & ValueClassifier.DATETIME) != 0) {
            this.minMax.chronological(this.classifier.date.key, text);
            if (!typed) {
                this.checks.date(recordId, trimmed, this.classifier.date);
            }
        }
        if (this.classifier.phoneShape != null) {
            this.checks.phone(recordId, trimmed, this.classifier.phoneShape);
        }
        if (!typed) {
            this.keys.add(trimmed);
            this.checks.email(recordId, trimmed, (mask & ValueClassifier.EMAIL) != 0);
            if (this.postalName) {
                this.postalCodes.accept(recordId, trimmed);
            }
        }
    }

    /**
     * Counts records that lacked the field altogether as absent values, up to the given
     * record count (for fields discovered after the first record).
     * @param records the number of records seen for the object
     */
    public void padAbsent(long records) {
        if (records > this.count) {
            this.count = records;
        }
    }

    /**
     * @return the field's distinct text values in normal form, for reference inference
     */
    public KeyValues keyValues() {
        return this.keys;
    }

    /** The exact distinct hashes retained: 0 once the count became an estimate. */
    int retainedDistinctHashes() {
        return this.distinct.retained();
    }

    /**
     * The profile of the values taken so far.
     * @return the field's profile
     */
    public FieldProfile result() {
        long distinctCount = this.distinct.count();
        boolean estimated = this.distinct.estimated();
        boolean lineBreaks = this.checks.lineBreaks().count() > 0;
        FieldType type = this.inference.infer(distinctCount, estimated, this.lengths.max(), lineBreaks);
        // classified by the values; a name only tips the balance for values that could be
        // such (a yes/no "HasOptedOutOfEmail" is no e-mail field, a count named "Phone
        // Calls" no phone field)
        boolean notYesNoOrDate = type != FieldType.BOOLEAN && type != FieldType.DATE && type != FieldType.DATETIME;
        boolean phoneField = type == FieldType.PHONE || (this.phoneName && notYesNoOrDate && type != FieldType.DECIMAL);
        boolean emailField = type == FieldType.EMAIL
                || (this.nonBlank > 0 && this.checks.validEmails() * 2 >= this.nonBlank) || (this.emailName
                        && notYesNoOrDate && this.checks.atSigns() * 2 >= this.nonBlank && this.nonBlank > 0);
        Map<FieldIssue, Issue> issues = new EnumMap<>(FieldIssue.class);
        this.checks.addIssues(issues, emailField, this.nonBlank);
        put(issues, FieldIssue.UNPARSEABLE, this.inference.unparseable(type));
        if (this.postalName && type != FieldType.BOOLEAN) {
            put(issues, FieldIssue.LOST_LEADING_ZEROS, this.postalCodes.result(this.nonBlank));
        }
        List<ValueCount> top = this.top.top(TOP_VALUES);
        put(issues, FieldIssue.DOMINANT_VALUE, dominant(type, emailField, distinctCount, top));
        List<ValueCount> multiValues = (type == FieldType.MULTI_PICKLIST) ? this.inference.multiValues() : List.of();
        List<NearDuplicate> nearDuplicates = List.of();
        if (type == FieldType.MULTI_PICKLIST) {
            long options = multiValues.stream().mapToLong(ValueCount::count).sum();
            nearDuplicates = NearDuplicates.of(multiValues, options);
        }
        else if (type == FieldType.PICKLIST && this.top.exact()) {
            nearDuplicates = NearDuplicates.of(this.top.top(TOP_COUNTERS), this.nonBlank);
        }
        double fillRate = (this.count != 0) ? (double) this.nonBlank / this.count : 0;
        return new FieldProfile(this.name, this.count, this.nonBlank, fillRate, distinctCount, estimated, top,
                this.top.exact(), this.minMax.min(type), this.minMax.max(type), this.lengths.result(),
                this.checks.formats(phoneField, emailField, this.nonBlank, this.classifier.date.pivot), type,
                this.inference.idLike(), this.inference.idPrefix(), this.count > 0 && this.nonBlank == this.count,
                !estimated && distinctCount > 0 && distinctCount == this.nonBlank, issues, multiValues, nearDuplicates);
    }

    /**
     * One value on nearly every row of a numeric field (not a constant one, unless the
     * constant is zero), or one address on most values of an e-mail field.
     */
    private Issue dominant(FieldType type, boolean emailField, long distinct, List<ValueCount> top) {
        if (this.nonBlank < DOMINANT_MIN_VALUES || top.isEmpty()) {
            return Issue.NONE;
        }
        ValueCount first = top.get(0);
        boolean numeric = type == FieldType.INTEGER || type == FieldType.DECIMAL;
        if (numeric && first.count() >= DOMINANT_SHARE * this.nonBlank && (distinct > 1 || isZero(first.value()))) {
            return new Issue(first.count(), List.of(new Example(null, first.value())), first.value());
        }
        if (emailField && first.count() * 2 >= this.nonBlank && first.count() > 1) {
            return new Issue(first.count(), List.of(new Example(null, first.value())), first.value());
        }
        return Issue.NONE;
    }

    private static boolean isZero(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '0' && c != '.' && c != '-' && c != '+' && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private static void put(Map<FieldIssue, Issue> issues, FieldIssue kind, Issue issue) {
        if (issue.count() > 0) {
            issues.put(kind, issue);
        }
    }

}
