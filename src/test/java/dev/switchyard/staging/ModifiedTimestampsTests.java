package dev.switchyard.staging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModifiedTimestampsTests {

    @Test
    void readsSalesforceExportTimestamps() {
        // the shape of LastModifiedDate in the mashmatrix export
        assertThat(ModifiedTimestamps.parse("2017-10-10T08:38:27.000+0000"))
            .isEqualTo(Instant.parse("2017-10-10T08:38:27Z"));
        assertThat(ModifiedTimestamps.parseFast("2017-10-10T08:38:27.000+0000"))
            .isEqualTo(Instant.parse("2017-10-10T08:38:27Z"));
    }

    @Test
    void readsIsoTimestampsWithOffsetsAndFractions() {
        assertThat(ModifiedTimestamps.parse("2024-03-01T10:15:30Z")).isEqualTo(Instant.parse("2024-03-01T10:15:30Z"));
        assertThat(ModifiedTimestamps.parse("2024-03-01T10:15:30.123456+01:00"))
            .isEqualTo(Instant.parse("2024-03-01T09:15:30.123456Z"));
        assertThat(ModifiedTimestamps.parse("2024-03-01T10:15:30-0500"))
            .isEqualTo(Instant.parse("2024-03-01T15:15:30Z"));
    }

    @Test
    void takesValuesWithoutZoneAsUtcAndDatesAsMidnight() {
        assertThat(ModifiedTimestamps.parse("2024-03-01 10:15:30")).isEqualTo(Instant.parse("2024-03-01T10:15:30Z"));
        assertThat(ModifiedTimestamps.parse("2024-03-01T10:15")).isEqualTo(Instant.parse("2024-03-01T10:15:00Z"));
        assertThat(ModifiedTimestamps.parse("2024-03-01")).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(ModifiedTimestamps.parse(LocalDate.of(2024, 3, 1))).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(ModifiedTimestamps.parse(LocalDateTime.of(2024, 3, 1, 10, 0)))
            .isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(ModifiedTimestamps.parse(OffsetDateTime.parse("2024-03-01T10:00:00+02:00")))
            .isEqualTo(Instant.parse("2024-03-01T08:00:00Z"));
    }

    @Test
    void givesNullForBlankOrUnreadableValues() {
        assertThat(ModifiedTimestamps.parse(null)).isNull();
        assertThat(ModifiedTimestamps.parse("  ")).isNull();
        assertThat(ModifiedTimestamps.parse("yesterday")).isNull();
        assertThat(ModifiedTimestamps.parse("2024-13-45T99:99:99Z")).isNull();
        assertThat(ModifiedTimestamps.parseFast("2024-03-01T10:15:30+0")).isNull();
    }

}
