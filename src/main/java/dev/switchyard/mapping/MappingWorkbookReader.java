package dev.switchyard.mapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.switchyard.mapping.transform.MultiPicklistMap;
import dev.switchyard.mapping.transform.PicklistMap;
import dev.switchyard.mapping.transform.Transform;
import dev.switchyard.mapping.transform.TransformJson;
import dev.switchyard.system.InvalidInputException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import static dev.switchyard.mapping.MappingWorkbook.COLUMN;
import static dev.switchyard.mapping.MappingWorkbook.DEFAULT_VALUE;
import static dev.switchyard.mapping.MappingWorkbook.FIELD_MAPPINGS;
import static dev.switchyard.mapping.MappingWorkbook.FILTER_JSON;
import static dev.switchyard.mapping.MappingWorkbook.IGNORE_CASE;
import static dev.switchyard.mapping.MappingWorkbook.LOOKUP_TABLE;
import static dev.switchyard.mapping.MappingWorkbook.MATCH_KEY;
import static dev.switchyard.mapping.MappingWorkbook.MAX_ROWS;
import static dev.switchyard.mapping.MappingWorkbook.MAX_UNPACKED_BYTES;
import static dev.switchyard.mapping.MappingWorkbook.NOTE;
import static dev.switchyard.mapping.MappingWorkbook.OBJECTS;
import static dev.switchyard.mapping.MappingWorkbook.PICKLIST_SOURCES;
import static dev.switchyard.mapping.MappingWorkbook.PICKLIST_VALUES;
import static dev.switchyard.mapping.MappingWorkbook.REFUSE;
import static dev.switchyard.mapping.MappingWorkbook.REJECTED_SUGGESTIONS;
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
 * Reads the workbook {@link MappingWorkbook} describes back into a mapping document. What
 * is wrong is an {@link InvalidInputException} naming the sheet, row and column, e.g.
 * "Sheet 'Account → companies', row 7, column Transforms: unknown transform type
 * 'trimm'".
 */
final class MappingWorkbookReader {

    private static final String PICKLIST_MAP = TransformJson.typeName(PicklistMap.class);

    private static final String MULTI_PICKLIST_MAP = TransformJson.typeName(MultiPicklistMap.class);

    private static final int MAX_ENTRIES = 10_000;

    private final JsonMapper json;

    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    /**
     * A row of the Objects sheet.
     */
    private record ObjectRow(String source, String target, String matchKey, SourceFilter filter, String sheetName,
            int row) {

        String label() {
            return this.source + " → " + this.target;
        }

    }

    /**
     * A sheet of field mappings.
     */
    private record FieldSheet(Sheet sheet, String source, String target, int sourceRow, List<FieldRow> fields) {
    }

    /**
     * A row of a sheet of field mappings, its transforms still JSON.
     */
    private record FieldRow(String target, List<String> sources, List<JsonNode> steps, String note, Sheet sheet,
            int row, Map<Integer, PicklistSheet> picklists) {
    }

    /**
     * A source value → target value row of a picklist sheet.
     */
    private record Entry(String source, String target, int row) {
    }

    /**
     * A sheet of picklist values.
     */
    private record PicklistSheet(Sheet sheet, String source, String target, String field, int step, int sourceRow,
            int fieldRow, int stepRow, String defaultValue, int defaultRow, boolean caseInsensitive,
            List<Entry> entries) {
    }

    /**
     * A header row: column names (lower case) → column index.
     */
    private record Table(Sheet sheet, int header, Map<String, Integer> columns) {

        int column(String name) {
            return this.columns.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
        }

    }

    private MappingWorkbookReader(JsonMapper json) {
        this.json = json;
    }

