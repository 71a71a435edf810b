package dev.switchyard.mapping;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchyard.mapping.transform.MultiPicklistMap;
import dev.switchyard.mapping.transform.PicklistMap;
import dev.switchyard.mapping.transform.Transform;
import dev.switchyard.mapping.transform.TransformJson;
import dev.switchyard.scope.rule.Condition;
import dev.switchyard.scope.rule.Match;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.TableExport;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static dev.switchyard.mapping.MappingWorkbook.COLUMN;
import static dev.switchyard.mapping.MappingWorkbook.DEFAULT_VALUE;
import static dev.switchyard.mapping.MappingWorkbook.FIELDS;
import static dev.switchyard.mapping.MappingWorkbook.FIELD_MAPPINGS;
import static dev.switchyard.mapping.MappingWorkbook.FILTER;
import static dev.switchyard.mapping.MappingWorkbook.FILTER_JSON;
import static dev.switchyard.mapping.MappingWorkbook.IGNORE_CASE;
import static dev.switchyard.mapping.MappingWorkbook.LOOKUP_TABLE;
import static dev.switchyard.mapping.MappingWorkbook.MATCH_KEY;
import static dev.switchyard.mapping.MappingWorkbook.NOTE;
import static dev.switchyard.mapping.MappingWorkbook.OBJECTS;
import static dev.switchyard.mapping.MappingWorkbook.PICKLIST_SOURCES;
import static dev.switchyard.mapping.MappingWorkbook.PICKLIST_VALUES;
import static dev.switchyard.mapping.MappingWorkbook.REFUSE;
import static dev.switchyard.mapping.MappingWorkbook.REJECTED_SUGGESTIONS;
import static dev.switchyard.mapping.MappingWorkbook.RULE;
import static dev.switchyard.mapping.MappingWorkbook.SETTINGS;
import static dev.switchyard.mapping.MappingWorkbook.SHEET;
import static dev.switchyard.mapping.MappingWorkbook.SOURCE_FIELDS;
import static dev.switchyard.mapping.MappingWorkbook.SOURCE_OBJECT;
import static dev.switchyard.mapping.MappingWorkbook.SOURCE_VALUE;
import static dev.switchyard.mapping.MappingWorkbook.STEP;
import static dev.switchyard.mapping.MappingWorkbook.TARGET_FIELD;
import static dev.switchyard.mapping.MappingWorkbook.TARGET_OBJECT;
import static dev.switchyard.mapping.MappingWorkbook.TARGET_VALUE;
import static dev.switchyard.mapping.MappingWorkbook.TRANSFORMS;
import static dev.switchyard.mapping.MappingWorkbook.USE_DEFAULT;
import static dev.switchyard.mapping.MappingWorkbook.VERSION;
import static dev.switchyard.mapping.MappingWorkbook.WHEN_UNMAPPED;

/**
 * Writes a mapping document as the workbook {@link MappingWorkbook} describes, streaming
 * its rows.
 */
final class MappingWorkbookWriter {

    /** Rows kept in memory per sheet while streaming. */
    private static final int WINDOW = 200;

    private final JsonMapper json;

    private final SXSSFWorkbook workbook;

    private final CellStyle bold;

    private final CellStyle wrapped;

    /**
     * An object mapping and where its sheets go.
     */
    private record ObjectPlan(ObjectMapping object, String sheet, List<PicklistPlan> picklists) {
    }

    /**
     * A picklist step and its sheet.
     *
     * @param step the step's index in the chain, 0-based
     */
    private record PicklistPlan(FieldMapping field, int step, Transform map, String sheet) {
    }

    private MappingWorkbookWriter(JsonMapper json, SXSSFWorkbook workbook) {
        this.json = json;
        this.workbook = workbook;
        Font font = workbook.createFont();
        font.setBold(true);
        this.bold = workbook.createCellStyle();
        this.bold.setFont(font);
        this.wrapped = workbook.createCellStyle();
        this.wrapped.setWrapText(true);
    }

