package dev.switchyard.connector.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statements the writer sends, in each dialect's words: inserts of many rows that
 * give back the new ids (on PostgreSQL from one {@code text[]} per column through
 * {@code unnest}, {@code RETURNING}; multi-row {@code VALUES} with {@code OUTPUT} on SQL
 * Server and generated keys on MySQL and MariaDB), updates that change a row only when a
 * value differs, and lookups and deletes by a list of keys. Identifiers are quoted by the
 * dialect; values are always parameters.
 */
final class TargetSql {

    /** Rows per multi-row statement, at most. */
    static final int ROWS_PER_STATEMENT = 250;

    /** PostgreSQL types that have no equality operator, compared as text instead. */
    private static final Set<String> WITHOUT_EQUALITY = Set.of("json", "xml", "point", "box", "polygon", "line", "lseg",
            "path", "circle");

    private final SqlDialect dialect;

    TargetSql(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @param columns the columns each row sets
     * @return how many rows one statement carries, within the dialect's parameter limit
     */
    int rowsPerStatement(int columns) {
        int parameters = (this.dialect == SqlDialect.SQLSERVER) ? 2000 : 30000;
        return Math.max(1, Math.min(ROWS_PER_STATEMENT, parameters / Math.max(1, columns)));
    }

    /**
     * @return whether keys and rows travel as arrays (PostgreSQL) rather than as lists of
     * parameters
     */
    boolean arrays() {
        return this.dialect == SqlDialect.POSTGRESQL;
    }

    /**
     * @return whether an insert gives back its rows' ids as a result set (otherwise as
     * generated keys)
     */
    boolean insertReturnsRows() {
        return this.dialect == SqlDialect.POSTGRESQL || this.dialect == SqlDialect.SQLSERVER;
    }

    /**
     * @param table the table
     * @param columns the columns set, possibly none
     * @param rows how many rows
     * @param id the primary key, given back
     * @param matchKey the match key, given back too; or null
     * @param skipConflicts whether rows whose match key already exists are skipped
     * (PostgreSQL's {@code ON CONFLICT DO NOTHING}; only with a unique match key)
     * @return the insert
     */
    String insert(TargetTable table, List<JdbcColumn> columns, int rows, JdbcColumn id, JdbcColumn matchKey,
            boolean skipConflicts) {
        boolean none = columns.isEmpty();
        String names = none ? quote(id) : columns.stream().map(this::quote).collect(Collectors.joining(", "));
        String row = none ? "(default)" : "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        String values = String.join(", ", Collections.nCopies(rows, row));
        List<JdbcColumn> returned = (matchKey != null && !matchKey.equals(id)) ? List.of(id, matchKey) : List.of(id);
        StringBuilder sql = new StringBuilder("insert into ").append(table.qualified()).append(" (").append(names);
        sql.append(")");
        if (this.dialect == SqlDialect.SQLSERVER) {
            sql.append(" output ")
                .append(returned.stream().map((c) -> "inserted." + quote(c)).collect(Collectors.joining(", ")));
        }
        sql.append(" values ").append(values);
        if (this.dialect == SqlDialect.POSTGRESQL) {
            if (skipConflicts) {
                sql.append(" on conflict (").append(quote(matchKey)).append(") do nothing");
            }
            sql.append(" returning ").append(returned.stream().map(this::quote).collect(Collectors.joining(", ")));
        }
        return sql.toString();
    }

    /**
     * PostgreSQL: parameters are one {@code text[]} per column.
     * @param table the table
     * @param columns the columns set (never empty)
     * @param id the primary key, given back
     * @param matchKey the match key, given back too; or null
     * @param skipConflicts whether rows whose match key already exists are skipped
     * @return {@code insert … select … from unnest(…) with ordinality … returning …}
     */
    String insertFromArrays(TargetTable table, List<JdbcColumn> columns, JdbcColumn id, JdbcColumn matchKey,
            boolean skipConflicts) {
        StringBuilder sql = new StringBuilder("insert into ").append(table.qualified())
            .append(" (")
            .append(columns.stream().map(this::quote).collect(Collectors.joining(", ")))
            .append(") select ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append((i > 0) ? ", " : "").append(cast(table, columns.get(i), "u.v" + i));
        }
        sql.append(" from ").append(unnest(values(columns.size()))).append(" order by u.ordinality");
        if (skipConflicts) {
            sql.append(" on conflict (").append(quote(matchKey)).append(") do nothing");
        }
        List<JdbcColumn> returned = (matchKey != null && !matchKey.equals(id)) ? List.of(id, matchKey) : List.of(id);
        return sql.append(" returning ")
            .append(returned.stream().map(this::quote).collect(Collectors.joining(", ")))
            .toString();
    }

    /**
     * PostgreSQL: parameters are a {@code text[]} of ids, then one per column.
     * @param table the table
     * @param columns the columns set (never empty)
     * @param id the column the rows are found by
     * @param onlyWhenDifferent whether a row already holding the values is left alone
     * @return {@code update … from unnest(…) where … returning id}: the rows changed
     */
    String updateFromArrays(TargetTable table, List<JdbcColumn> columns, JdbcColumn id, boolean onlyWhenDifferent) {
        StringBuilder sql = new StringBuilder("update ").append(table.qualified()).append(" as t set ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append((i > 0) ? ", " : "")
                .append(quote(columns.get(i)))
                .append(" = ")
                .append(cast(table, columns.get(i), "u.v" + i));
        }
        List<String> names = new ArrayList<>(List.of("target_id"));
        names.addAll(values(columns.size()));
        sql.append(" from ").append(unnest(names));
        sql.append(" where t.").append(quote(id)).append(" = ").append(cast(table, id, "u.target_id"));
        if (onlyWhenDifferent) {
            sql.append(" and (");
            for (int i = 0; i < columns.size(); i++) {
                JdbcColumn column = columns.get(i);
                String cast = cast(table, column, "u.v" + i);
                boolean textual = WITHOUT_EQUALITY.contains(table.castType(column));
                sql.append((i > 0) ? " or " : "")
                    .append("t.")
                    .append(quote(column))
                    .append(textual ? "::text" : "")
                    .append(" is distinct from ")
                    .append(textual ? "(" + cast + ")::text" : cast);
            }
            sql.append(")");
        }
        return sql.append(" returning t.").append(quote(id)).toString();
    }

    /**
     * PostgreSQL: the parameter is a {@code text[]} of keys.
     * @param table the table
     * @param columns the columns read
     * @param key the column compared
     * @return {@code select columns from table where key = any(…)}
     */
    String selectAny(TargetTable table, List<JdbcColumn> columns, JdbcColumn key) {
        return "select " + columns.stream().map(this::quote).collect(Collectors.joining(", ")) + " from "
                + table.qualified() + " where " + quote(key) + " = any(?::text[]::" + table.castType(key) + "[])";
    }

    /**
     * Parameters: the new values, the id, then (when {@code onlyWhenDifferent}) the new
     * values again.
     * @param table the table
     * @param columns the columns set (never empty)
     * @param id the column the row is found by
     * @param onlyWhenDifferent whether the row is left alone when it already holds these
     * values, so that the update count tells changed from unchanged
     * @return the update
     */
    String update(TargetTable table, List<JdbcColumn> columns, JdbcColumn id, boolean onlyWhenDifferent) {
        String sql = "update " + table.qualified() + " set "
                + columns.stream().map((c) -> quote(c) + " = ?").collect(Collectors.joining(", ")) + " where "
                + quote(id) + " = ?";
        return onlyWhenDifferent ? sql + " and " + different(columns) : sql;
    }

    /**
     * @param table the table
     * @param columns the columns read
     * @param key the column compared
     * @param keys how many keys are listed
     * @return {@code select columns from table where key in (?, …)}
     */
    String select(TargetTable table, List<JdbcColumn> columns, JdbcColumn key, int keys) {
        return "select " + columns.stream().map(this::quote).collect(Collectors.joining(", ")) + " from "
                + table.qualified() + " where " + quote(key) + " in (" + placeholders(keys) + ")";
    }

    /**
     * One parameter: the value compared.
     * @param table the table
     * @param columns the columns read
     * @param key the column compared
     * @param limit the most rows
     * @return {@code select columns from table where key = ? order by primary key},
     * limited to {@code limit} rows
     */
    String selectWhere(TargetTable table, List<JdbcColumn> columns, JdbcColumn key, int limit) {
        String names = columns.stream().map(this::quote).collect(Collectors.joining(", "));
        String where = " from " + table.qualified() + " where " + quote(key) + " = ? order by "
                + quote(table.primaryKey());
        if (this.dialect == SqlDialect.SQLSERVER) {
            return "select top (" + limit + ") " + names + where;
        }
        return "select " + names + where + " limit " + limit;
    }

    /**
     * @param table the table
     * @param id the id column
     * @param keys how many ids are listed
     * @return {@code delete from table where id in (?, …)}
     */
    String delete(TargetTable table, JdbcColumn id, int keys) {
        return "delete from " + table.qualified() + " where " + quote(id) + " in (" + placeholders(keys) + ")";
    }

    private String different(List<JdbcColumn> columns) {
        return switch (this.dialect) {
            case POSTGRESQL ->
                "(" + columns.stream().map((c) -> quote(c) + " is distinct from ?").collect(Collectors.joining(" or "))
                        + ")";
            case MYSQL, MARIADB ->
                "not (" + columns.stream().map((c) -> quote(c) + " <=> ?").collect(Collectors.joining(" and ")) + ")";
            case SQLSERVER ->
                "not exists (select " + columns.stream().map(this::quote).collect(Collectors.joining(", "))
                        + " intersect select " + placeholders(columns.size()) + ")";
        };
    }

    private String cast(TargetTable table, JdbcColumn column, String expression) {
        return "cast(" + expression + " as " + table.castType(column) + ")";
    }

    private static List<String> values(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("v" + i);
        }
        return names;
    }

    private static String unnest(List<String> names) {
        return "unnest(" + String.join(", ", Collections.nCopies(names.size(), "?::text[]")) + ") with ordinality as u("
                + String.join(", ", names) + ", ordinality)";
    }

    private String quote(JdbcColumn column) {
        return this.dialect.quote(column.name());
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

}
