package dev.switchyard.connector.jdbc;

import java.sql.Types;
import java.util.Locale;
import java.util.Set;

import dev.switchyard.connector.FieldType;

/**
 * Maps a column's JDBC type (and the database's own type name) to a dictionary type.
 */
final class JdbcTypes {

    /** SQL Server's {@code datetimeoffset}, outside {@link Types}. */
    static final int SQLSERVER_DATETIMEOFFSET = -155;

    private static final Set<Integer> INTEGERS = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT);

    private static final Set<Integer> DECIMALS = Set.of(Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT,
            Types.DOUBLE);

    private static final Set<Integer> CHARACTERS = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);

    private static final Set<String> UUIDS = Set.of("uuid", "uniqueidentifier");

    private static final Set<String> ZONED_TIMESTAMPS = Set.of("timestamptz", "timestamp with time zone",
            "datetimeoffset");

    private JdbcTypes() {
    }

    /**
     * @param sqlType the {@link Types} constant
     * @param typeName the database's type name
     * @param size the column size (precision), or 0
     * @return the dictionary type, or null for a type the dictionary has none for
     * (binary, arrays, JSON, time of day)
     */
    static FieldType fieldType(int sqlType, String typeName, long size) {
        String name = (typeName != null) ? typeName.toLowerCase(Locale.ROOT) : "";
        if (UUIDS.contains(name)) {
            return FieldType.ID;
        }
        if (INTEGERS.contains(sqlType)) {
            return FieldType.INTEGER;
        }
        if (DECIMALS.contains(sqlType)) {
            return FieldType.DECIMAL;
        }
        if (sqlType == Types.BOOLEAN || (sqlType == Types.BIT && size <= 1)) {
            return FieldType.BOOLEAN;
        }
        if (sqlType == Types.DATE) {
            return FieldType.DATE;
        }
        if (sqlType == Types.TIMESTAMP || sqlType == Types.TIMESTAMP_WITH_TIMEZONE
                || sqlType == SQLSERVER_DATETIMEOFFSET) {
            return FieldType.DATETIME;
        }
        if (CHARACTERS.contains(sqlType)) {
            return FieldType.TEXT;
        }
        return null;
    }

    /**
     * @param sqlType the {@link Types} constant
     * @param size the column size
     * @return the maximum length of a character column, or null for other columns and
     * unbounded text
     */
    static Integer length(int sqlType, long size) {
        return (CHARACTERS.contains(sqlType) && size > 0 && size < Integer.MAX_VALUE) ? (int) size : null;
    }

    /**
     * @param sqlType the {@link Types} constant
     * @param typeName the database's type name
     * @return whether values are timestamps with a time zone or offset
     */
    static boolean isZonedTimestamp(int sqlType, String typeName) {
        return sqlType == Types.TIMESTAMP_WITH_TIMEZONE || sqlType == SQLSERVER_DATETIMEOFFSET
                || (typeName != null && ZONED_TIMESTAMPS.contains(typeName.toLowerCase(Locale.ROOT)));
    }

    /**
     * @param sqlType the {@link Types} constant
     * @return whether values are bytes
     */
    static boolean isBinary(int sqlType) {
        return sqlType == Types.BINARY || sqlType == Types.VARBINARY || sqlType == Types.LONGVARBINARY
                || sqlType == Types.BLOB;
    }

}