    static MappingDocument read(JsonMapper json, byte[] bytes) {
        if (bytes.length == 0) {
            throw invalid("The file is empty");
        }
        checkPackage(bytes);
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        }
        catch (IOException | RuntimeException ex) {
            throw invalid("The file is not an XLSX workbook that can be read ("
                    + ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName()) + ")");
        }
        try (workbook) {
            return new MappingWorkbookReader(json).document(workbook);
        }
        catch (IOException ex) {
            throw invalid("The workbook cannot be read: " + ex.getMessage());
        }
    }

    /**
     * Refuses what is not a ZIP archive, and archives that unpack to far more than a
     * mapping workbook could, before the workbook is parsed.
     */
    private static void checkPackage(byte[] bytes) {
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
                && (bytes[3] & 0xFF) == 0xE0) {
            throw invalid("The file is an old-style (.xls) or password-protected workbook: save it as an Excel "
                    + "Workbook (.xlsx) without a password");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw invalid("The file is not an XLSX workbook");
        }
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[16 * 1024];
        // Commons Compress rather than java.util.zip: it reads the stored entries with
        // data
        // descriptors that streaming writers (POI's own) make
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8", true,
                true)) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw invalid(
                            "The workbook holds more than " + MAX_ENTRIES + " parts: it is not a mapping workbook");
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw invalid("The workbook unpacks to more than " + (MAX_UNPACKED_BYTES / 1024 / 1024)
                                + " MB: a mapping workbook is far smaller");
                    }
                }
            }
        }
        catch (IOException ex) {
            throw invalid("The file is not an XLSX workbook (not a valid ZIP archive: " + ex.getMessage() + ")");
        }
        if (entries == 0) {
            throw invalid("The file is not an XLSX workbook (an empty ZIP archive)");
        }
    }

    private MappingDocument document(XSSFWorkbook workbook) {
        for (Sheet sheet : workbook) {
            if (sheet.getLastRowNum() >= MAX_ROWS) {
                throw invalid("Sheet '" + sheet.getSheetName() + "' has more than " + String.format("%,d", MAX_ROWS)
                        + " rows: a mapping workbook has far fewer; is this the right file?");
            }
        }
        Sheet objectsSheet = workbook.getSheet(OBJECTS);
        if (objectsSheet == null) {
            throw invalid("The workbook has no sheet '" + OBJECTS
                    + "': it is not a mapping workbook (export a mapping to see the layout an import needs)");
        }
        List<ObjectRow> objectRows = objects(objectsSheet);
        Map<String, FieldSheet> fieldSheets = new HashMap<>();
        List<PicklistSheet> picklists = new ArrayList<>();
        for (Sheet sheet : workbook) {
            String name = sheet.getSheetName();
            if (name.equalsIgnoreCase(OBJECTS) || name.equalsIgnoreCase(PICKLIST_SOURCES)
                    || name.equalsIgnoreCase(SETTINGS)) {
                continue;
            }
            String kind = strip(text(sheet, sheet.getRow(0), 0, "A"));
            if (FIELD_MAPPINGS.equalsIgnoreCase(kind)) {
                FieldSheet fields = fields(sheet);
                FieldSheet before = fieldSheets.putIfAbsent(pair(fields.source(), fields.target()), fields);
                if (before != null) {
                    throw fail(sheet, fields.sourceRow(), "B", fields.source() + " → " + fields.target()
                            + " already has its field mappings on sheet '" + before.sheet().getSheetName() + "'");
                }
            }
            else if (PICKLIST_VALUES.equalsIgnoreCase(kind)) {
                picklists.add(picklist(sheet));
            }
        }
        Map<String, FieldSheet> unmatched = new HashMap<>(fieldSheets);
        for (ObjectRow object : objectRows) {
            if (unmatched.remove(pair(object.source(), object.target())) == null) {
                throw fail(objectsSheet, object.row(), SOURCE_OBJECT, object.label()
                        + " has no sheet of field mappings (one whose cell A1 says '" + FIELD_MAPPINGS
                        + "' and whose cells B2 and B3 name its source and target object"
                        + ((object.sheetName() != null) ? "; sheet '" + object.sheetName() + "' is not one" : "")
                        + ")");
            }
        }
        for (FieldSheet orphan : unmatched.values()) {
            throw fail(orphan.sheet(), orphan.sourceRow(), "B", "there is no row for " + orphan.source() + " → "
                    + orphan.target() + " on sheet '" + OBJECTS + "': add one, or delete this sheet");
        }
        for (PicklistSheet picklist : picklists) {
            attach(picklist, fieldSheets);
        }
        List<ObjectMapping> objects = new ArrayList<>();
        for (ObjectRow object : objectRows) {
            FieldSheet sheet = fieldSheets.get(pair(object.source(), object.target()));
            List<FieldMapping> fields = new ArrayList<>();
            for (FieldRow field : sheet.fields()) {
                fields.add(new FieldMapping(field.target(), field.sources(), transforms(field), field.note()));
            }
            objects
                .add(new ObjectMapping(object.source(), object.target(), object.filter(), object.matchKey(), fields));
        }
        objects = notMigrated(workbook.getSheet(MappingWorkbook.NOT_MIGRATED), objects, objectsSheet);
        List<PicklistSource> picklistSources = picklistSources(workbook.getSheet(PICKLIST_SOURCES));
        Sheet settings = workbook.getSheet(SETTINGS);
        return new MappingDocument(version(settings), objects, picklistSources, rejectedSuggestions(settings));
    }

    private List<ObjectRow> objects(Sheet sheet) {
        Table table = table(sheet, 0, SOURCE_OBJECT, TARGET_OBJECT, MATCH_KEY, FILTER_JSON);
        List<ObjectRow> objects = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String source = text(table, row, SOURCE_OBJECT);
            String target = text(table, row, TARGET_OBJECT);
            String matchKey = text(table, row, MATCH_KEY);
            String filter = text(table, row, FILTER_JSON);
            if (source == null && target == null && matchKey == null && filter == null) {
                continue;
            }
            if (source == null || source.isBlank()) {
                throw fail(sheet, r, SOURCE_OBJECT, "give the source object");
            }
            if (target == null || target.isBlank()) {
                throw fail(sheet, r, TARGET_OBJECT, "give the target object");
            }
            Integer before = seen.putIfAbsent(pair(source, target), r);
            if (before != null) {
                throw fail(sheet, r, SOURCE_OBJECT,
                        source + " → " + target + " is already on row " + (before + 1) + ": list it once");
            }
            objects.add(new ObjectRow(source, target, matchKey, filter(sheet, r, filter),
                    strip(text(table, row, SHEET)), r));
        }
        return objects;
    }

    private SourceFilter filter(Sheet sheet, int r, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return this.json.readerFor(SourceFilter.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(text);
        }
        catch (JacksonException ex) {
            throw fail(sheet, r, FILTER_JSON, "not a filter: " + reason(ex)
                    + " (write it like {\"match\":\"ALL\",\"conditions\":[{\"field\":\"IsDeleted\",\"operator\":\"IS_FALSE\"}]}, "
                    + "or leave the cell empty for all records)");
        }
    }

    private FieldSheet fields(Sheet sheet) {
        Map<String, Integer> labels = labels(sheet, SOURCE_OBJECT, TARGET_OBJECT);
        String source = required(sheet, labels, SOURCE_OBJECT);
        String target = required(sheet, labels, TARGET_OBJECT);
        Table table = table(sheet, header(sheet, labels), TARGET_FIELD, SOURCE_FIELDS, TRANSFORMS, NOTE);
        List<FieldRow> fields = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = table.header() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String name = text(table, row, TARGET_FIELD);
            String sources = text(table, row, SOURCE_FIELDS);
            String transforms = text(table, row, TRANSFORMS);
            String note = text(table, row, NOTE);
            if (name == null && sources == null && transforms == null && note == null) {
                continue;
            }
            if (name == null || name.isBlank()) {
                throw fail(sheet, r, TARGET_FIELD, "give the target field");
            }
            Integer before = seen.putIfAbsent(MappingDocument.key(name), r);
            if (before != null) {
                throw fail(sheet, r, TARGET_FIELD,
                        "target field " + name.strip() + " is already mapped on row " + (before + 1));
            }
            fields.add(new FieldRow(name, splitSources(sources), steps(sheet, r, transforms), note, sheet, r,
                    new HashMap<>()));
        }
        return new FieldSheet(sheet, source, target, labels.get(key(SOURCE_OBJECT)), fields);
    }

    /**
     * @return the names between unescaped {@code ;}, with {@code \;} and {@code \\} read
     * as {@code ;} and {@code \}
     */
    static List<String> splitSources(String text) {
        List<String> names = new ArrayList<>();
        if (text == null) {
            return names;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == ';' || text.charAt(i + 1) == '\\')) {
                name.append(text.charAt(++i));
            }
            else if (c == ';') {
                names.add(name.toString());
                name.setLength(0);
            }
            else {
                name.append(c);
            }
        }
        names.add(name.toString());
        return names;
    }

    private List<JsonNode> steps(Sheet sheet, int r, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        JsonNode node;
        try {
            node = this.json.readTree(text);
        }
        catch (JacksonException ex) {
            String at = location(ex);
            throw fail(sheet, r, TRANSFORMS, "not valid JSON: " + reason(ex) + (at.isEmpty() ? "" : " (at " + at + ")")
                    + "; write the steps like [{\"type\":\"trim\"},{\"type\":\"truncate\",\"length\":80}]");
        }
        List<JsonNode> steps = new ArrayList<>();
        if (node.isObject()) {
            steps.add(node);
        }
        else if (node.isArray()) {
            node.values().forEach(steps::add);
        }
        else {
            throw fail(sheet, r, TRANSFORMS,
                    "give a JSON array of steps, like [{\"type\":\"trim\"},{\"type\":\"truncate\",\"length\":80}]");
        }
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String which = (steps.size() > 1) ? "step " + (i + 1) + " " : "the step ";
            if (!step.isObject()) {
                throw fail(sheet, r, TRANSFORMS, which + "is not a JSON object like {\"type\":\"trim\"}");
            }
            if (step.get("type") == null || !step.get("type").isString() || step.get("type").stringValue().isBlank()) {
                throw fail(sheet, r, TRANSFORMS, which + "has no \"type\" (e.g. {\"type\":\"trim\"})");
            }
        }
        return steps;
    }

    private List<Transform> transforms(FieldRow field) {
        List<Transform> transforms = new ArrayList<>();
        for (int i = 0; i < field.steps().size(); i++) {
            JsonNode step = field.steps().get(i);
            String type = step.get("type").stringValue();
            String which = (field.steps().size() > 1) ? "step " + (i + 1) + ": " : "";
            PicklistSheet picklist = field.picklists().get(i + 1);
            if (picklist != null) {
                transforms.add(build(picklist, type));
                continue;
            }
            if ((type.equals(PICKLIST_MAP) || type.equals(MULTI_PICKLIST_MAP)) && !step.has("values")) {
                throw fail(field.sheet(), field.row(), TRANSFORMS, which + type
                        + " has no values: its sheet of picklist values is missing (or give \"values\" in the JSON)");
            }
            try {
                // a property left out of hand-written JSON takes its default (false for
                // a flag), as the form would; a misspelt one is an error
                transforms.add(this.json.readerFor(Transform.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(step));
            }
            catch (JacksonException ex) {
                throw fail(field.sheet(), field.row(), TRANSFORMS, which + reason(ex));
            }
            catch (RuntimeException ex) {
                throw fail(field.sheet(), field.row(), TRANSFORMS, which + type + ": " + ex.getMessage());
            }
        }
        return transforms;
    }

    private PicklistSheet picklist(Sheet sheet) {
        Map<String, Integer> labels = labels(sheet, SOURCE_OBJECT, TARGET_OBJECT, TARGET_FIELD, STEP, DEFAULT_VALUE,
                WHEN_UNMAPPED, IGNORE_CASE);
        String source = required(sheet, labels, SOURCE_OBJECT);
        String target = required(sheet, labels, TARGET_OBJECT);
        String field = required(sheet, labels, TARGET_FIELD);
        int stepRow = labels.getOrDefault(key(STEP), -1);
        String stepText = strip(required(sheet, labels, STEP));
        int step;
        try {
            step = new BigDecimal(stepText).intValueExact();
        }
        catch (ArithmeticException | NumberFormatException ex) {
            step = 0;
        }
        if (step < 1) {
            throw fail(sheet, stepRow, "B", "give the step as a whole number from 1 (which step of the field's "
                    + "chain these values belong to), not '" + stepText + "'");
        }
        int defaultRow = labels.getOrDefault(key(DEFAULT_VALUE), -1);
        String given = (defaultRow >= 0) ? text(sheet, sheet.getRow(defaultRow), 1, "B") : null;
        boolean hasDefault = given != null && !given.isEmpty();
        int whenRow = labels.getOrDefault(key(WHEN_UNMAPPED), -1);
        String when = (whenRow >= 0) ? strip(text(sheet, sheet.getRow(whenRow), 1, "B")) : null;
        String defaultValue;
        if (when == null) {
            defaultValue = hasDefault ? given : null;
        }
        else if (when.equalsIgnoreCase(REFUSE)) {
            if (hasDefault) {
                throw fail(sheet, whenRow, "B",
                        "unmapped values are refused here, yet a default value is given: write '" + USE_DEFAULT
                                + "' to use it, or clear the default value");
            }
            defaultValue = null;
        }
        else if (when.equalsIgnoreCase(USE_DEFAULT)) {
            defaultValue = hasDefault ? given : "";
        }
        else {
            throw fail(sheet, whenRow, "B", "write '" + REFUSE + "' (a value with no row fails its record) or '"
                    + USE_DEFAULT + "' (it becomes the default value), not '" + when + "'");
        }
        int caseRow = labels.getOrDefault(key(IGNORE_CASE), -1);
        boolean caseInsensitive = (caseRow >= 0) && bool(sheet, caseRow);
        Table table = table(sheet, header(sheet, labels), SOURCE_VALUE, TARGET_VALUE);
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = table.header() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String from = text(table, row, SOURCE_VALUE);
            String to = text(table, row, TARGET_VALUE);
            if (from == null && to == null) {
                continue;
            }
            from = (from != null) ? from : "";
            String folded = caseInsensitive ? from.strip().toLowerCase(Locale.ROOT) : from.strip();
            Integer before = seen.putIfAbsent(folded, r);
            if (before != null) {
                throw fail(sheet, r, SOURCE_VALUE, "'" + from.strip() + "' is already mapped on row " + (before + 1)
                        + (caseInsensitive ? " (case is ignored)" : ""));
            }
            entries.add(new Entry(from, (to != null) ? to : "", r));
        }
        return new PicklistSheet(sheet, source, target, field, step, labels.get(key(SOURCE_OBJECT)),
                labels.get(key(TARGET_FIELD)), stepRow, defaultValue, defaultRow, caseInsensitive, entries);
    }

    private boolean bool(Sheet sheet, int r) {
        String text = strip(text(sheet, sheet.getRow(r), 1, "B"));
        if (text == null) {
            return false;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw fail(sheet, r, "B", "write TRUE or FALSE, not '" + text + "'");
        };
    }

    /**
     * Finds the field mapping and step a picklist sheet belongs to.
     */
    private void attach(PicklistSheet picklist, Map<String, FieldSheet> fieldSheets) {
        Sheet sheet = picklist.sheet();
        FieldSheet object = fieldSheets.get(pair(picklist.source(), picklist.target()));
        if (object == null) {
            throw fail(sheet, picklist.sourceRow(), "B", "there is no object mapping " + picklist.source() + " → "
                    + picklist.target() + " in this workbook");
        }
        FieldRow field = object.fields()
            .stream()
            .filter((f) -> f.target().equals(picklist.field()))
            .findFirst()
            .orElseGet(() -> object.fields()
                .stream()
                .filter((f) -> MappingDocument.key(f.target()).equals(MappingDocument.key(picklist.field())))
                .findFirst()
                .orElse(null));
        if (field == null) {
            throw fail(sheet, picklist.fieldRow(), "B",
                    "sheet '" + object.sheet().getSheetName() + "' maps no target field '" + picklist.field() + "'");
        }
        String where = " (sheet '" + field.sheet().getSheetName() + "', row " + (field.row() + 1) + ", column "
                + TRANSFORMS + ")";
        if (picklist.step() > field.steps().size()) {
            throw fail(sheet, picklist.stepRow(), "B",
                    "the chain of " + field.target() + " has " + field.steps().size()
                            + ((field.steps().size() == 1) ? " step" : " steps") + where + ", so it has no step "
                            + picklist.step());
        }
        String type = field.steps().get(picklist.step() - 1).get("type").stringValue();
        if (!type.equals(PICKLIST_MAP) && !type.equals(MULTI_PICKLIST_MAP)) {
            throw fail(sheet, picklist.stepRow(), "B", "step " + picklist.step() + " of the chain of " + field.target()
                    + " is " + type + where + ", not " + PICKLIST_MAP + " or " + MULTI_PICKLIST_MAP);
        }
        PicklistSheet before = field.picklists().putIfAbsent(picklist.step(), picklist);
        if (before != null) {
            throw fail(sheet, picklist.stepRow(), "B",
                    "the values of this step are already on sheet '" + before.sheet().getSheetName() + "'");
        }
    }

    private Transform build(PicklistSheet picklist, String type) {
        Sheet sheet = picklist.sheet();
        boolean multi = type.equals(MULTI_PICKLIST_MAP);
        Map<String, String> values = new LinkedHashMap<>();
        for (Entry entry : picklist.entries()) {
            if (multi && entry.target().contains(MultiPicklistMap.SEPARATOR)) {
                throw fail(sheet, entry.row(), TARGET_VALUE,
                        "a value of a multi-select picklist may not contain '" + MultiPicklistMap.SEPARATOR + "'");
            }
            values.put(entry.source(), entry.target());
        }
        if (multi && picklist.defaultValue() != null && picklist.defaultValue().contains(MultiPicklistMap.SEPARATOR)) {
            throw fail(sheet, picklist.defaultRow(), "B",
                    "the default of a multi-select picklist may not contain '" + MultiPicklistMap.SEPARATOR + "'");
        }
        try {
            return multi ? new MultiPicklistMap(values, picklist.defaultValue(), picklist.caseInsensitive())
                    : new PicklistMap(values, picklist.defaultValue(), picklist.caseInsensitive());
        }
        catch (IllegalArgumentException ex) {
            throw fail(sheet, picklist.stepRow(), "B", ex.getMessage());
        }
    }

    private List<PicklistSource> picklistSources(Sheet sheet) {
        List<PicklistSource> sources = new ArrayList<>();
        if (sheet == null) {
            return sources;
        }
        Table table = table(sheet, 0, TARGET_OBJECT, TARGET_FIELD, LOOKUP_TABLE, COLUMN);
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String[] names = { TARGET_OBJECT, TARGET_FIELD, LOOKUP_TABLE, COLUMN };
            String[] values = new String[names.length];
            boolean any = false;
            for (int i = 0; i < names.length; i++) {
                values[i] = text(table, row, names[i]);
                any |= values[i] != null;
            }
            if (!any) {
                continue;
            }
            for (int i = 0; i < names.length; i++) {
                if (values[i] == null || values[i].isBlank()) {
                    throw fail(sheet, r, names[i], "give the " + names[i].toLowerCase(Locale.ROOT));
                }
            }
            sources.add(new PicklistSource(values[0], values[1], values[2], values[3]));
        }
        return sources;
    }

    /**
     * Reads the decisions of the "Not migrated" sheet into their object mappings.
     * @param sheet the sheet, or null in a workbook exported before it existed
     * @return the object mappings with their decisions
     */
    private List<ObjectMapping> notMigrated(Sheet sheet, List<ObjectMapping> objects, Sheet objectsSheet) {
        if (sheet == null) {
            return objects;
        }
        String[] names = { SOURCE_OBJECT, TARGET_OBJECT, MappingWorkbook.SOURCE_FIELD, MappingWorkbook.REASON };
        Table table = table(sheet, 0, names);
        Map<String, List<NotMigrated>> decisions = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String[] values = new String[names.length];
            boolean any = false;
            for (int i = 0; i < names.length; i++) {
                values[i] = text(table, row, names[i]);
                any |= values[i] != null && !values[i].isBlank();
            }
            if (!any) {
                continue;
            }
            for (int i = 0; i < names.length; i++) {
                if (values[i] == null || values[i].isBlank()) {
                    throw fail(sheet, r, names[i],
                            (i == 3) ? "give the reason why " + values[2]
                                    + " is not migrated (or delete the row to migrate it)"
                                    : "give the " + names[i].toLowerCase(Locale.ROOT));
                }
            }
            String pair = pair(values[0], values[1]);
            if (objects.stream().noneMatch((o) -> o.is(values[0], values[1]))) {
                throw fail(sheet, r, SOURCE_OBJECT, "there is no row for " + values[0] + " → " + values[1]
                        + " on sheet '" + objectsSheet.getSheetName() + "'");
            }
            Integer before = seen.putIfAbsent(pair + "\u0000" + key(values[2]), r);
            if (before != null) {
                throw fail(sheet, r, MappingWorkbook.SOURCE_FIELD, values[2] + " of " + values[0] + " → " + values[1]
                        + " is already on row " + (before + 1) + ": list it once");
            }
            if (values[3].strip().length() > NotMigrated.MAX_REASON) {
                throw fail(sheet, r, MappingWorkbook.REASON,
                        "the reason is longer than " + NotMigrated.MAX_REASON + " characters");
            }
            decisions.computeIfAbsent(pair, (k) -> new ArrayList<>()).add(new NotMigrated(values[2], values[3]));
        }
        return objects.stream()
            .map((o) -> o.withNotMigrated(decisions.getOrDefault(pair(o.source(), o.target()), List.of())))
            .toList();
    }

    private Integer version(Sheet sheet) {
        if (sheet == null) {
            return null;
        }
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            String label = strip(text(sheet, sheet.getRow(r), 0, "A"));
            if (REJECTED_SUGGESTIONS.equalsIgnoreCase(label)) {
                return null;
            }
            if (VERSION.equalsIgnoreCase(label)) {
                String value = strip(text(sheet, sheet.getRow(r), 1, "B"));
                if (value == null) {
                    return null;
                }
                try {
                    return new BigDecimal(value).intValueExact();
                }
                catch (ArithmeticException | NumberFormatException ex) {
                    throw fail(sheet, r, "B", "the version is a whole number, not '" + value + "'");
                }
            }
        }
        return null;
    }

    private List<String> rejectedSuggestions(Sheet sheet) {
        List<String> keys = new ArrayList<>();
        if (sheet == null) {
            return keys;
        }
        boolean listed = false;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            String text = text(sheet, sheet.getRow(r), 0, "A");
            if (listed && text != null) {
                keys.add(text);
            }
            else if (!listed && REJECTED_SUGGESTIONS.equalsIgnoreCase(strip(text))) {
                listed = true;
            }
        }
        return keys;
    }

    /**
     * Reads the label rows under a sheet's title row: column A names a setting, column B
     * holds it. They end at the first row that is not one of the labels.
     * @return each label found (lower case) → its row index
     */
    private Map<String, Integer> labels(Sheet sheet, String... known) {
        Set<String> names = new TreeSet<>();
        for (String label : known) {
            names.add(key(label));
        }
        Map<String, Integer> labels = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            String label = strip(text(sheet, sheet.getRow(r), 0, "A"));
            if (label == null || !names.contains(key(label))) {
                break;
            }
            if (labels.putIfAbsent(key(label), r) != null) {
                throw fail(sheet, r, "A", "'" + label + "' is given twice");
            }
        }
        return labels;
    }

    private String required(Sheet sheet, Map<String, Integer> labels, String label) {
        Integer r = labels.get(key(label));
        if (r == null) {
            throw invalid("Sheet '" + sheet.getSheetName() + "' has no row '" + label
                    + "' (the label in column A, the value in column B) under its title");
        }
        String value = text(sheet, sheet.getRow(r), 1, "B");
        if (value == null || value.isBlank()) {
            throw fail(sheet, r, "B", "give the " + label.toLowerCase(Locale.ROOT));
        }
        return value;
    }

    /**
     * @return the index of the header row: the first non-empty row after the labels
     */
    private int header(Sheet sheet, Map<String, Integer> labels) {
        int after = labels.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (int r = after; r <= sheet.getLastRowNum(); r++) {
            if (text(sheet, sheet.getRow(r), 0, "A") != null) {
                return r;
            }
        }
        throw invalid("Sheet '" + sheet.getSheetName() + "' has no header row under its settings");
    }

    private Table table(Sheet sheet, int header, String... required) {
        Map<String, Integer> columns = new HashMap<>();
        Row row = sheet.getRow(header);
        if (row != null) {
            for (Cell cell : row) {
                String name = strip(text(sheet, row, cell.getColumnIndex(), "?"));
                if (name != null) {
                    columns.putIfAbsent(key(name), cell.getColumnIndex());
                }
            }
        }
        for (String name : required) {
            if (!columns.containsKey(key(name))) {
                throw fail(sheet, header, null, "the header row has no column '" + name + "'");
            }
        }
        return new Table(sheet, header, columns);
    }

    private String text(Table table, Row row, String column) {
        return text(table.sheet(), row, table.column(column), column);
    }

    /**
     * @return the cell's value as text (numbers without a needless ".0", dates as the
     * sheet shows them, a formula's cached result), or null for a missing or blank cell
     */
    private String text(Sheet sheet, Row row, int column, String name) {
        if (row == null || column < 0) {
            return null;
        }
        Cell cell = row.getCell(column);
        if (cell == null) {
            return null;
        }
        CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case STRING -> MappingWorkbook.withoutFormulaPrefix(cell.getStringCellValue());
            case NUMERIC -> number(cell);
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> throw fail(sheet, row.getRowNum(), name, "the cell holds an error value: write a value");
            default -> null;
        };
    }

    private String number(Cell cell) {
        double value = cell.getNumericCellValue();
        if (DateUtil.isCellDateFormatted(cell)) {
            return this.formatter.formatRawCellContents(value, cell.getCellStyle().getDataFormat(),
                    cell.getCellStyle().getDataFormatString());
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * @param ex what Jackson found wrong
     * @return it in words, without class names: an unknown transform type (with the
     * closest known one), an unknown property (with the known ones), the message of a
     * transform that refused its parameters, or Jackson's own message
     */
    static String reason(JacksonException ex) {
        if (ex instanceof InvalidTypeIdException unknown) {
            if (unknown.getTypeId() == null) {
                return "a transform has no \"type\"";
            }
            return "unknown transform type '" + unknown.getTypeId() + "'" + closest(unknown.getTypeId());
        }
        if (ex instanceof UnrecognizedPropertyException unknown) {
            List<String> known = (unknown.getKnownPropertyIds() != null)
                    ? unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList() : List.of();
            return "unknown property '" + unknown.getPropertyName() + "'"
                    + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")");
        }
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (!(cause instanceof JacksonException) && cause.getMessage() != null) {
                return (cause instanceof NullPointerException) ? "missing " + cause.getMessage() : cause.getMessage();
            }
        }
        String message = (ex.getOriginalMessage() != null) ? ex.getOriginalMessage() : ex.getClass().getSimpleName();
        message = message.replaceAll("`?\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][\\w$]*)`?", "$1").replaceAll("\\s+", " ");
        return (message.length() > 300) ? message.substring(0, 300) + "…" : message;
    }

    /**
     * @return where in the JSON text the error is, e.g. "line 1, column 17", or an empty
     * string
     */
    static String location(JacksonException ex) {
        if (ex.getLocation() == null || ex.getLocation().getLineNr() < 1) {
            return "";
        }
        return "line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr();
    }

    /**
     * @return where in the document the error is, e.g.
     * "objects[0].fields[2].transforms[1]", or an empty string
     */
    static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String closest(String type) {
        String best = null;
        int distance = 3;
        for (String known : TransformJson.TYPES.keySet()) {
            int d = distance(type.toLowerCase(Locale.ROOT), known);
            if (d < distance) {
                distance = d;
                best = known;
            }
        }
        return (best != null) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String pair(String source, String target) {
        return MappingDocument.key(source) + "\u0000" + MappingDocument.key(target);
    }

    private static String key(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }

    private static String strip(String text) {
        return (text != null && !text.isBlank()) ? text.strip() : null;
    }

    static InvalidInputException fail(Sheet sheet, int row, String column, String message) {
        return invalid("Sheet '" + sheet.getSheetName() + "', row " + (row + 1)
                + ((column != null) ? ", column " + column : "") + ": " + message);
    }

    static InvalidInputException invalid(String message) {
        return new InvalidInputException("file", message);
    }

}
