package dev.switchyard.connector.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import dev.switchyard.connector.FieldType;

/**
 * Reads one column of a row as the SPI's plain Java values: {@code String}, {@code Long},
 * {@code BigDecimal}, {@code Boolean}, {@code LocalDate}, {@code LocalDateTime},
 * {@code OffsetDateTime} or null. Values with no such type (bytes, arrays, JSON, times of
 * day) are given in their text form.
 */
enum JdbcValues {

    INTEGER, DECIMAL, REAL, DOUBLE, BOOLEAN, DATE, TIMESTAMP, ZONED_TIMESTAMP, BINARY, TEXT;

    /**
     * @param metaData the result's metadata
     * @param column the column, from 1
     * @return how to read it
     */
    static JdbcValues of(ResultSetMetaData metaData, int column) throws SQLException {
        int sqlType = metaData.getColumnType(column);
        String typeName = metaData.getColumnTypeName(column);
        if (JdbcTypes.isZonedTimestamp(sqlType, typeName)) {
            return ZONED_TIMESTAMP;
        }
        if (JdbcTypes.isBinary(sqlType)) {
            return BINARY;
        }
        if (sqlType == Types.REAL) {
            return REAL;
        }
        if (sqlType == Types.FLOAT || sqlType == Types.DOUBLE) {
            return DOUBLE;
        }
        FieldType type = JdbcTypes.fieldType(sqlType, typeName, metaData.getPrecision(column));
        if (type == null) {
            return TEXT;
        }
        return switch (type) {
            case INTEGER -> INTEGER;
            case DECIMAL -> DECIMAL;
            case BOOLEAN -> BOOLEAN;
            case DATE -> DATE;
            case DATETIME -> TIMESTAMP;
            default -> TEXT;
        };
    }

    /**
     * @param rs the result, on a row
     * @param column the column, from 1
     * @return the value
     * @throws SQLException when the driver cannot convert it
     */
    Object read(ResultSet rs, int column) throws SQLException {
        return switch (this) {
            case INTEGER -> integer(rs.getObject(column));
            case DECIMAL -> rs.getBigDecimal(column);
            case REAL -> {
                float value = rs.getFloat(column);
                yield rs.wasNull() ? null
                        : Float.isFinite(value) ? new BigDecimal(Float.toString(value)) : Float.toString(value);
            }
            case DOUBLE -> {
                double value = rs.getDouble(column);
                yield rs.wasNull() ? null : Double.isFinite(value) ? BigDecimal.valueOf(value) : Double.toString(value);
            }
            case BOOLEAN -> {
                boolean value = rs.getBoolean(column);
                yield rs.wasNull() ? null : value;
            }
            case DATE -> rs.getObject(column, LocalDate.class);
            case TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
            case ZONED_TIMESTAMP -> rs.getObject(column, OffsetDateTime.class);
            case BINARY -> {
                byte[] bytes = rs.getBytes(column);
                yield (bytes != null) ? "\\x" + HexFormat.of().formatHex(bytes) : null;
            }
            case TEXT -> rs.getString(column);
        };
    }

    /**
     * @param value a value read by {@link #read}
     * @return its text, as a record id
     */
    static String text(Object value) {
        return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : String.valueOf(value);
    }

    private static Object integer(Object value) {
        if (value instanceof BigInteger big) {
            return (big.bitLength() < 64) ? (Object) big.longValue() : new BigDecimal(big);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof Boolean flag) {
            return flag ? 1L : 0L;
        }
        return (value != null) ? value.toString() : null;
    }

}
