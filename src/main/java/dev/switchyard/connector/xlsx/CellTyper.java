package dev.switchyard.connector.xlsx;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Turns a cell's raw XML value into a typed Java value: dates by their number format,
 * integral numbers as {@code Long}, other numbers as {@code BigDecimal} taken from the
 * raw text (so no floating-point noise), booleans as {@code Boolean}, everything else as
 * text.
 */
final class CellTyper {

    private final StylesTable styles;

    CellTyper(StylesTable styles) {
        this.styles = styles;
    }

    /**
     * @param type the cell's {@code t} attribute, or null
     * @param style the cell's {@code s} attribute, or null
     * @param raw the raw text of its {@code <v>} element
     * @param formatted the value as POI rendered it (shared strings resolved)
     * @return the typed value, or null when blank
     * @throws IllegalArgumentException when the cell holds an error or a numeric cell no
     * number
     */
    Object type(String type, String style, String raw, String formatted) {
        if (type == null || "n".equals(type)) {
            return (raw == null || raw.isBlank()) ? null : number(style, raw.trim());
        }
        if ("b".equals(type)) {
            return "1".equals(raw) || "true".equalsIgnoreCase(raw);
        }
        if ("e".equals(type)) {
            throw new IllegalArgumentException("holds the error " + raw);
        }
        return (formatted == null || formatted.isEmpty()) ? null : formatted;
    }

    private Object number(String style, String raw) {
        if (isDateFormatted(style)) {
            double serial = parse(raw);
            if (DateUtil.isValidExcelDate(serial)) {
                LocalDateTime value = DateUtil.getLocalDateTime(serial);
                return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? value.toLocalDate() : value;
            }
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw);
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("is not a number");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return stripped.longValueExact();
        }
        return value;
    }

    private static double parse(String raw) {
        try {
            return Double.parseDouble(raw);
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("is not a date");
        }
    }

    private boolean isDateFormatted(String style) {
        if (style == null || style.isBlank() || this.styles == null) {
            return false;
        }
        XSSFCellStyle cellStyle = this.styles.getStyleAt(Integer.parseInt(style.trim()));
        if (cellStyle == null) {
            return false;
        }
        return DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
    }

}
