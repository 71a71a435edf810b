package dev.switchyard.validation;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.switchyard.system.TableExport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.stereotype.Component;

/**
 * Writes a finished validation as an XLSX report for testers and sign-off records:
 * Summary (the run, the mode, the verdict and its four tiles, the tester's decision),
 * Objects (the count reconciliation), Fields (the field comparison), Content checks,
 * Mismatch samples (every finding but the changes by design, at most
 * {@link #MAX_SAMPLES}) and Changed by design.
 * <p>
 * Counts and rates are numeric cells, timestamps date cells in UTC. Text is always a text
 * cell, escaped as {@link TableExport#xlsxText(String)} does; text a spreadsheet would
 * take for a formula ({@link TableExport#neutralise(Object)}: starting with = + - &#64;,
 * tab or carriage return) is also marked quote-prefixed, so that it stays text even when
 * the cell is edited, and still reads back exactly as it was found. The findings are
 * streamed a page at a time.
 */
@Component
class ValidationWorkbook {

    /** The most findings the Mismatch samples sheet lists. */
    static final int MAX_SAMPLES = 50_000;

    /** Rows kept in memory per sheet while streaming. */
    private static final int WINDOW = 200;

    /** Findings read per query. */
    private static final int PAGE = 1000;

    private final ValidationStore store;

    ValidationWorkbook(ValidationStore store) {
        this.store = store;
    }

