package dev.switchyard.connector.csv;

import dev.switchyard.connector.RecordingSink;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;
import dev.switchyard.connector.SourceRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV connector on a real Salesforce export (see the data folder's PROVENANCE.md).
 */
class CsvConnectorMashmatrixTests {

    private SourceConnector connector;

    @BeforeEach
    void open() throws URISyntaxException {
        Path folder = Path.of(getClass().getResource("/data/sf-export-mashmatrix").toURI());
        this.connector = new CsvConnectorProvider()
            .open(new ConnectionSettings(ConnectorType.CSV, folder, Map.of(), null, Map.of()));
    }

    @AfterEach
    void close() {
        this.connector.close();
    }

    @Test
    void describesEachFileAsAnObjectWithTheBomStrippedFromTheFirstHeader() {
        SchemaSnapshot snapshot = this.connector.describe();
        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.objects()).extracting(ObjectSchema::name)
            .containsExactly("Account", "Contact", "Opportunity");
        ObjectSchema account = snapshot.object("account").orElseThrow();
        assertThat(account.idField()).isEqualTo("Id");
        assertThat(account.origin()).isEqualTo("Account.csv");
        assertThat(account.recordCount()).isNull();
        assertThat(account.fields()).hasSize(66).first().extracting(FieldSchema::name).isEqualTo("Id");
        assertThat(snapshot.object("Contact").orElseThrow().fields()).hasSize(61);
        assertThat(snapshot.object("Opportunity").orElseThrow().fields()).hasSize(41);
    }

    @Test
    void extractsEveryRecordOfEveryObject() {
        assertThat(extract("Account").records()).hasSize(83);
        assertThat(extract("Contact").records()).hasSize(133);
        assertThat(extract("Opportunity").records()).hasSize(774);
        assertThat(extract("Opportunity").problems()).isEmpty();
    }

    @Test
    void keepsAQuotedValueWithEmbeddedNewlinesIntactAndLocatesTheRecordByItsFirstLine() {
        RecordingSink sink = extract("Account");
        SourceRecord gateway = sink.records().get(1);
        assertThat(gateway.id()).isEqualTo("001f4000003NkdRAAS");
        assertThat(gateway.location()).isEqualTo("Account.csv:3");
        assertThat((String) gateway.values().get("Description"))
            .contains("for any other purpose. \n\nWe gather personal information from ou");
        assertThat(gateway.values().get("BillingStreet")).isEqualTo("Gateway, Inc. 7565 Irvine Center Drive");
    }

    @Test
    void keepsValuesAsTextExactlyAsInTheFileWithEmptyFieldsAsEmptyStrings() {
        SourceRecord xerox = extract("Account").records()
            .stream()
            .filter((r) -> r.id().equals("001f4000003NkdVAAS"))
            .findFirst()
            .orElseThrow();
        assertThat(xerox.location()).isEqualTo("Account.csv:20");
        assertThat(xerox.values().get("BillingPostalCode")).isEqualTo("6850");
        assertThat(xerox.values().get("ParentId")).isEqualTo("");
        assertThat(xerox.values()).hasSize(66).containsKey("SLAExpirationDate__c");
        assertThat(xerox.values().keySet()).first().isEqualTo("Id");
    }

    private RecordingSink extract(String object) {
        RecordingSink sink = new RecordingSink();
        this.connector.extract(object, ExtractWindow.full(), sink);
        return sink;
    }

}
