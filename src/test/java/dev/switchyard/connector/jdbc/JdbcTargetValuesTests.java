package dev.switchyard.connector.jdbc;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Converting the SPI's Java values for target columns, without a database.
 */
class JdbcTargetValuesTests {

    private static final JdbcColumn INT4 = column("employees", Types.INTEGER, "int4", 10);

    private static final JdbcColumn INT8 = column("id", Types.BIGINT, "int8", 19);

    private static final JdbcColumn NUMERIC = column("amount", Types.NUMERIC, "numeric", 18);

    private static final JdbcColumn BOOL = column("active", Types.BIT, "bool", 1);

    private static final JdbcColumn DATE = column("founded", Types.DATE, "date", 13);

    private static final JdbcColumn TIMESTAMP = column("updated_at", Types.TIMESTAMP, "timestamp", 29);

    private static final JdbcColumn TIMESTAMPTZ = column("seen_at", Types.TIMESTAMP, "timestamptz", 35);

    private static final JdbcColumn TEXT = column("interests", Types.VARCHAR, "text", Integer.MAX_VALUE);

    private static final JdbcColumn ARRAY = column("tags", Types.ARRAY, "_text", Integer.MAX_VALUE);

    private static final JdbcColumn UUID_COLUMN = column("id", Types.OTHER, "uuid", 2147483647);

    private final TargetValues values = new TargetValues(SqlDialect.POSTGRESQL);