    /**
     * Writes the report.
     * @param validation a finished validation with its results
     * @param project the project's name
     * @param out where to write
     * @throws IOException when writing fails
     */
    void write(Validation validation, String project, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
            Writer writer = new Writer(workbook);
            Map<FindingKind, Long> counts = this.store.findingCounts(validation.id());
            long differences = counts.entrySet()
                .stream()
                .filter((e) -> e.getKey() != FindingKind.BY_DESIGN)
                .mapToLong(Map.Entry::getValue)
                .sum();
            writer.summary(validation, project, differences, counts.getOrDefault(FindingKind.BY_DESIGN, 0L));
            writer.objects(validation);
            writer.fields(validation);
            writer.checks(validation);
            writer.findings(validation.id(), false, differences);
            writer.findings(validation.id(), true, counts.getOrDefault(FindingKind.BY_DESIGN, 0L));
            workbook.write(out);
        }
    }

    /**
     * @return a yes/no/could-not-verify text for a balance
     */
    static String balanced(Boolean balanced) {
        if (balanced == null) {
            return Verdict.UNVERIFIED.label();
        }
        return balanced ? "Yes" : "No";
    }

    /**
     * @return how the report names a decision
     */
    static String decision(String decision) {
        if (decision == null) {
            return "Not decided";
        }
        return Validation.SIGNED_OFF.equals(decision) ? "Signed off" : "Rejected";
    }

    private final class Writer {

        private final SXSSFWorkbook workbook;

        private final CellStyle bold;

        private final CellStyle quoted;

        private final CellStyle dateTime;

        private final CellStyle rate;

        Writer(SXSSFWorkbook workbook) {
            this.workbook = workbook;
            Font font = workbook.createFont();
            font.setBold(true);
            this.bold = workbook.createCellStyle();
            this.bold.setFont(font);
            this.quoted = workbook.createCellStyle();
            this.quoted.setQuotePrefixed(true);
            this.dateTime = workbook.createCellStyle();
            this.dateTime
                .setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            this.rate = workbook.createCellStyle();
            this.rate.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0.00"));
        }

        void summary(Validation v, String project, long differences, long byDesign) {
            Sheet sheet = sheet("Summary", 28, 80);
            header(sheet, "Item", "Value");
            int[] r = { 1 };
            item(sheet, r, "Project", project);
            item(sheet, r, "Run", v.runId());
            item(sheet, r, "Validation", v.id());
            item(sheet, r, "Environment", v.environment());
            item(sheet, r, "Mode", v.mode());
            item(sheet, r, "Sample size (records per object)", v.sampleSize());
            item(sheet, r, "Seed", v.seed());
            item(sheet, r, "Stratified by", v.strata());
            item(sheet, r, "Status", v.status().name());
            item(sheet, r, "Verdict", label(v.verdict()));
            item(sheet, r, "Reconciliation", label(v.reconciliation()));
            item(sheet, r, "Fields", label(v.fieldVerdict()));
            item(sheet, r, "Relationships", label(v.relationshipVerdict()));
            item(sheet, r, "Content", label(v.contentVerdict()));
            item(sheet, r, "Records to read back", v.total());
            item(sheet, r, "Records read back", v.processed());
            item(sheet, r, "Field values compared", v.fieldsCompared());
            item(sheet, r, "Match rate (%)", v.matchRate());
            item(sheet, r, "References checked", v.relationshipsChecked());
            item(sheet, r, "References broken", v.relationshipsBroken());
            item(sheet, r, "References left empty (parent not loaded)", v.relationshipsUnresolved());
            item(sheet, r, "Findings (differences)", differences);
            item(sheet, r, "Mismatch samples listed", Math.min(differences, MAX_SAMPLES));
            item(sheet, r, "Changed by design (samples)", byDesign);
            item(sheet, r, "Message", v.message());
            item(sheet, r, "Requested by", v.requestedBy());
            item(sheet, r, "Created at (UTC)", v.createdAt());
            item(sheet, r, "Started at (UTC)", v.startedAt());
            item(sheet, r, "Finished at (UTC)", v.finishedAt());
            item(sheet, r, "Decision", decision(v.decision()));
            item(sheet, r, "Decided by", v.decidedBy());
            item(sheet, r, "Decided at (UTC)", v.decidedAt());
            item(sheet, r, "Decision comment", v.decisionComment());
            item(sheet, r, "Generated at (UTC)", Instant.now());
            filter(sheet, r[0] - 1, 1);
        }

        void objects(Validation v) {
            Sheet sheet = sheet("Objects", 22, 22, 11, 11, 11, 11, 11, 12, 11, 11, 15, 11, 11, 11, 11, 17, 60, 18, 18,
                    12);
            header(sheet, "Source object", "Target object", "Extracted", "In scope", "Created", "Updated", "Unchanged",
                    "Quarantined", "Excluded", "Archived", "Without outcome", "Loaded", "In target", "Missing",
                    "Compared", "Balanced", "Reason", "Out of scope in target", "Of which kept on purpose", "Verdict");
            int r = 1;
            for (Validation.ObjectResult o : v.objects()) {
                row(sheet.createRow(r++), o.source(), o.target(), o.extracted(), o.inScope(), o.created(), o.updated(),
                        o.unchanged(), o.quarantined(), o.excluded(), o.archived(), o.withoutOutcome(), o.loaded(),
                        o.inTarget(), o.missing(), o.compared(), balanced(o.balanced()), o.reason(), o.outOfScope(),
                        o.outOfScopeKept(), o.verdict().label());
            }
            filter(sheet, r - 1, 19);
        }

        void fields(Validation v) {
            Sheet sheet = sheet("Fields", 22, 22, 24, 24, 10, 11, 11, 11, 14, 12, 18, 11, 10, 18);
            header(sheet, "Source object", "Target object", "Field", "Source field", "Reference", "Compared", "Matched",
                    "Mismatched", "Match rate (%)", "Raw matched", "Raw match rate (%)", "By design", "Status",
                    "Parent not loaded");
            int r = 1;
            for (Validation.FieldResult f : v.fields()) {
                row(sheet.createRow(r++), f.source(), f.target(), f.field(), f.sourceField(),
                        f.reference() ? "Yes" : "No", f.compared(), f.matched(), f.mismatched(), f.rate(),
                        f.rawMatched(), f.rawRate(), f.byDesign(), f.status().label(), f.unresolved());
            }
            filter(sheet, r - 1, 13);
        }

        void checks(Validation v) {
            Sheet sheet = sheet("Content checks", 22, 22, 26, 11, 11);
            header(sheet, "Source object", "Target object", "Check", "Checked", "Failed");
            int r = 1;
            for (Validation.CheckResult c : v.checks()) {
                row(sheet.createRow(r++), c.source(), c.target(), c.label(), c.checked(), c.failed());
            }
            filter(sheet, r - 1, 4);
        }

        void findings(long id, boolean byDesign, long total) {
            Sheet sheet = byDesign ? sheet("Changed by design", 22, 22, 22, 22, 24, 40, 40, 40)
                    : sheet("Mismatch samples", 24, 22, 22, 22, 22, 24, 40, 40, 40);
            if (byDesign) {
                header(sheet, "Source object", "Target object", "Source id", "Target id", "Field", "Raw source value",
                        "Expected", "Actual");
            }
            else {
                header(sheet, "Kind", "Source object", "Target object", "Source id", "Target id", "Field", "Expected",
                        "Actual", "Raw source value");
            }
            int r = 1;
            long after = 0;
            int limit = byDesign ? Integer.MAX_VALUE : MAX_SAMPLES;
            while (r - 1 < limit) {
                List<Validation.Finding> page = ValidationWorkbook.this.store.findingsAfter(id, byDesign, after,
                        Math.min(PAGE, limit - (r - 1)));
                if (page.isEmpty()) {
                    break;
                }
                for (Validation.Finding f : page) {
                    Row row = sheet.createRow(r++);
                    if (byDesign) {
                        row(row, f.source(), f.target(), f.sourceId(), f.targetId(), f.field(), f.sourceValue(),
                                f.expected(), f.actual());
                    }
                    else {
                        row(row, f.kind().label(), f.source(), f.target(), f.sourceId(), f.targetId(), f.field(),
                                f.expected(), f.actual(), f.sourceValue());
                    }
                }
                after = page.get(page.size() - 1).id();
            }
            filter(sheet, r - 1, byDesign ? 7 : 8);
            if (r - 1 < total) {
                text(sheet.createRow(r + 1), 0,
                        "Only the first " + (r - 1) + " of " + total
                                + " findings are listed: the API (GET /api/v1/validations/" + id
                                + "/findings) pages through all of them");
            }
        }

        private Sheet sheet(String name, int... widths) {
            Sheet sheet = this.workbook.createSheet(name);
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            return sheet;
        }

        private void header(Sheet sheet, String... names) {
            Row row = sheet.createRow(0);
            for (int i = 0; i < names.length; i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(names[i]);
                cell.setCellStyle(this.bold);
            }
        }

        private void filter(Sheet sheet, int lastRow, int lastColumn) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 0), 0, lastColumn));
        }

        private void item(Sheet sheet, int[] r, String label, Object value) {
            Row row = sheet.createRow(r[0]++);
            Cell cell = row.createCell(0);
            cell.setCellValue(label);
            cell.setCellStyle(this.bold);
            value(row, 1, value);
        }

        private void row(Row row, Object... values) {
            for (int i = 0; i < values.length; i++) {
                value(row, i, values[i]);
            }
        }

        private void value(Row row, int column, Object value) {
            if (value == null) {
                return;
            }
            if (value instanceof Double number) {
                Cell cell = row.createCell(column);
                cell.setCellValue(number);
                cell.setCellStyle(this.rate);
            }
            else if (value instanceof Number number) {
                row.createCell(column).setCellValue(number.longValue());
            }
            else if (value instanceof Instant instant) {
                Cell cell = row.createCell(column);
                cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
                cell.setCellStyle(this.dateTime);
            }
            else {
                text(row, column, value.toString());
            }
        }

        private void text(Row row, int column, String value) {
            String text = TableExport.xlsxText(value);
            if (text.length() > TableExport.MAX_CELL_LENGTH) {
                text = text.substring(0, TableExport.MAX_CELL_LENGTH - 1) + "…";
            }
            Cell cell = row.createCell(column);
            // a string cell is never a formula; quote-prefixed, it stays text when edited
            cell.setCellValue(text);
            if (!TableExport.neutralise(value).equals(value)) {
                cell.setCellStyle(this.quoted);
            }
        }

        private static String label(Verdict verdict) {
            return (verdict != null) ? verdict.label() : null;
        }

    }

    /**
     * @return the report's file name
     */
    static String filename(long validationId) {
        return "validation-" + validationId + ".xlsx";
    }

}
