package dev.switchyard.profiling;

import java.util.EnumMap;
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

    private static final int TOP_COUNTERS = 256;

    private final String name;

    private final boolean postalName;

    private final boolean phoneName;

    private final boolean emailName;

    private final LengthHistogram lengths = new LengthHistogram();

    private final DistinctCounter distinct = new DistinctCounter();

    private final TopValues top = new TopValues(TOP_COUNTERS);

    private final MinMax minMax = new MinMax();

    private final ValueClassifier classifier = new ValueClassifier();

    private final TypeInference inference = new TypeInference();

    private final ValueChecks checks = new ValueChecks();

    private final PostalCodeCheck postalCodes = new PostalCodeCheck();

    private long count;

    private long nonBlank;

    public FieldProfiler(String name) {
        this.name = name;
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
        boolean phoneField = type == FieldType.PHONE || this.phoneName;
        boolean emailField = type == FieldType.EMAIL || this.emailName
                || (this.nonBlank > 0 && this.checks.validEmails() * 2 >= this.nonBlank);
        Map<FieldIssue, Issue> issues = new EnumMap<>(FieldIssue.class);
        this.checks.addIssues(issues, emailField, this.nonBlank);
        put(issues, FieldIssue.UNPARSEABLE, this.inference.unparseable(type));
        if (this.postalName) {
            put(issues, FieldIssue.LOST_LEADING_ZEROS, this.postalCodes.result(this.nonBlank));
        }
        double fillRate = (this.count != 0) ? (double) this.nonBlank / this.count : 0;
        return new FieldProfile(this.name, this.count, this.nonBlank, fillRate, distinctCount, estimated,
                this.top.top(TOP_VALUES), this.top.exact(), this.minMax.min(type), this.minMax.max(type),
                this.lengths.result(), this.checks.formats(phoneField, emailField, this.nonBlank), type,
                this.inference.idLike(), this.inference.idPrefix(), this.count > 0 && this.nonBlank == this.count,
                !estimated && distinctCount > 0 && distinctCount == this.nonBlank, issues);
    }

    private static void put(Map<FieldIssue, Issue> issues, FieldIssue kind, Issue issue) {
        if (issue.count() > 0) {
            issues.put(kind, issue);
        }
    }

}
