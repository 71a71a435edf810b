package dev.switchyard.mapping.transform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Regular expression replacement on the real phone numbers of the mashmatrix export, and
 * its guards.
 */
class RegexReplaceTests {

    private static final TransformContext CONTEXT = new TransformContext("001f4000003NkdRAAS", Map.of(), "Phone", 40);

    @Test
    void replacingNonDigitsReducesEveryRealMashmatrixAccountPhoneToDigits() {
        RegexReplace digits = new RegexReplace("[^0-9]", "");
        List<Map<String, Object>> accounts = TextSamples.mashmatrix("Account");
        assertThat(digits.apply("(949) 471-7000", CONTEXT)).isEqualTo("9494717000");
        assertThat(digits.apply("+81 3 3543 5523", CONTEXT)).isEqualTo("81335435523");
        assertThat(digits.apply("1-315-538-2900", CONTEXT)).isEqualTo("13155382900");
        assertThat(accounts).allSatisfy(
                (account) -> assertThat((String) digits.apply(account.get("Phone"), CONTEXT)).matches("[0-9]*"));
    }

    @Test
    void groupReferencesReformatAllMashmatrixContactPhones() {
        RegexReplace format = new RegexReplace("^1-(\\d{3})-(\\d{3})-(\\d{4})$", "($1) $2-$3");
        List<Map<String, Object>> contacts = TextSamples.mashmatrix("Contact");
        assertThat(format.apply("1-572-069-1592", CONTEXT)).isEqualTo("(572) 069-1592");
        assertThat(contacts).hasSize(133)
            .allSatisfy((contact) -> assertThat((String) format.apply(contact.get("Phone"), CONTEXT))
                .matches("\\(\\d{3}\\) \\d{3}-\\d{4}"));
    }

    @Test
    void anInvalidPatternIsRefusedWhenTheTransformIsMadeNamingThePattern() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RegexReplace("([0-9]", ""))
            .withMessageContaining("([0-9]");
    }

    @Test
    void aReplacementReferringToAMissingGroupIsATransformException() {
        RegexReplace broken = new RegexReplace("[0-9]", "$2");
        assertThatExceptionOfType(TransformException.class).isThrownBy(() -> broken.apply("1-315", CONTEXT))
            .satisfies((ex) -> assertThat(ex.getRule()).contains("[0-9]"));
    }

    @Test
    void inputsOverTheLengthLimitAreRefusedForThatRecordOnly() {
        String huge = "1".repeat(RegexReplace.MAX_INPUT_LENGTH + 1);
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new RegexReplace("[^0-9]", "").apply(huge, CONTEXT))
            .withMessageContaining("100001 characters")
            .satisfies((ex) -> assertThat(ex.getRecordId()).isEqualTo("001f4000003NkdRAAS"));
    }

    @Test
    void catastrophicBacktrackingIsStoppedByTheTimeLimit() {
        // nested quantifiers with a back reference: Java's matcher cannot memoise it, so
        // it runs for tens of seconds on 31 characters without the limit
        RegexReplace evil = new RegexReplace("(a+)+\\1$", "x");
        long start = System.nanoTime();
        assertThatExceptionOfType(TransformException.class).isThrownBy(() -> evil.apply("a".repeat(30) + "!", CONTEXT))
            .withMessageContaining("took longer than");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void nullStaysNull() {
        assertThat(new RegexReplace("[^0-9]", null).apply(null, CONTEXT)).isNull();
    }

}
