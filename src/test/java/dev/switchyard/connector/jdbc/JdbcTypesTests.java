package dev.switchyard.connector.jdbc;

import java.sql.Types;

import dev.switchyard.connector.FieldType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the column metadata of each database maps to dictionary types, without a server.
 */
class JdbcTypesTests {

    @Test
    void integerAndDecimalTypesMapForEveryDatabase() {
        assertThat(JdbcTypes.fieldType(Types.TINYINT, "TINYINT", 3)).isEqualTo(FieldType.INTEGER);
        assertThat(JdbcTypes.fieldType(Types.BIGINT, "BIGINT UNSIGNED", 20)).isEqualTo(FieldType.INTEGER);
        assertThat(JdbcTypes.fieldType(Types.DECIMAL, "money", 19)).isEqualTo(FieldType.DECIMAL);
        assertThat(JdbcTypes.fieldType(Types.DOUBLE, "float8", 17)).isEqualTo(FieldType.DECIMAL);
        assertThat(JdbcTypes.fieldType(Types.REAL, "FLOAT", 12)).isEqualTo(FieldType.DECIMAL);
    }

    @Test
    void oneBitColumnsAreBooleansAndWiderBitStringsAreNot() {
        assertThat(JdbcTypes.fieldType(Types.BIT, "bit", 1)).as("SQL Server bit").isEqualTo(FieldType.BOOLEAN);
        assertThat(JdbcTypes.fieldType(Types.BIT, "TINYINT", 1)).as("MySQL tinyint(1)").isEqualTo(FieldType.BOOLEAN);
        assertThat(JdbcTypes.fieldType(Types.BOOLEAN, "BOOLEAN", 1)).isEqualTo(FieldType.BOOLEAN);
        assertThat(JdbcTypes.fieldType(Types.BIT, "BIT", 8)).isNull();
    }

    @Test
    void datesAndTimestampsWithOrWithoutOffsetMap() {
        assertThat(JdbcTypes.fieldType(Types.DATE, "DATE", 10)).isEqualTo(FieldType.DATE);
        assertThat(JdbcTypes.fieldType(Types.TIMESTAMP, "DATETIME", 19)).isEqualTo(FieldType.DATETIME);
        assertThat(JdbcTypes.fieldType(Types.TIMESTAMP, "datetime2", 27)).isEqualTo(FieldType.DATETIME);
        assertThat(JdbcTypes.fieldType(JdbcTypes.SQLSERVER_DATETIMEOFFSET, "datetimeoffset", 34))
            .isEqualTo(FieldType.DATETIME);
        assertThat(JdbcTypes.isZonedTimestamp(JdbcTypes.SQLSERVER_DATETIMEOFFSET, "datetimeoffset")).isTrue();
        assertThat(JdbcTypes.isZonedTimestamp(Types.TIMESTAMP, "timestamptz")).isTrue();
        assertThat(JdbcTypes.isZonedTimestamp(Types.TIMESTAMP, "DATETIME")).isFalse();
        assertThat(JdbcTypes.fieldType(Types.TIME, "time", 8)).isNull();
    }

    @Test
    void characterTypesAreTextWithTheirLengthUnlessUnbounded() {
        assertThat(JdbcTypes.fieldType(Types.NVARCHAR, "nvarchar", 120)).isEqualTo(FieldType.TEXT);
        assertThat(JdbcTypes.length(Types.NVARCHAR, 120)).isEqualTo(120);
        assertThat(JdbcTypes.fieldType(Types.LONGVARCHAR, "MEDIUMTEXT", 16777215)).isEqualTo(FieldType.TEXT);
        assertThat(JdbcTypes.length(Types.LONGVARCHAR, 4294967295L)).as("MySQL longtext").isNull();
        assertThat(JdbcTypes.length(Types.VARCHAR, Integer.MAX_VALUE)).as("PostgreSQL text").isNull();
        assertThat(JdbcTypes.length(Types.INTEGER, 10)).isNull();
    }

    @Test
    void uuidTypesAreIdsEvenWhenReportedAsCharacters() {
        assertThat(JdbcTypes.fieldType(Types.CHAR, "uniqueidentifier", 36)).isEqualTo(FieldType.ID);
        assertThat(JdbcTypes.fieldType(Types.OTHER, "uuid", 2147483647)).isEqualTo(FieldType.ID);
        assertThat(JdbcTypes.fieldType(Types.OTHER, "jsonb", 2147483647)).isNull();
        assertThat(JdbcTypes.fieldType(Types.VARBINARY, "bytea", 2147483647)).isNull();
    }

}
