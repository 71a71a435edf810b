package dev.switchyard.connector.hubspot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import dev.switchyard.connector.FieldType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class HubSpotValuesTests {

    @Test
    void readsHubSpotTextIntoTypedValuesAndKeepsWhatDoesNotRead() {
        assertThat(HubSpotValues.read(FieldType.DECIMAL, "1500.50")).isEqualTo(new BigDecimal("1500.50"));
        assertThat(HubSpotValues.read(FieldType.DECIMAL, "n/a")).isEqualTo("n/a");
        assertThat(HubSpotValues.read(FieldType.BOOLEAN, "true")).isEqualTo(Boolean.TRUE);
        assertThat(HubSpotValues.read(FieldType.DATE, "1718323200000")).isEqualTo(LocalDate.of(2024, 6, 14));
        assertThat(HubSpotValues.read(FieldType.DATE, "2024-06-14")).isEqualTo(LocalDate.of(2024, 6, 14));
        assertThat(HubSpotValues.read(FieldType.DATETIME, "2023-11-14T22:13:20.000Z"))
            .isEqualTo(OffsetDateTime.parse("2023-11-14T22:13:20Z"));
        assertThat(HubSpotValues.read(FieldType.DATETIME, "1700000000000"))
            .isEqualTo(OffsetDateTime.parse("2023-11-14T22:13:20Z"));
        assertThat(HubSpotValues.read(FieldType.TEXT, "")).isNull();
    }

    @Test
    void writesJavaValuesAsTheTextHubSpotTakes() {
        assertThat(HubSpotValues.write(null)).isEmpty();
        assertThat(HubSpotValues.write(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(HubSpotValues.write(LocalDate.of(2024, 6, 14))).isEqualTo("2024-06-14");
        assertThat(HubSpotValues.write(LocalDateTime.of(2024, 6, 14, 9, 30))).isEqualTo("2024-06-14T09:30:00Z");
        assertThat(HubSpotValues.write(List.of("a", "b"))).isEqualTo("a;b");
    }

    @Test
    void readsTheStandardErrorBodyAndARateLimitBody() {
        JsonMapper json = JsonMapper.shared();
        HubSpotError validation = HubSpotError.of(400, json.readTree("""
                {"status":"error","message":"Property values were not valid","correlationId":"c1",
                 "category":"VALIDATION_ERROR","errors":[{"message":"Property \\"x\\" does not exist",
                 "code":"PROPERTY_DOESNT_EXIST","context":{"propertyName":["x"]}}]}"""), null);
        assertThat(validation.describe())
            .isEqualTo("HTTP 400 VALIDATION_ERROR: Property values were not valid; Property \"x\" does not exist");
        assertThat(validation.properties()).containsExactly("x");
        HubSpotError daily = HubSpotError.of(429, json.readTree("""
                {"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT",
                 "correlationId":"c2","policyName":"DAILY"}"""), null);
        assertThat(daily.dailyLimit()).isTrue();
        assertThat(daily.describe()).isEqualTo("HTTP 429 RATE_LIMIT (DAILY): You have reached your daily limit.");
        assertThat(HubSpotError.of(502, null, "<html>Bad gateway</html>").describe())
            .isEqualTo("HTTP 502: <html>Bad gateway</html>");
    }

}
