package dev.switchyard.connector.jdbc;

import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements the writer sends in each dialect; MySQL, MariaDB and SQL Server have no
 * server here, so their words are at least checked.
 */
class JdbcTargetSqlTests {

    private static final JdbcColumn ID = new JdbcColumn("id", Types.BIGINT, "int8", 19, true, true);

    private static final JdbcColumn KEY = new JdbcColumn("source_id", Types.VARCHAR, "varchar", 18, true, false);

    private static final JdbcColumn NAME = new JdbcColumn("name", Types.VARCHAR, "varchar", 80, true, false);

    private static final JdbcColumn DOC = new JdbcColumn("doc", Types.OTHER, "json", 0, false, false);

    @Test
    void postgresqlInsertsManyRowsReturningIdsAndKeysAndCanSkipConflicts() {
        TargetSql sql = new TargetSql(SqlDialect.POSTGRESQL);
        assertThat(sql.insert(table(SqlDialect.POSTGRESQL), List.of(KEY, NAME), 2, ID, KEY, true))
            .isEqualTo("insert into \"public\".\"people\" (\"source_id\", \"name\") values (?, ?), (?, ?)"
                    + " on conflict (\"source_id\") do nothing returning \"id\", \"source_id\"");
        assertThat(sql.insert(table(SqlDialect.POSTGRESQL), List.of(), 2, ID, null, false))
            .isEqualTo("insert into \"public\".\"people\" (\"id\") values (default), (default) returning \"id\"");
        assertThat(sql.update(table(SqlDialect.POSTGRESQL), List.of(NAME), ID, true)).isEqualTo(
                "update \"public\".\"people\" set \"name\" = ? where \"id\" = ? and (\"name\" is distinct from ?)");
    }

    @Test
    void postgresqlSendsEachColumnAsOneArrayCastBackToTheColumnsType() {
        TargetSql sql = new TargetSql(SqlDialect.POSTGRESQL);
        assertThat(sql.insertFromArrays(table(SqlDialect.POSTGRESQL), List.of(KEY, NAME), ID, KEY, true))
            .isEqualTo("insert into \"public\".\"people\" (\"source_id\", \"name\")"
                    + " select cast(u.v0 as character varying), cast(u.v1 as character varying)"
                    + " from unnest(?::text[], ?::text[]) with ordinality as u(v0, v1, ordinality)"
                    + " order by u.ordinality on conflict (\"source_id\") do nothing returning \"id\", \"source_id\"");
        assertThat(sql.updateFromArrays(table(SqlDialect.POSTGRESQL), List.of(NAME, DOC), ID, true))
            .isEqualTo("update \"public\".\"people\" as t set \"name\" = cast(u.v0 as character varying),"
                    + " \"doc\" = cast(u.v1 as json)"
                    + " from unnest(?::text[], ?::text[], ?::text[]) with ordinality as u(target_id, v0, v1, ordinality)"
                    + " where t.\"id\" = cast(u.target_id as bigint) and (t.\"name\" is distinct from"
                    + " cast(u.v0 as character varying) or t.\"doc\"::text is distinct from (cast(u.v1 as json))::text)"
                    + " returning t.\"id\"");
        assertThat(sql.selectAny(table(SqlDialect.POSTGRESQL), List.of(KEY, ID), KEY)).isEqualTo(
                "select \"source_id\", \"id\" from \"public\".\"people\" where \"source_id\" = any(?::text[]::character varying[])");
    }

    @Test
    void mysqlAndMariadbReadGeneratedKeysAndCompareWithTheNullSafeEquals() {
        TargetSql sql = new TargetSql(SqlDialect.MARIADB);
        assertThat(sql.insertReturnsRows()).isFalse();
        assertThat(sql.insert(table(SqlDialect.MARIADB), List.of(KEY, NAME), 2, ID, KEY, false))
            .isEqualTo("insert into `crm`.`people` (`source_id`, `name`) values (?, ?), (?, ?)");
        assertThat(sql.update(table(SqlDialect.MYSQL), List.of(KEY, NAME), ID, true)).isEqualTo(
                "update `crm`.`people` set `source_id` = ?, `name` = ? where `id` = ? and not (`source_id` <=> ? and `name` <=> ?)");
    }

    @Test
    void sqlServerOutputsInsertedIdsAndComparesWithIntersect() {
        TargetSql sql = new TargetSql(SqlDialect.SQLSERVER);
        assertThat(sql.insert(table(SqlDialect.SQLSERVER), List.of(NAME), 1, ID, KEY, false))
            .isEqualTo("insert into [dbo].[people] ([name]) output inserted.[id], inserted.[source_id] values (?)");
        assertThat(sql.update(table(SqlDialect.SQLSERVER), List.of(NAME), ID, true)).isEqualTo(
                "update [dbo].[people] set [name] = ? where [id] = ? and not exists (select [name] intersect select ?)");
        assertThat(sql.rowsPerStatement(30)).as("2,100 parameters at most").isEqualTo(66);
    }

    @Test
    void lookupsAndDeletesListTheirKeys() {
        TargetSql sql = new TargetSql(SqlDialect.POSTGRESQL);
        assertThat(sql.select(table(SqlDialect.POSTGRESQL), List.of(KEY, ID), KEY, 3))
            .isEqualTo("select \"source_id\", \"id\" from \"public\".\"people\" where \"source_id\" in (?, ?, ?)");
        assertThat(sql.delete(table(SqlDialect.POSTGRESQL), ID, 2))
            .isEqualTo("delete from \"public\".\"people\" where \"id\" in (?, ?)");
        assertThat(sql.rowsPerStatement(8)).isEqualTo(TargetSql.ROWS_PER_STATEMENT);
    }

    private static TargetTable table(SqlDialect dialect) {
        String schema = dialect.defaultSchema("crm");
        return new TargetTable(schema, "people", dialect.qualify(schema, "people"), List.of(ID, KEY, NAME, DOC), "id",
                Set.of("source_id"), Map.of(), Map.of(), (dialect == SqlDialect.POSTGRESQL) ? Map.of("id", "bigint",
                        "source_id", "character varying", "name", "character varying", "doc", "json") : Map.of());
    }

}
