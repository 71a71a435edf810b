package dev.switchyard.connector.jdbc;

import dev.switchyard.connector.ConnectorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where a JDBC URL goes, for messages, and which parameters are refused.
 */
class JdbcUrlTests {

    @Test
    void postgresqlUrlGivesHostPortAndDatabase() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://crm-db.internal:6543/sales?ssl=true");
        assertThat(url.address()).isEqualTo("crm-db.internal:6543");
        assertThat(url.database()).isEqualTo("sales");
    }

    @Test
    void missingPortIsTheDialectDefault() {
        assertThat(JdbcUrl.parse("jdbc:postgresql://db/crm").port()).isEqualTo(5432);
        assertThat(JdbcUrl.parse("jdbc:mysql://db/crm").port()).isEqualTo(3306);
        assertThat(JdbcUrl.parse("jdbc:sqlserver://db;databaseName=crm").port()).isEqualTo(1433);
        assertThat(JdbcUrl.parse("jdbc:postgresql:crm").address()).isEqualTo("localhost:5432");
    }

    @Test
    void credentialsInTheUrlNeverReachTheHost() {
        JdbcUrl url = JdbcUrl.parse("jdbc:mysql://sales:s3cret@db.example.com:3307/crm");
        assertThat(url.address()).isEqualTo("db.example.com:3307");
        assertThat(url.toString()).doesNotContain("s3cret");
    }

    @Test
    void sqlServerDatabaseComesFromItsProperty() {
        JdbcUrl url = JdbcUrl.parse("jdbc:sqlserver://sql01\\CRM:1444;encrypt=true;databaseName=Sales");
        assertThat(url.host()).isEqualTo("sql01\\CRM");
        assertThat(url.port()).isEqualTo(1444);
        assertThat(url.database()).isEqualTo("Sales");
    }

    @Test
    void firstOfSeveralHostsAndBracketedIpv6AreUnderstood() {
        assertThat(JdbcUrl.parse("jdbc:postgresql://a:5433,b:5434/crm").address()).isEqualTo("a:5433");
        assertThat(JdbcUrl.parse("jdbc:postgresql://[::1]:5433/crm").address()).isEqualTo("[::1]:5433");
    }

    @Test
    void parametersThatLoadCodeOrReadLocalFilesAreRefused() {
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> JdbcUrl.parse("jdbc:postgresql://db/crm?socketFactory=com.evil.Factory"))
            .withMessageContaining("'socketFactory' is not allowed");
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> JdbcUrl.parse("jdbc:mysql://db/crm?useSSL=false&allowLoadLocalInfile=true"));
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> JdbcUrl.parse("jdbc:mysql://db/crm?autoDeserialize=true"));
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> JdbcUrl.parse("jdbc:sqlserver://db;socketFactoryClass=com.evil.Factory"));
        assertThat(JdbcUrl.parse("jdbc:postgresql://db/crm?sslmode=require&ApplicationName=x").database())
            .isEqualTo("crm");
    }

    @Test
    void percentEncodedParameterNamesAreDecodedBeforeTheyAreChecked() {
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> JdbcUrl.parse("jdbc:mysql://db/crm?%61utoDeserialize=true"))
            .withMessageContaining("'autoDeserialize' is not allowed");
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> JdbcUrl.parse("jdbc:postgresql://db/crm?ssl=true&%73ocket%46actory=com.evil.Factory"))
            .withMessageContaining("'socketFactory' is not allowed");
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> JdbcUrl.parse("jdbc:mysql://db/crm?%2561utoDeserialize=true"))
            .withMessageContaining("'%61utoDeserialize' is not allowed");
        assertThat(JdbcUrl.parse("jdbc:postgresql://db/crm?%73slmode=require").database()).isEqualTo("crm");
    }

    @Test
    void onlyParametersOnTheDialectsAllowListPass() {
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> JdbcUrl.parse("jdbc:postgresql://db/crm?sslmode=require&sslfactoryprovider=x"))
            .withMessageContaining("'sslfactoryprovider' is not allowed: PostgreSQL URLs may set only")
            .withMessageContaining("ApplicationName");
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> JdbcUrl.parse("jdbc:mysql://db/crm?allowMultiQueries=true"))
            .withMessageContaining("'allowMultiQueries' is not allowed");
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> JdbcUrl.parse("jdbc:sqlserver://db;databaseName=crm;integratedSecurity=true"))
            .withMessageContaining("'integratedSecurity' is not allowed");
        assertThat(JdbcUrl.parse("jdbc:mysql://db:3307/crm?useSSL=false&serverTimezone=UTC&SOCKETTIMEOUT=5").database())
            .isEqualTo("crm");
        assertThat(JdbcUrl.parse("jdbc:mariadb://db/crm?sslMode=verify-full&connectTimeout=5").database())
            .isEqualTo("crm");
    }

    @Test
    void parametersInMysqlHostSectionsAreCheckedToo() {
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> JdbcUrl.parse("jdbc:mysql://(host=db,port=3306,autoDeserialize=true)/crm"))
            .withMessageContaining("'autoDeserialize'");
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> JdbcUrl.parse("jdbc:mariadb://address=(host=db)(port=3306)(%63odecs=x)/crm"))
            .withMessageContaining("'codecs'");
        assertThat(UrlParameters.names(SqlDialect.MYSQL, "jdbc:mysql://address=(host=db)(port=3306)/crm?useSSL=true"))
            .containsExactly("host", "port", "useSSL");
    }

    @Test
    void sqlServerBracesQuoteAValueHoldingSemicolonsAndEqualSigns() {
        assertThat(UrlParameters.names(SqlDialect.SQLSERVER,
                "jdbc:sqlserver://db;databaseName=crm;password={a;socketFactoryClass=x};encrypt=true"))
            .containsExactly("databaseName", "password", "encrypt");
    }

}
