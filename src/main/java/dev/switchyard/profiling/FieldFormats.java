package dev.switchyard.profiling;

import java.util.List;

/**
 * The formats detected in a field's values.
 *
 * @param phoneShapes phone shapes (digits shown as 9), most frequent first; only for a
 * phone field (inferred PHONE, or named like phone, fax, mobile)
 * @param dateFormats date and date-time formats, most frequent first; only when most
 * values are dates
 * @param ambiguousDayMonth whether the field has slash dates and all of them could be
 * day-first as well as month-first
 * @param mixedDayMonth whether some slash dates only parse day-first and others only
 * month-first
 * @param validEmails plausible e-mail addresses (only for an e-mail field)
 * @param invalidEmails other non-blank values (only for an e-mail field)
 * @param twoDigitYearPivot when dates have two-digit years: the first year they are read
 * as (1950: {@code 49} is 2049, {@code 50} is 1950), else null
 */
public record FieldFormats(List<FormatCount> phoneShapes, List<FormatCount> dateFormats, boolean ambiguousDayMonth,
        boolean mixedDayMonth, long validEmails, long invalidEmails, Integer twoDigitYearPivot) {

    public FieldFormats {
        phoneShapes = List.copyOf(phoneShapes);
        dateFormats = List.copyOf(dateFormats);
    }

    /**
     * Formats without two-digit years.
     */
    public FieldFormats(List<FormatCount> phoneShapes, List<FormatCount> dateFormats, boolean ambiguousDayMonth,
            boolean mixedDayMonth, long validEmails, long invalidEmails) {
        this(phoneShapes, dateFormats, ambiguousDayMonth, mixedDayMonth, validEmails, invalidEmails, null);
    }

}
