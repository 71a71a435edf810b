package dev.switchyard.connector.jdbc;

import java.util.List;
import java.util.Optional;

import dev.switchyard.connector.FieldSchema;

/**
 * The columns of one table as its metadata declares them.
 *
 * @param fields the columns in ordinal order
 * @param primaryKey the single primary-key column, or null when there is none or it has
 * several columns
 */
record JdbcTableMetadata(List<FieldSchema> fields, String primaryKey) {

    /**
     * @param name a column name, exact or in another case
     * @return the column's name as the database spells it
     */
    Optional<String> column(String name) {
        return this.fields.stream()
            .map(FieldSchema::name)
            .filter(name::equals)
            .findFirst()
            .or(() -> this.fields.stream().map(FieldSchema::name).filter(name::equalsIgnoreCase).findFirst());
    }

    /**
     * @param name a column name, exact or in another case
     * @return the column
     */
    Optional<FieldSchema> field(String name) {
        return column(name)
            .flatMap((column) -> this.fields.stream().filter((f) -> f.name().equals(column)).findFirst());
    }

}
