package dev.switchyard.connector.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * A SAX handler for one worksheet that hands each row on as typed values. POI's
 * {@link XSSFSheetXMLHandler} resolves shared and inline strings; this subclass also
 * keeps each cell's type, style and raw {@code <v>} text, which the formatted value alone
 * loses, so that numbers and dates come out typed.
 */
final class TypedSheetHandler extends XSSFSheetXMLHandler {

    private final RowCollector collector;

    private TypedSheetHandler(StylesTable styles, SharedStrings strings, RowCollector collector) {
        super(styles, null, strings, collector, new DataFormatter(), false);
        this.collector = collector;
    }

    /**
     * @param styles the workbook's styles
     * @param strings the workbook's (read-only) shared strings
     * @param rows receives each row that has at least one cell
     * @return the handler
     */
    static TypedSheetHandler create(StylesTable styles, SharedStrings strings, Consumer<SheetRow> rows) {
        return new TypedSheetHandler(styles, strings, new RowCollector(new CellTyper(styles), rows));
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        if ("c".equals(localName)) {
            this.collector.startCell(attributes.getValue("t"), attributes.getValue("s"));
        }
        else if ("v".equals(localName)) {
            this.collector.valueOpen = true;
        }
        super.startElement(uri, localName, qName, attributes);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (this.collector.valueOpen) {
            this.collector.raw.append(ch, start, length);
        }
        super.characters(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if ("v".equals(localName)) {
            this.collector.valueOpen = false;
        }
        super.endElement(uri, localName, qName);
    }

    /**
     * Gathers the typed cells of the current row.
     */
    private static final class RowCollector implements SheetContentsHandler {

        private final CellTyper typer;

        private final Consumer<SheetRow> rows;

        private final StringBuilder raw = new StringBuilder();

        private boolean valueOpen;

        private String type;

        private String style;

        private int column;

        private TreeMap<Integer, Object> cells;

        private List<String> unreadable;

        RowCollector(CellTyper typer, Consumer<SheetRow> rows) {
            this.typer = typer;
            this.rows = rows;
        }

        void startCell(String type, String style) {
            this.type = type;
            this.style = style;
            this.raw.setLength(0);
            this.column++;
        }

        @Override
        public void startRow(int rowNum) {
            this.cells = new TreeMap<>();
            this.unreadable = new ArrayList<>();
            this.column = -1;
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int index = (cellReference != null) ? new CellReference(cellReference).getCol() : this.column;
            this.column = index;
            try {
                Object value = this.typer.type(this.type, this.style, this.raw.toString(), formattedValue);
                if (value != null) {
                    this.cells.put(index, value);
                }
            }
            catch (IllegalArgumentException ex) {
                String name = (cellReference != null) ? cellReference : CellReference.convertNumToColString(index);
                this.unreadable.add("cell " + name + " " + ex.getMessage() + " (raw value '" + this.raw + "')");
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (!this.cells.isEmpty() || !this.unreadable.isEmpty()) {
                this.rows.accept(new SheetRow(rowNum + 1, this.cells, this.unreadable));
            }
        }

    }

}
