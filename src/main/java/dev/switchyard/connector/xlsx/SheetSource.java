package dev.switchyard.connector.xlsx;

/**
 * Where an object comes from: one sheet of one workbook.
 *
 * @param workbook the workbook
 * @param sheet the sheet's name, which is also the object's name
 */
record SheetSource(XlsxWorkbook workbook, String sheet) {

    /**
     * @return {@code Accounts.xlsx!Account}
     */
    String location() {
        return this.workbook.name() + "!" + this.sheet;
    }

    /**
     * @param row a 1-based row number
     * @return {@code Accounts.xlsx!Account:17}
     */
    String location(int row) {
        return location() + ":" + row;
    }

}
