package dev.switchyard.connector.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Hands values converted by {@link TargetValues} to the database: as statement
 * parameters, as the text PostgreSQL casts from, and as the text a key has when the
 * database gives it back, so that keys sent and keys read back compare.
 */
final class TargetParameters {

    private final SqlDialect dialect;

    TargetParameters(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @param statement the statement
     * @param index the parameter, from 1
     * @param column the column the parameter goes into or is compared with
     * @param value a value from {@link TargetValues#convert}, or null
     */
    void bind(PreparedStatement statement, int index, JdbcColumn column, Object value) throws SQLException {
        boolean postgres = this.dialect == SqlDialect.POSTGRESQL;
        if (value == null) {
            statement.setNull(index, postgres ? Types.OTHER : column.sqlType());
        }
        else if (value instanceof List<?> list) {
            String elementType = column.typeName().startsWith("_") ? column.typeName().substring(1) : "text";
            statement.setArray(index, statement.getConnection().createArrayOf(elementType, list.toArray()));
        }
        else if (value instanceof String text) {
            if (postgres) {
                // sent untyped, so that PostgreSQL takes the column's type: enums, json,
                // inet …
                statement.setObject(index, text, Types.OTHER);
            }
            else {
                statement.setString(index, text);
            }
        }
        else if (value instanceof UUID uuid && !postgres) {
            statement.setString(index, uuid.toString());
        }
        else {
            statement.setObject(index, value);
        }
    }

    /**
     * @param value a value from {@link TargetValues#convert}, or null
     * @return its text as PostgreSQL reads it in a cast from {@code text}: ISO dates and
     * times, plain decimals, {@code \x} hex bytes, array literals for lists
     */
    static String postgresText(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof List<?> list) {
            StringBuilder literal = new StringBuilder("{");
            for (Object item : list) {
                literal.append((literal.length() > 1) ? "," : "");
                if (item == null) {
                    literal.append("NULL");
                }
                else {
                    literal.append('"').append(item.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
            }
            return literal.append('}').toString();
        }
        return key(value);
    }

    /**
     * @param value a value from {@link TargetValues#convert}
     * @return its text as the database gives it back, to match keys read back
     */
    static String key(Object value) {
        return (value instanceof byte[] bytes) ? "\\x" + HexFormat.of().formatHex(bytes) : JdbcValues.text(value);
    }

}
