package dev.switchyard.connector.csv;

import org.springframework.stereotype.Component;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorProvider;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.SourceConnector;

/**
 * Opens a folder of CSV files (an unpacked upload) as a source: one object per file.
 * Options: {@code encoding} (default UTF-8; a byte-order mark wins) and {@code delimiter}
 * ({@code ,} {@code ;} {@code |} or {@code tab}; detected per file when absent).
 */
@Component
public class CsvConnectorProvider implements ConnectorProvider {

    @Override
    public ConnectorType type() {
        return ConnectorType.CSV;
    }

    @Override
    public SourceConnector open(ConnectionSettings settings) {
        CsvOptions options = CsvOptions.of(settings);
        return new CsvSourceConnector(CsvFolder.scan(settings.files()), options, settings.idFields());
    }

}
