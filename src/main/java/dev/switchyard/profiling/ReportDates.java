package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts report-style dates ({@code MM/dd/yy hh:mm a} and kin) by family, telling the
 * zero padding across the field's values rather than per value: {@code 12/15/24} fits
 * {@code MM/dd/yy} and {@code M/d/yy} alike, so it takes the padding the other values
 * show. A family whose values show both a leading zero and a single digit keeps both
 * formats (an inconsistency a finding reports); one whose values show neither is named
 * padded.
 */
final class ReportDates {

    private final Map<String, Family> families = new LinkedHashMap<>();

    void add(String unpadded, String padded, DateScan.Padding padding, String recordId, String value) {
        Family family = this.families.get(unpadded);
        if (family == null) {
            if (this.families.size() >= FormatTally.LIMIT) {
                return;
            }
            family = new Family(padded, unpadded, new Example(recordId, value));
            this.families.put(unpadded, family);
        }
        switch (padding) {
            case PADDED -> family.padded++;
            case UNPADDED -> family.unpadded++;
            default -> family.either++;
        }
    }

    long total() {
        long total = 0;
        for (Family family : this.families.values()) {
            total += family.padded + family.unpadded + family.either;
        }
        return total;
    }

    List<FormatCount> result() {
        List<FormatCount> result = new ArrayList<>();
        for (Family family : this.families.values()) {
            if (family.padded > 0 && family.unpadded > 0) {
                result.add(new FormatCount(family.paddedFormat, family.padded, family.example));
                result.add(new FormatCount(family.unpaddedFormat, family.unpadded + family.either, family.example));
            }
            else if (family.unpadded > 0) {
                result.add(new FormatCount(family.unpaddedFormat, family.unpadded + family.either, family.example));
            }
            else {
                result.add(new FormatCount(family.paddedFormat, family.padded + family.either, family.example));
            }
        }
        return result;
    }

    private static final class Family {

        final String paddedFormat;

        final String unpaddedFormat;

        final Example example;

        long padded;

        long unpadded;

        long either;

        Family(String paddedFormat, String unpaddedFormat, Example example) {
            this.paddedFormat = paddedFormat;
            this.unpaddedFormat = unpaddedFormat;
            this.example = example;
        }

    }

}
