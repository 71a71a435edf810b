package dev.switchyard.connector.xlsx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorProvider;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.SourceConnector;

import org.springframework.stereotype.Component;

/**
 * Opens folders of XLSX workbooks: every sheet of every {@code .xlsx} file in the folder
 * is one object, its first row the field names. Sheets are streamed, never loaded whole.
 */
@Component
public class XlsxConnectorProvider implements ConnectorProvider {

    @Override
    public ConnectorType type() {
        return ConnectorType.XLSX;
    }

    @Override
    public SourceConnector open(ConnectionSettings settings) {
        Path folder = settings.files();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ConnectorException("The XLSX connection needs a folder of workbooks; " + folder + " is none");
        }
        List<XlsxWorkbook> workbooks = workbooks(folder);
        if (workbooks.isEmpty()) {
            throw new ConnectorException("No .xlsx workbook in " + folder);
        }
        return new XlsxConnector(settings, workbooks);
    }

    private static List<XlsxWorkbook> workbooks(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                .filter(XlsxConnectorProvider::isWorkbook)
                .sorted()
                .map(XlsxWorkbook::new)
                .toList();
        }
        catch (IOException ex) {
            throw new ConnectorException("Cannot list the workbooks in " + folder + ": " + ex.getMessage(), ex);
        }
    }

    private static boolean isWorkbook(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".xlsx") && !name.startsWith("~$");
    }

}
