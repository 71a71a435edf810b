package dev.switchyard.connector.jdbc;

import dev.switchyard.connector.ConnectorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Identifier quoting, default schemas and URL schemes of each dialect, without a server.
 */
class SqlDialectTests {

    @Test
    void postgresqlQuotesWithDoubleQuotesAndDoublesEmbeddedOnes() {
        assertThat(SqlDialect.POSTGRESQL.quote("account")).isEqualTo("\"account\"");
        assertThat(SqlDialect.POSTGRESQL.quote("Odd \"Name\" Table")).isEqualTo("\"Odd \"\"Name\"\" Table\"");
        assertThat(SqlDialect.POSTGRESQL.qualify("crm", "Account")).isEqualTo("\"crm\".\"Account\"");
    }

    @Test
    void mysqlAndMariadbQuoteWithBackticksAndDoubleEmbeddedOnes() {
        assertThat(SqlDialect.MYSQL.quote("order")).isEqualTo("`order`");
        assertThat(SqlDialect.MYSQL.quote("a`b")).isEqualTo("`a``b`");
        assertThat(SqlDialect.MARIADB.qualify("crm", "my table")).isEqualTo("`crm`.`my table`");
    }

    @Test
    void sqlServerQuotesWithBracketsAndDoublesTheClosingOne() {
        assertThat(SqlDialect.SQLSERVER.quote("x]y")).isEqualTo("[x]]y]");
        assertThat(SqlDialect.SQLSERVER.quote("[x")).isEqualTo("[[x]");
        assertThat(SqlDialect.SQLSERVER.qualify("dbo", "Order Lines")).isEqualTo("[dbo].[Order Lines]");
    }

    @Test
    void defaultSchemaIsPublicDboOrTheDatabase() {
        assertThat(SqlDialect.POSTGRESQL.defaultSchema("crm")).isEqualTo("public");
        assertThat(SqlDialect.SQLSERVER.defaultSchema("crm")).isEqualTo("dbo");
        assertThat(SqlDialect.MYSQL.defaultSchema("crm")).isEqualTo("crm");
        assertThat(SqlDialect.MARIADB.defaultSchema(null)).isNull();
        assertThat(SqlDialect.MYSQL.schemaIsCatalog()).isTrue();
        assertThat(SqlDialect.POSTGRESQL.schemaIsCatalog()).isFalse();
    }

    @Test
    void dialectIsChosenFromTheUrlScheme() {
        assertThat(SqlDialect.forUrl("jdbc:postgresql://db:5432/crm")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.forUrl("JDBC:MySQL://db/crm")).isEqualTo(SqlDialect.MYSQL);
        assertThat(SqlDialect.forUrl("jdbc:mariadb://db/crm")).isEqualTo(SqlDialect.MARIADB);
        assertThat(SqlDialect.forUrl("jdbc:sqlserver://db;databaseName=crm")).isEqualTo(SqlDialect.SQLSERVER);
    }

    @Test
    void dialectIsChosenFromTheProductName() {
        assertThat(SqlDialect.forProductName("PostgreSQL")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.forProductName("MySQL")).isEqualTo(SqlDialect.MYSQL);
        assertThat(SqlDialect.forProductName("MariaDB")).isEqualTo(SqlDialect.MARIADB);
        assertThat(SqlDialect.forProductName("Microsoft SQL Server")).isEqualTo(SqlDialect.SQLSERVER);
    }

    @Test
    void h2AndOtherSchemesAreRefusedNamingOnlyTheScheme() {
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> SqlDialect.forUrl("jdbc:h2:file:/etc/passwd;USER=sa;PASSWORD=hunter2"))
            .withMessageContaining("'jdbc:h2'")
            .withMessageContaining("jdbc:postgresql:")
            .withMessageNotContaining("hunter2");
        assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> SqlDialect.forUrl("jdbc:sqlite:crm.db"));
        assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> SqlDialect.forUrl(" "))
            .withMessageContaining("JDBC URL is required");
    }

    @Test
    void connectionPropertiesBoundLoginAndReadTimes() {
        assertThat(JdbcConnections.connectionProperties(SqlDialect.POSTGRESQL, "sales", "pw"))
            .containsEntry("user", "sales")
            .containsEntry("loginTimeout", "10")
            .containsEntry("socketTimeout", "600");
        assertThat(JdbcConnections.connectionProperties(SqlDialect.MYSQL, "sales", "pw"))
            .containsEntry("connectTimeout", "10000")
            .containsEntry("allowLoadLocalInfile", "false");
        assertThat(JdbcConnections.connectionProperties(SqlDialect.SQLSERVER, null, null))
            .containsEntry("loginTimeout", "10")
            .doesNotContainKey("user");
    }

}