    static void write(JsonMapper json, MappingDocument document, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
            new MappingWorkbookWriter(json, workbook).document(document);
            workbook.write(out);
        }
    }

    private void document(MappingDocument document) {
        MappingWorkbook.SheetNames names = new MappingWorkbook.SheetNames(OBJECTS, PICKLIST_SOURCES, SETTINGS,
                MappingWorkbook.NOT_MIGRATED);
        List<ObjectPlan> plans = new ArrayList<>();
        for (ObjectMapping object : document.objects()) {
            plans.add(
                    new ObjectPlan(object, names.unique(object.source() + " → " + object.target()), new ArrayList<>()));
        }
        for (ObjectPlan plan : plans) {
            for (FieldMapping field : plan.object().fields()) {
                for (int i = 0; i < field.transforms().size(); i++) {
                    Transform step = field.transforms().get(i);
                    if (isPicklist(step)) {
                        plan.picklists()
                            .add(new PicklistPlan(field, i, step,
                                    names.unique("Picklist " + plan.object().target() + "." + field.target())));
                    }
                }
            }
        }
        objects(plans);
        for (ObjectPlan plan : plans) {
            fields(plan);
            for (PicklistPlan picklist : plan.picklists()) {
                picklist(plan.object(), picklist);
            }
        }
        picklistSources(document.picklistSources());
        notMigrated(document.objects());
        settings(document);
    }

    static boolean isPicklist(Transform step) {
        return step instanceof PicklistMap || step instanceof MultiPicklistMap;
    }

    private void objects(List<ObjectPlan> plans) {
        Sheet sheet = this.workbook.createSheet(OBJECTS);
        header(sheet, 0, SOURCE_OBJECT, TARGET_OBJECT, MATCH_KEY, FILTER, FILTER_JSON, FIELDS, SHEET);
        widths(sheet, 24, 24, 18, 40, 40, 8, 28);
        int r = 1;
        for (ObjectPlan plan : plans) {
            ObjectMapping object = plan.object();
            String where = "Object mapping " + object.label();
            Row row = sheet.createRow(r++);
            text(row, 0, object.source(), where + ": the source object");
            text(row, 1, object.target(), where + ": the target object");
            text(row, 2, object.matchKey(), where + ": the match key");
            text(row, 3, describe(object.filter()), where + ": the filter");
            text(row, 4, (object.filter() != null) ? this.json.writeValueAsString(object.filter()) : null,
                    where + ": the filter");
            row.createCell(5).setCellValue(object.fields().size());
            Cell link = text(row, 6, plan.sheet(), where);
            link(link, plan.sheet());
        }
        sheet.createFreezePane(0, 1);
    }

    private void fields(ObjectPlan plan) {
        ObjectMapping object = plan.object();
        Sheet sheet = this.workbook.createSheet(plan.sheet());
        title(sheet, FIELD_MAPPINGS);
        label(sheet, 1, SOURCE_OBJECT, object.source(), null);
        label(sheet, 2, TARGET_OBJECT, object.target(), null);
        header(sheet, 4, TARGET_FIELD, SOURCE_FIELDS, RULE, TRANSFORMS, NOTE);
        widths(sheet, 24, 28, 44, 60, 40);
        int r = 5;
        for (FieldMapping field : object.fields()) {
            String where = object.label() + ", field " + field.target();
            Row row = sheet.createRow(r++);
            text(row, 0, field.target(), where + ": the target field");
            text(row, 1, sources(field.sources()), where + ": the source fields");
            StringBuilder rule = new StringBuilder(field.chain().describe());
            plan.picklists()
                .stream()
                .filter((p) -> p.field() == field)
                .forEach((p) -> rule.append("\n(step ")
                    .append(p.step() + 1)
                    .append("'s values are on sheet '")
                    .append(p.sheet())
                    .append("')"));
            wrap(text(row, 2, rule.toString(), where + ": the rule"));
            text(row, 3, steps(field.transforms()), where + ": the transforms (picklist values apart)");
            wrap(text(row, 4, field.note(), where + ": the note"));
        }
        sheet.createFreezePane(0, 5);
    }

    private void picklist(ObjectMapping object, PicklistPlan plan) {
        Map<String, String> values;
        String defaultValue;
        boolean caseInsensitive;
        if (plan.map() instanceof PicklistMap map) {
            values = map.values();
            defaultValue = map.defaultValue();
            caseInsensitive = map.caseInsensitive();
        }
        else {
            MultiPicklistMap map = (MultiPicklistMap) plan.map();
            values = map.values();
            defaultValue = map.defaultValue();
            caseInsensitive = map.caseInsensitive();
        }
        String where = object.label() + ", field " + plan.field().target() + ", step " + (plan.step() + 1);
        Sheet sheet = this.workbook.createSheet(plan.sheet());
        title(sheet, PICKLIST_VALUES);
        label(sheet, 1, SOURCE_OBJECT, object.source(), null);
        label(sheet, 2, TARGET_OBJECT, object.target(), null);
        label(sheet, 3, TARGET_FIELD, plan.field().target(), null);
        Row step = label(sheet, 4, STEP, null, "of the field's chain (" + TransformJson.typeName(plan.map().getClass())
                + ": " + plan.map().describe() + ")");
        step.createCell(1).setCellValue(plan.step() + 1);
        label(sheet, 5, DEFAULT_VALUE, defaultValue, null);
        label(sheet, 6, WHEN_UNMAPPED, (defaultValue != null) ? USE_DEFAULT : REFUSE,
                "'" + REFUSE + "': a source value with no row below fails its record; '" + USE_DEFAULT
                        + "': it becomes the default value (empty text when that cell is blank)");
        Row ignoreCase = label(sheet, 7, IGNORE_CASE, null, "TRUE: source values match whatever their case");
        ignoreCase.createCell(1).setCellValue(caseInsensitive);
        header(sheet, 9, SOURCE_VALUE, TARGET_VALUE);
        widths(sheet, 32, 32, 60);
        int r = 10;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Row row = sheet.createRow(r++);
            text(row, 0, entry.getKey(), where + ": source value '" + entry.getKey() + "'");
            text(row, 1, entry.getValue(), where + ": the value for '" + entry.getKey() + "'");
        }
        sheet.createFreezePane(0, 10);
    }

    private void picklistSources(List<PicklistSource> picklistSources) {
        Sheet sheet = this.workbook.createSheet(PICKLIST_SOURCES);
        header(sheet, 0, TARGET_OBJECT, TARGET_FIELD, LOOKUP_TABLE, COLUMN);
        widths(sheet, 24, 24, 24, 24);
        int r = 1;
        for (PicklistSource source : picklistSources) {
            String where = "Picklist source " + source.object() + "." + source.field();
            Row row = sheet.createRow(r++);
            text(row, 0, source.object(), where);
            text(row, 1, source.field(), where);
            text(row, 2, source.table(), where);
            text(row, 3, source.column(), where);
        }
        sheet.createFreezePane(0, 1);
    }

    private void notMigrated(List<ObjectMapping> objects) {
        Sheet sheet = this.workbook.createSheet(MappingWorkbook.NOT_MIGRATED);
        header(sheet, 0, SOURCE_OBJECT, TARGET_OBJECT, MappingWorkbook.SOURCE_FIELD, MappingWorkbook.REASON);
        widths(sheet, 24, 24, 28, 80);
        int r = 1;
        for (ObjectMapping object : objects) {
            for (NotMigrated decision : object.notMigrated()) {
                String where = object.label() + ", source field " + decision.field() + " not migrated";
                Row row = sheet.createRow(r++);
                text(row, 0, object.source(), where);
                text(row, 1, object.target(), where);
                text(row, 2, decision.field(), where);
                wrap(text(row, 3, decision.reason(), where + ": the reason"));
            }
        }
        sheet.createFreezePane(0, 1);
    }

    private void settings(MappingDocument document) {
        Sheet sheet = this.workbook.createSheet(SETTINGS);
        Row version = label(sheet, 0, VERSION, null, "the version this file was exported from");
        if (document.version() != null) {
            version.createCell(1).setCellValue(document.version());
        }
        header(sheet, 2, REJECTED_SUGGESTIONS);
        widths(sheet, 60, 12, 50);
        int r = 3;
        for (String key : document.rejectedSuggestions()) {
            text(sheet.createRow(r++), 0, key, "A rejected suggestion");
        }
    }

    /**
     * @return the chain as JSON, picklist steps with their type only (their values are on
     * their own sheets), or null for an empty chain
     */
    private String steps(List<Transform> transforms) {
        if (transforms.isEmpty()) {
            return null;
        }
        JsonNode array = this.json.readTree(TransformJson.write(this.json, transforms));
        for (int i = 0; i < transforms.size(); i++) {
            if (isPicklist(transforms.get(i)) && array.get(i) instanceof ObjectNode step) {
                step.remove("values");
                step.remove("defaultValue");
                step.remove("caseInsensitive");
            }
        }
        return this.json.writeValueAsString(array);
    }

    /**
     * @return the names with {@code "; "} between them, a {@code ;} or {@code \} inside a
     * name escaped with {@code \}
     */
    static String sources(List<String> sources) {
        if (sources.isEmpty()) {
            return null;
        }
        return String.join("; ", sources.stream().map((s) -> s.replace("\\", "\\\\").replace(";", "\\;")).toList());
    }

    /**
     * @param filter a filter, or null
     * @return it in words, e.g. "IsConverted is false and Status does not equal Closed"
     */
    static String describe(SourceFilter filter) {
        if (filter == null || filter.conditions().isEmpty()) {
            return "all records";
        }
        List<String> parts = new ArrayList<>();
        for (Condition condition : filter.conditions()) {
            if (condition == null) {
                continue;
            }
            if (condition.operator() != null && condition.operator().relation()) {
                parts.add(condition.operator().label() + " " + condition.relatedObject() + " (via "
                        + condition.relatedObject() + "." + condition.relatedField() + ")");
            }
            else {
                parts.add(condition.field() + " "
                        + ((condition.operator() != null) ? condition.operator().label() : "?")
                        + ((condition.value() != null && !condition.value().isEmpty()) ? " " + condition.value() : ""));
            }
        }
        return String.join((filter.match() == Match.ANY) ? " or " : " and ", parts);
    }

    private Cell text(Row row, int column, String value, String where) {
        if (value == null) {
            return null;
        }
        String escaped = TableExport.xlsxText(MappingWorkbook.formulaPrefixed(value));
        if (escaped.length() > TableExport.MAX_CELL_LENGTH) {
            throw new InvalidInputException("format", where + " is longer than a spreadsheet cell holds ("
                    + TableExport.MAX_CELL_LENGTH + " characters): export the mapping as JSON instead");
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(escaped);
        return cell;
    }

    private void wrap(Cell cell) {
        if (cell != null) {
            cell.setCellStyle(this.wrapped);
        }
    }

    private void title(Sheet sheet, String title) {
        Cell cell = sheet.createRow(0).createCell(0);
        cell.setCellValue(title);
        cell.setCellStyle(this.bold);
    }

    private Row label(Sheet sheet, int r, String label, String value, String help) {
        Row row = sheet.createRow(r);
        Cell cell = row.createCell(0);
        cell.setCellValue(label);
        cell.setCellStyle(this.bold);
        text(row, 1, value,
                "The " + label.toLowerCase(java.util.Locale.ROOT) + " on sheet '" + sheet.getSheetName() + "'");
        if (help != null) {
            Cell note = row.createCell(2);
            note.setCellValue(TableExport.xlsxText(help));
        }
        return row;
    }

    private void header(Sheet sheet, int r, String... names) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < names.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(this.bold);
        }
    }

    private void link(Cell cell, String sheet) {
        Hyperlink link = this.workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        link.setAddress("'" + sheet.replace("'", "''") + "'!A1");
        cell.setHyperlink(link);
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

}