    @Test
    void textAndNumbersBecomeWholeNumbersWhenTheyAreWhole() throws Exception {
        assertThat(this.values.convert(INT4, " 42 ")).isEqualTo(42L);
        assertThat(this.values.convert(INT4, new BigDecimal("7.00"))).isEqualTo(7L);
        assertThat(this.values.convert(INT4, -2147483648L)).isEqualTo(-2147483648L);
        assertThat(this.values.convert(INT8, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(this.values.convert(NUMERIC, "1250000.50")).isEqualTo(new BigDecimal("1250000.50"));
        assertThat(this.values.convert(NUMERIC, 3L)).isEqualTo(new BigDecimal(3));
        assertThat(this.values.convert(INT4, null)).isNull();
    }

    @Test
    void numbersTheColumnCannotHoldAreRefusedNamingColumnAndValue() {
        assertThatExceptionOfType(TargetValues.ValueRejection.class).isThrownBy(() -> this.values.convert(INT4, "4.5"))
            .withMessage("The value '4.5' cannot go into the column employees (int4): not a whole number")
            .satisfies((ex) -> assertThat(ex.column()).isEqualTo("employees"));
        assertThatExceptionOfType(TargetValues.ValueRejection.class)
            .isThrownBy(() -> this.values.convert(INT4, 3_000_000_000L))
            .withMessageEndingWith("out of the column's range");
        assertThatExceptionOfType(TargetValues.ValueRejection.class)
            .isThrownBy(() -> this.values.convert(NUMERIC, "$1,000"))
            .withMessageEndingWith("not a number");
        assertThatExceptionOfType(TargetValues.ValueRejection.class).isThrownBy(() -> this.values.convert(INT4, true));
    }

    @Test
    void booleansAcceptTheUsualSpellings() throws Exception {
        assertThat(this.values.convert(BOOL, "Yes")).isEqualTo(true);
        assertThat(this.values.convert(BOOL, "0")).isEqualTo(false);
        assertThat(this.values.convert(BOOL, 1L)).isEqualTo(true);
        assertThatExceptionOfType(TargetValues.ValueRejection.class)
            .isThrownBy(() -> this.values.convert(BOOL, "maybe"))
            .withMessageEndingWith("not true or false");
    }

    @Test
    void datesNeverLoseATimeOfDayAndOffsetsBecomeUtcInColumnsWithoutZone() throws Exception {
        assertThat(this.values.convert(DATE, "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(this.values.convert(DATE, LocalDateTime.of(2024, 2, 29, 0, 0))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatExceptionOfType(TargetValues.ValueRejection.class)
            .isThrownBy(() -> this.values.convert(DATE, LocalDateTime.of(2024, 2, 29, 9, 30)))
            .withMessageEndingWith("a date column would lose its time of day");
        assertThatExceptionOfType(TargetValues.ValueRejection.class)
            .isThrownBy(() -> this.values.convert(DATE, "29/02/2024"));
        assertThat(this.values.convert(TIMESTAMP, LocalDate.of(2024, 2, 29)))
            .isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
        assertThat(this.values.convert(TIMESTAMP, "2024-02-29T10:00:00+02:00"))
            .isEqualTo(LocalDateTime.of(2024, 2, 29, 8, 0));
        assertThat(this.values.convert(TIMESTAMP, "2024-02-29 10:00")).isEqualTo(LocalDateTime.of(2024, 2, 29, 10, 0));
        assertThat(this.values.convert(TIMESTAMPTZ, LocalDateTime.of(2024, 2, 29, 10, 0)))
            .isEqualTo(OffsetDateTime.of(2024, 2, 29, 10, 0, 0, 0, ZoneOffset.UTC));
        assertThat(this.values.convert(TIMESTAMPTZ, "2024-02-29T10:00:00-05:00"))
            .isEqualTo(OffsetDateTime.of(2024, 2, 29, 10, 0, 0, 0, ZoneOffset.ofHours(-5)));
    }

    @Test
    void multiSelectsAreJoinedForTextAndKeptAsListsForArrays() throws Exception {
        assertThat(this.values.convert(TEXT, List.of("Skiing", "Chess"))).isEqualTo("Skiing;Chess");
        assertThat(this.values.convert(ARRAY, List.of("vip", "golf"))).isEqualTo(List.of("vip", "golf"));
        assertThat(this.values.convert(ARRAY, "vip;golf")).isEqualTo(List.of("vip", "golf"));
        assertThatExceptionOfType(TargetValues.ValueRejection.class)
            .isThrownBy(() -> this.values.convert(INT4, List.of("1", "2")))
            .withMessageEndingWith("a list of values fits only a text or array column");
    }

    @Test
    void otherValuesGoIntoTextColumnsAsTheirText() throws Exception {
        assertThat(this.values.convert(TEXT, new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(this.values.convert(TEXT, LocalDate.of(2024, 1, 2))).isEqualTo("2024-01-02");
        assertThat(this.values.convert(TEXT, true)).isEqualTo("true");
    }

    @Test
    void uuidsAreCheckedAndKeyedInLowerCase() throws Exception {
        Object uuid = this.values.convert(UUID_COLUMN, "0B6F1E6C-1C1E-4A55-8E0E-7E1F3CB2A001");
        assertThat(uuid).isEqualTo(UUID.fromString("0b6f1e6c-1c1e-4a55-8e0e-7e1f3cb2a001"));
        assertThat(TargetParameters.key(uuid)).isEqualTo("0b6f1e6c-1c1e-4a55-8e0e-7e1f3cb2a001");
        assertThatExceptionOfType(TargetValues.ValueRejection.class)
            .isThrownBy(() -> this.values.convert(UUID_COLUMN, "1-2-3-4-5"))
            .withMessageEndingWith("not a UUID");
    }

    @Test
    void postgresqlTextFormsAreWhatItsCastsRead() {
        assertThat(TargetParameters.postgresText(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(TargetParameters.postgresText(OffsetDateTime.of(2024, 2, 29, 10, 0, 0, 0, ZoneOffset.ofHours(2))))
            .isEqualTo("2024-02-29T10:00+02:00");
        assertThat(TargetParameters.postgresText(new byte[] { 0x48, 0x69 })).isEqualTo("\\x4869");
        List<String> tags = new java.util.ArrayList<>(List.of("a,b", "say \"hi\"", "back\\slash", "NULL"));
        tags.add(null);
        assertThat(TargetParameters.postgresText(tags))
            .isEqualTo("{\"a,b\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"NULL\",NULL}");
        assertThat(TargetParameters.postgresText(null)).isNull();
    }

    private static JdbcColumn column(String name, int sqlType, String typeName, long size) {
        return new JdbcColumn(name, sqlType, typeName, size, false, false);
    }

}
