package dev.switchyard.profiling;

import java.util.List;
import java.util.Map;

/**
 * The per-value format and hygiene checks of a field: surrounding white space, line
 * breaks, date formats and day/month order, phone shapes, e-mail validity.
 */
final class ValueChecks {

    private final IssueTally spaces = new IssueTally();

    private final IssueTally lineBreaks = new IssueTally();

    private final FormatTally dateFormats = new FormatTally();

    private final ReportDates reportDates = new ReportDates();

    private long twoDigitYears;

    private final IssueTally ambiguousDates = new IssueTally();

    private final IssueTally dayFirstDates = new IssueTally();

    private final IssueTally monthFirstDates = new IssueTally();

    private final FormatTally phoneShapes = new FormatTally();

    private final IssueTally invalidEmails = new IssueTally();

    private long validEmails;

    private long atSigns;

    void whitespace(String recordId, String value) {
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            this.spaces.add(recordId, value);
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            this.lineBreaks.add(recordId, value);
        }
    }

    void date(String recordId, String value, DateScan scan) {
        if (scan.reportPadding != null) {
            this.reportDates.add(scan.unpaddedFormat, scan.format, scan.reportPadding, recordId, value);
            if (scan.twoDigitYear) {
                this.twoDigitYears++;
            }
        }
        else {
            this.dateFormats.add(scan.format, recordId, value);
        }
        switch (scan.slash) {
            case AMBIGUOUS -> this.ambiguousDates.add(recordId, value);
            case DAY_FIRST -> this.dayFirstDates.add(recordId, value);
            case MONTH_FIRST -> this.monthFirstDates.add(recordId, value);
            default -> {
            }
        }
    }

    void phone(String recordId, String value, String shape) {
        this.phoneShapes.add(shape, recordId, value);
    }

    void email(String recordId, String value, boolean valid) {
        if (value.indexOf('@') >= 0) {
            this.atSigns++;
        }
        if (valid) {
            this.validEmails++;
        }
        else if (this.invalidEmails.examples().size() < IssueTally.EXAMPLE_LIMIT) {
            this.invalidEmails.add(recordId, value);
        }
    }

    IssueTally lineBreaks() {
        return this.lineBreaks;
    }

    long validEmails() {
        return this.validEmails;
    }

    /**
     * @return the values holding an {@code @}, valid or not
     */
    long atSigns() {
        return this.atSigns;
    }

    void addIssues(Map<FieldIssue, Issue> issues, boolean emailField, long nonBlank) {
        put(issues, FieldIssue.LEADING_TRAILING_SPACES, this.spaces.toIssue(null));
        put(issues, FieldIssue.LINE_BREAKS, this.lineBreaks.toIssue(null));
        put(issues, FieldIssue.AMBIGUOUS_DATE, this.ambiguousDates.toIssue(null));
        put(issues, FieldIssue.DAY_FIRST_DATE, this.dayFirstDates.toIssue("dd/MM"));
        put(issues, FieldIssue.MONTH_FIRST_DATE, this.monthFirstDates.toIssue("MM/dd"));
        if (emailField) {
            long invalid = nonBlank - this.validEmails;
            put(issues, FieldIssue.INVALID_EMAIL,
                    (invalid > 0) ? new Issue(invalid, this.invalidEmails.examples(), null) : Issue.NONE);
        }
    }

    FieldFormats formats(boolean phoneField, boolean emailField, long nonBlank, int pivot) {
        List<FormatCount> phones = phoneField ? this.phoneShapes.result() : List.of();
        long dateTotal = this.dateFormats.total() + this.reportDates.total();
        List<FormatCount> dates = List.of();
        if (dateTotal * 2 >= nonBlank && nonBlank > 0) {
            List<FormatCount> all = new java.util.ArrayList<>(this.dateFormats.result());
            all.addAll(this.reportDates.result());
            all.sort(java.util.Comparator.comparingLong(FormatCount::count).reversed());
            dates = all;
        }
        long slashDates = this.ambiguousDates.count() + this.dayFirstDates.count() + this.monthFirstDates.count();
        boolean ambiguous = slashDates > 0 && this.ambiguousDates.count() == slashDates;
        boolean mixed = this.dayFirstDates.count() > 0 && this.monthFirstDates.count() > 0;
        long valid = emailField ? this.validEmails : 0;
        long invalid = emailField ? nonBlank - this.validEmails : 0;
        Integer twoDigitYearPivot = (!dates.isEmpty() && this.twoDigitYears > 0) ? pivot : null;
        return new FieldFormats(phones, dates, ambiguous, mixed, valid, invalid, twoDigitYearPivot);
    }

    private static void put(Map<FieldIssue, Issue> issues, FieldIssue kind, Issue issue) {
        if (issue.count() > 0) {
            issues.put(kind, issue);
        }
    }

}
