package dev.switchyard.connector.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.WriteResult;

/**
 * Turns a chunk's records into {@link Row}s: each field resolved to a column of the table
 * (exact name, or the same name in another case) and its value converted for it. A record
 * naming an unknown column, holding a value its column cannot take, lacking its match key
 * or repeating a match key seen earlier in the chunk is rejected here, before any
 * statement, and the others go on.
 */
final class RowPreparation {

    private final TargetTable table;

    private final JdbcColumn matchKey;

    private final TargetValues values;

    private final WriteResult[] results;

    private final Map<String, JdbcColumn> columns = new HashMap<>();

    RowPreparation(TargetTable table, JdbcColumn matchKey, TargetValues values, WriteResult[] results) {
        this.table = table;
        this.matchKey = matchKey;
        this.values = values;
        this.results = results;
    }

    /**
     * @param records the chunk
     * @return the rows of the records not rejected, in chunk order
     */
    List<Row> prepare(List<TargetRecord> records) {
        List<Row> rows = new ArrayList<>(records.size());
        Map<String, String> keys = new HashMap<>();
        for (int index = 0; index < records.size(); index++) {
            TargetRecord record = records.get(index);
            Row row = row(index, record);
            if (row == null) {
                continue;
            }
            if (this.matchKey != null) {
                if (row.keyValue() == null) {
                    reject(index, record, this.matchKey.name(), "The record has no value for the match key column "
                            + this.matchKey.name() + " of " + this.table.location());
                    continue;
                }
                String earlier = keys.putIfAbsent(row.key(), record.sourceId());
                if (earlier != null) {
                    reject(index, record, this.matchKey.name(), "The match key " + this.matchKey.name() + " = '"
                            + row.key() + "' is also the key of the record " + earlier + " of this chunk");
                    continue;
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private Row row(int index, TargetRecord record) {
        List<JdbcColumn> columns = this.table.columns();
        Object[] slots = new Object[columns.size()];
        boolean[] set = new boolean[columns.size()];
        for (Map.Entry<String, Object> field : record.values().entrySet()) {
            JdbcColumn column = this.columns.computeIfAbsent(field.getKey(),
                    (name) -> this.table.column(name).orElse(null));
            if (column == null) {
                reject(index, record, field.getKey(),
                        "There is no column '" + field.getKey() + "' in " + this.table.location());
                return null;
            }
            int ordinal = this.table.ordinal(column);
            if (set[ordinal]) {
                reject(index, record, column.name(), "The record sets the column " + column.name() + " twice");
                return null;
            }
            try {
                slots[ordinal] = this.values.convert(column, field.getValue());
                set[ordinal] = true;
            }
            catch (TargetValues.ValueRejection ex) {
                reject(index, record, ex.column(), ex.getMessage());
                return null;
            }
        }
        Map<JdbcColumn, Object> converted = new LinkedHashMap<>();
        for (int i = 0; i < slots.length; i++) {
            if (set[i]) {
                converted.put(columns.get(i), slots[i]);
            }
        }
        Object keyValue = (this.matchKey != null) ? converted.get(this.matchKey) : null;
        return new Row(index, record.sourceId(), Collections.unmodifiableMap(converted),
                (keyValue != null) ? TargetParameters.key(keyValue) : null, keyValue, null);
    }

    private void reject(int index, TargetRecord record, String column, String message) {
        this.results[index] = WriteResult.rejected(record.sourceId(), null, column, message);
    }

}
