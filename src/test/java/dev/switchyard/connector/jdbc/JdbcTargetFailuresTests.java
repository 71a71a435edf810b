package dev.switchyard.connector.jdbc;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Telling an unavailable target from a rejected record, and finding the column a MySQL,
 * MariaDB or SQL Server rejection concerns, without a server.
 */
class JdbcTargetFailuresTests {

    private final Connection open = mock(Connection.class);

    private final JdbcColumn email = new JdbcColumn("email", Types.VARCHAR, "varchar", 80, false, false);

    private final JdbcColumn name = new JdbcColumn("last_name", Types.VARCHAR, "varchar", 80, true, false);

    private final TargetTable people = new TargetTable("crm", "people", "`crm`.`people`",
            List.of(new JdbcColumn("id", Types.BIGINT, "BIGINT", 19, true, true), this.name, this.email,
                    new JdbcColumn("company_id", Types.BIGINT, "BIGINT", 19, true, false),
                    new JdbcColumn("status", Types.VARCHAR, "VARCHAR", 20, false, false),
                    new JdbcColumn("source_id", Types.VARCHAR, "VARCHAR", 18, true, false)),
            "id", Set.of("source_id"), Map.of("people_ibfk_1", "company_id", "FK_people_company", "company_id",
                    "source_id", "source_id", "chk_status", "status"),
            Map.of(), Map.of());

    @Test
    void lostConnectionsShutdownsAndDeadlocksAreTheTargetsNotTheRecords() throws Exception {
        given(this.open.isClosed()).willReturn(false);
        assertThat(unavailable(new SQLException("Communications link failure", "08S01", 0))).isTrue();
        assertThat(unavailable(new SQLException("terminating connection due to administrator command", "57P01")))
            .isTrue();
        assertThat(unavailable(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(unavailable(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isTrue();
        assertThat(unavailable(new SQLException("could not extend file: No space left on device", "53100"))).isTrue();
        assertThat(unavailable(new SQLNonTransientConnectionException("closed"))).isTrue();
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "08006", new int[0]);
        assertThat(unavailable(batch)).isTrue();
        assertThat(unavailable(new SQLException("Column 'last_name' cannot be null", "23000", 1048))).isFalse();
        assertThat(unavailable(new SQLException("value too long", "22001"))).isFalse();
    }

    @Test
    void anyFailureOnAClosedConnectionIsTheTargets() throws Exception {
        given(this.open.isClosed()).willReturn(true);
        assertThat(unavailable(new SQLException("An I/O error occurred"))).isTrue();
    }

    @Test
    void mysqlRejectionsNameTheirColumns() {
        assertThat(column(new SQLException("Column 'last_name' cannot be null", "23000", 1048))).isEqualTo("last_name");
        assertThat(column(new SQLException("Data too long for column 'email' at row 1", "22001", 1406)))
            .isEqualTo("email");
        assertThat(column(new SQLException("Cannot add or update a child row: a foreign key constraint fails "
                + "(`crm`.`people`, CONSTRAINT `people_ibfk_1` FOREIGN KEY (`company_id`) REFERENCES `companies` (`id`))",
                "23000", 1452)))
            .isEqualTo("company_id");
        assertThat(column(new SQLException("Duplicate entry '003A' for key 'people.source_id'", "23000", 1062)))
            .isEqualTo("source_id");
        assertThat(column(new SQLException("Check constraint 'chk_status' is violated.", "HY000", 3819)))
            .isEqualTo("status");
    }

    @Test
    void sqlServerRejectionsNameTheirColumns() {
        assertThat(column(new SQLException(
                "Cannot insert the value NULL into column 'last_name', table 'crm.dbo.people'; column does not allow nulls. INSERT fails.",
                "23000", 515)))
            .isEqualTo("last_name");
        assertThat(column(new SQLException("The INSERT statement conflicted with the FOREIGN KEY constraint "
                + "\"FK_people_company\". The conflict occurred in database \"crm\", table \"dbo.companies\", column 'id'.",
                "23000", 547)))
            .as("the constraint's own column, not the referenced one")
            .isEqualTo("company_id");
    }

    @Test
    void anOverLongValueIsFoundWhenTheMessageNamesNoColumn() {
        SQLException ex = new SQLException("value too long for type character varying(80)", "22001");
        TargetFailures.Rejection rejection = TargetFailures.rejection(ex, this.people,
                Map.of(this.name, "Brown", this.email, "x".repeat(81)), false, null);
        assertThat(rejection.column()).isEqualTo("email");
        assertThat(rejection.message()).isEqualTo("value too long for type character varying(80)");
    }

    @Test
    void foreignKeyAndUniqueViolationsNameTheOffendingValue() {
        assertThat(TargetFailures.offendingKey(postgres("23503",
                "insert or update on table \"people\" violates foreign key constraint \"people_company_id_fkey\"",
                "Key (company_id)=(999999) is not present in table \"companies\".")))
            .containsExactly("company_id", "999999");
        assertThat(TargetFailures.offendingKey(
                postgres("23505", "duplicate key value violates unique constraint \"companies_source_id_key\"",
                        "Key (source_id)=(001A) already exists.")))
            .containsExactly("source_id", "001A");
        assertThat(TargetFailures.offendingKey(postgres("23505", "duplicate key value violates unique constraint \"k\"",
                "Key (a, b)=(1, 2) already exists.")))
            .as("keys of several columns name no single value")
            .isNull();
        assertThat(TargetFailures.offendingKey(new SQLException("Duplicate entry '001A' for key 'source_id'")))
            .isNull();
    }

    private static SQLException postgres(String state, String message, String detail) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + state + "\0M" + message + "\0D" + detail + "\0"));
    }

    @Test
    void thePasswordNeverAppearsInAMessage() {
        SQLException ex = new SQLException("Access denied for s3cret", "42000", 1142);
        assertThat(TargetFailures.rejection(ex, this.people, Map.of(), false, "s3cret").message())
            .isEqualTo("Access denied for ****");
    }

    private boolean unavailable(SQLException ex) {
        return TargetFailures.unavailable(ex, this.open);
    }

    private String column(SQLException ex) {
        return TargetFailures.rejection(ex, this.people, Map.of(), false, null).column();
    }

}
