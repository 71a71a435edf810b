package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.List;

/**
 * Spots US ZIP codes that lost their leading zeros (read as numbers somewhere upstream):
 * 4-digit values when more values have 5 digits, and 3-digit ones too when most values
 * have 5 digits.
 */
final class PostalCodeCheck {

    private final IssueTally fourDigits = new IssueTally();

    private final IssueTally threeDigits = new IssueTally();

    private long fiveDigits;

    void accept(String recordId, String value) {
        int length = value.length();
        if (length < 3 || length > 5 || !Scans.isDigits(value)) {
            return;
        }
        if (length == 5) {
            this.fiveDigits++;
        }
        else if (length == 4) {
            this.fourDigits.add(recordId, value);
        }
        else {
            this.threeDigits.add(recordId, value);
        }
    }

    Issue result(long nonBlank) {
        boolean mostlyFive = this.fiveDigits * 2 > nonBlank;
        // four digits are a lost zero only beside more five-digit codes: a field of
        // four-digit codes is another country's format (or no postal code at all)
        long four = (this.fiveDigits > this.fourDigits.count()) ? this.fourDigits.count() : 0;
        long count = four + (mostlyFive ? this.threeDigits.count() : 0);
        if (count == 0) {
            return Issue.NONE;
        }
        List<Example> examples = new ArrayList<>((four > 0) ? this.fourDigits.examples() : List.of());
        if (mostlyFive) {
            examples.addAll(this.threeDigits.examples());
        }
        return new Issue(count, examples.subList(0, Math.min(IssueTally.EXAMPLE_LIMIT, examples.size())), "ZIP");
    }

}
