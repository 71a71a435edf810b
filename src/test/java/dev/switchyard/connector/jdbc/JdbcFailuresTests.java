package dev.switchyard.connector.jdbc;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MySQL, MariaDB and SQL Server drivers throw becomes the same plain reasons as
 * PostgreSQL's, without a server.
 */
class JdbcFailuresTests {

    private static final JdbcUrl MYSQL = JdbcUrl.parse("jdbc:mysql://crm-db:3306/sales");

    private static final JdbcUrl SQLSERVER = JdbcUrl.parse("jdbc:sqlserver://sql01:1433;databaseName=Sales");

    @Test
    void mysqlAccessDeniedIsAnAuthenticationFailureWithoutThePassword() {
        SQLException ex = new SQLException("Access denied for user 'sales'@'10.0.0.5' (using password: YES) hunter2",
                "28000", 1045);
        assertThat(JdbcFailures.connecting(ex, MYSQL, "sales", "hunter2"))
            .hasMessageStartingWith("Authentication failed for user 'sales' on crm-db:3306")
            .hasMessageNotContaining("hunter2")
            .cause()
            .hasMessageNotContaining("hunter2");
    }

    @Test
    void mysqlUnknownDatabaseIsNamed() {
        SQLException ex = new SQLException("Unknown database 'sales'", "42000", 1049);
        assertThat(JdbcFailures.connecting(ex, MYSQL, "sales", null))
            .hasMessage("The database 'sales' does not exist on crm-db:3306");
    }

    @Test
    void sqlServerLoginFailureAndMissingDatabaseAreNamed() {
        assertThat(JdbcFailures.connecting(new SQLException("Login failed for user 'sa'.", "S0001", 18456), SQLSERVER,
                "sa", "pw"))
            .hasMessageStartingWith("Authentication failed for user 'sa' on sql01:1433");
        assertThat(JdbcFailures.connecting(
                new SQLException("Cannot open database \"Sales\" requested by the login.", "S0001", 4060), SQLSERVER,
                "sa", "pw"))
            .hasMessage("The database 'Sales' does not exist on sql01:1433");
    }

    @Test
    void refusedAndUnknownHostsAreUnreachable() {
        SQLException refused = new SQLException("Communications link failure", "08S01", 0,
                new ConnectException("Connection refused"));
        assertThat(JdbcFailures.connecting(refused, MYSQL, "sales", null))
            .hasMessageStartingWith("Cannot reach crm-db:3306: nothing accepts connections there");
        SQLException unknown = new SQLException("Communications link failure", "08S01", 0,
                new UnknownHostException("crm-db"));
        assertThat(JdbcFailures.connecting(unknown, MYSQL, "sales", null))
            .hasMessage("Cannot reach crm-db:3306: the host 'crm-db' is unknown");
        SQLException tcp = new SQLException("The TCP/IP connection to the host sql01, port 1433 has failed.", "08S01",
                0);
        assertThat(JdbcFailures.connecting(tcp, SQLSERVER, "sa", null))
            .hasMessageStartingWith("Cannot reach sql01:1433: The TCP/IP connection");
    }

}
