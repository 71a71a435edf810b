package dev.switchyard.connector.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import dev.switchyard.connector.ConnectorException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * One {@code .xlsx} file, read as a stream: sheet by sheet through {@link XSSFReader} and
 * SAX, with read-only shared strings, so that a large workbook never sits in memory.
 *
 * @param file the workbook
 */
record XlsxWorkbook(Path file) {

    /**
     * @return the file's name, for messages
     */
    String name() {
        return this.file.getFileName().toString();
    }

    /**
     * @return the names of its sheets, in workbook order
     * @throws ConnectorException when the file is not a readable workbook
     */
    List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        open((reader, strings, styles) -> {
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                sheets.next().close();
                names.add(sheets.getSheetName());
            }
        });
        return names;
    }

    /**
     * Streams one sheet's rows; a handler may throw {@link StopReading} to stop early.
     * @param sheet the sheet's name
     * @param rows receives the rows that hold at least one cell
     * @throws ConnectorException when the file or sheet cannot be read
     */
    void read(String sheet, Consumer<SheetRow> rows) {
        open((reader, strings, styles) -> {
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    if (sheets.getSheetName().equals(sheet)) {
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(TypedSheetHandler.create(styles, strings, rows));
                        parser.parse(new InputSource(in));
                        return;
                    }
                }
            }
            throw new ConnectorException(name() + " has no sheet '" + sheet + "'");
        });
    }

    private void open(WorkbookAction action) {
        try (OPCPackage pkg = OPCPackage.open(this.file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            action.run(reader, new ReadOnlySharedStringsTable(pkg, false), reader.getStylesTable());
        }
        catch (StopReading ex) {
            // the handler has all it wanted
        }
        catch (SAXException ex) {
            if (!(ex.getException() instanceof StopReading)) {
                throw new ConnectorException(name() + " is not a readable workbook: " + ex.getMessage(), ex);
            }
        }
        catch (IOException | OpenXML4JException | ParserConfigurationException | UnsupportedFileFormatException
                | POIXMLException | InvalidOperationException ex) {
            throw new ConnectorException(name() + " is not a readable workbook: " + ex.getMessage(), ex);
        }
    }

    @FunctionalInterface
    private interface WorkbookAction {

        void run(XSSFReader reader, ReadOnlySharedStringsTable strings, StylesTable styles)
                throws IOException, OpenXML4JException, SAXException, ParserConfigurationException;

    }

}
