package dev.switchyard.connector.jdbc;

import java.sql.Types;

import dev.switchyard.connector.FieldType;

/**
 * One column of a table as {@code DatabaseMetaData.getColumns} declares it.
 *
 * @param name its name as the database spells it
 * @param sqlType the {@link Types} constant
 * @param typeName the database's own type name ({@code int8}, {@code _text},
 * {@code varchar})
 * @param size the column size (precision or length), or 0
 * @param required whether it is NOT NULL
 * @param generated whether the database fills it itself (identity, serial, computed)
 */
record JdbcColumn(String name, int sqlType, String typeName, long size, boolean required, boolean generated) {

    /**
     * @return the dictionary type of its values, or null for types the dictionary has
     * none for
     */
    FieldType fieldType() {
        return JdbcTypes.fieldType(this.sqlType, this.typeName, this.size);
    }

    /**
     * @return the maximum length of a character column, or null
     */
    Integer length() {
        return JdbcTypes.length(this.sqlType, this.size);
    }

    /**
     * @return whether it holds an array ({@code text[]} and the like)
     */
    boolean isArray() {
        return this.sqlType == Types.ARRAY;
    }

    @Override
    public String toString() {
        return this.name + " (" + this.typeName + ")";
    }

}
