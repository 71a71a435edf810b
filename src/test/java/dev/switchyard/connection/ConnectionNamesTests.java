package dev.switchyard.connection;

import java.util.Map;

import dev.switchyard.connector.ConnectorType;
import dev.switchyard.system.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Connection names always fit their column and never repeat a URL's parameters or
 * credentials.
 */
class ConnectionNamesTests {

    @Test
    void aDatabaseIsNamedAfterWhereItsUrlGoes() {
        String url = "jdbc:postgresql://crm-db.internal:6543/sales?ApplicationName=" + "x".repeat(200);
        assertThat(ConnectionNames.of(ConnectionRole.TARGET, ConnectorType.JDBC, "sandbox", null, request(null, url)))
            .isEqualTo("sandbox target: PostgreSQL at crm-db.internal:6543/sales");
        assertThat(ConnectionNames.of(ConnectionRole.SOURCE, ConnectorType.JDBC, null, null,
                request(null, "jdbc:mysql://sales:s3cret@db.example.com/crm")))
            .isEqualTo("MySQL at db.example.com:3306/crm");
        assertThat(ConnectionNames.of(ConnectionRole.SOURCE, ConnectorType.JDBC, null, null,
                request(null, "jdbc:h2:mem:x?autoDeserialize=true")))
            .isEqualTo("database");
    }

    @Test
    void aMadeUpNameIsShortenedToTheColumnAndAGivenOneThatIsTooLongIsRefused() {
        String longHost = "jdbc:postgresql://" + "h".repeat(200) + "/crm";
        String name = ConnectionNames.of(ConnectionRole.TARGET, ConnectorType.JDBC, "production", null,
                request(null, longHost));
        assertThat(name).hasSize(ConnectionNames.LIMIT)
            .startsWith("production target: PostgreSQL at hhh")
            .endsWith("…");
        assertThat(ConnectionNames.of(ConnectionRole.SOURCE, ConnectorType.CSV, null, "a".repeat(300) + ".zip",
                request(null, null)))
            .hasSize(ConnectionNames.LIMIT);
        assertThat(
                ConnectionNames.of(ConnectionRole.SOURCE, ConnectorType.CSV, null, null, request("  My CRM  ", null)))
            .isEqualTo("My CRM");
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> ConnectionNames.of(ConnectionRole.SOURCE, ConnectorType.CSV, null, null,
                    request("n".repeat(121), null)))
            .satisfies((ex) -> assertThat(ex.getField()).isEqualTo("name"));
    }

    @Test
    void aFolderWithoutAUsableNameStillGivesOne() {
        assertThat(ConnectionNames.of(ConnectionRole.SOURCE, ConnectorType.CSV, null, null, request(null, null)))
            .isEqualTo("files");
        assertThat(ConnectionNames.of(ConnectionRole.SOURCE, ConnectorType.CSV, null, null,
                new ConnectionRequest("source", null, "csv", null, null, null, null, null, "/imports/crm/", Map.of())))
            .isEqualTo("crm");
    }

    private static ConnectionRequest request(String name, String url) {
        return new ConnectionRequest("source", null, "csv", name, url, null, null, null, null, Map.of());
    }

}
