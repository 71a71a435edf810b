package dev.switchyard.connector.xlsx;

import java.util.List;
import java.util.SortedMap;

/**
 * One row of a sheet as it was streamed: its typed, non-blank cells by column index.
 *
 * @param number the 1-based row number, as Excel shows it
 * @param cells the typed values ({@code String}, {@code Long}, {@code BigDecimal},
 * {@code Boolean}, {@code LocalDate}, {@code LocalDateTime}) by 0-based column; blank
 * cells are absent
 * @param unreadable what could not be read in this row (an error cell, a broken number),
 * one message per cell naming the cell
 */
record SheetRow(int number, SortedMap<Integer, Object> cells, List<String> unreadable) {

}
