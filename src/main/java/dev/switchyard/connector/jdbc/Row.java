package dev.switchyard.connector.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A record ready to write: its values converted for their columns, in the table's column
 * order.
 *
 * @param index its place in the chunk
 * @param sourceId its id in the source
 * @param values the converted values by column, in column order (nulls kept)
 * @param key the match key's text ({@link TargetParameters#key}), or null without a match
 * key
 * @param keyValue the match key's converted value, or null
 * @param targetId the id of the row it updates, once known; otherwise null
 */
record Row(int index, String sourceId, Map<JdbcColumn, Object> values, String key, Object keyValue, String targetId) {

    /**
     * @return the columns it sets, in column order
     */
    List<JdbcColumn> columns() {
        return new ArrayList<>(this.values.keySet());
    }

    /**
     * @return whether the database will surely refuse it: a null for a NOT NULL column it
     * does not fill itself, or text longer than its column's declared length. Such rows
     * are written alone, so that the database still gives its own message but no
     * statement of many rows has to be split for them.
     */
    boolean likelyRefused() {
        for (Map.Entry<JdbcColumn, Object> value : this.values.entrySet()) {
            JdbcColumn column = value.getKey();
            if (value.getValue() == null && column.required() && !column.generated()) {
                return true;
            }
            if (value.getValue() instanceof String text && column.length() != null && text.length() > column.length()
                    && text.codePointCount(0, text.length()) > column.length()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param id the id of the row it updates
     * @return it, knowing that row
     */
    Row withTargetId(String id) {
        return new Row(this.index, this.sourceId, this.values, this.key, this.keyValue, id);
    }

    /**
     * @param converter the converter
     * @param idColumn the primary key
     * @return the target id converted for binding
     */
    Object targetIdValue(TargetValues converter, JdbcColumn idColumn) {
        try {
            return converter.convert(idColumn, this.targetId);
        }
        catch (TargetValues.ValueRejection ex) {
            throw new IllegalStateException("The database gave an id its own column refuses: " + ex.getMessage());
        }
    }

}
