package dev.switchyard.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.switchyard.system.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A mapping document as an XLSX workbook that analysts read and edit in a spreadsheet,
 * and back: exporting and importing again gives the same document.
 *
 * <p>
 * The sheets:
 * <ul>
 * <li><b>Objects</b>: one row per object mapping, in order: source object, target object,
 * match key, the filter in words and as JSON (authoritative), the number of field
 * mappings and the name of the sheet that holds them.</li>
 * <li>One sheet of <b>field mappings</b> per object mapping (cell A1 says "Field
 * mappings"; the source and target objects are in cells B2 and B3, so the sheet's name
 * does not matter): one row per field mapping with the target field, the source fields
 * ({@code ;} between them; a {@code ;} or {@code \} inside a name is written {@code \;}
 * or {@code \\}), the rule in words, the transforms as JSON (authoritative) and the
 * note.</li>
 * <li>One sheet of <b>picklist values</b> per picklist-map or multi-picklist-map step
 * (cell A1 says "Picklist values"): the object mapping, target field and step it belongs
 * to, the default value, whether unmapped values are refused or get the default, whether
 * case is ignored, and one row per source value → target value. These are the step's
 * values: in the Transforms JSON the step carries only its type, and on import the sheet
 * replaces whatever values the JSON gives.</li>
 * <li><b>Picklist sources</b>: target fields whose values come from a lookup table.</li>
 * <li><b>Not migrated</b>: source fields an object mapping sends nowhere on purpose, one
 * row each: source object, target object, source field and the reason. A workbook without
 * this sheet (exported before it existed) reads as one without such decisions.</li>
 * <li><b>Settings</b>: the document's version and the rejected suggestion keys.</li>
 * </ul>
 * Every value is a text, number or boolean cell, never a formula. Text starting with
 * {@code = + - @} (which a spreadsheet would turn into a formula once the cell is edited)
 * or with an apostrophe is written with a leading apostrophe, which the import removes,
 * so every value reads back as it was. Sheets of the workbook that are none of these (an
 * analyst's notes) are ignored on import.
 */
@Component
public class MappingWorkbook {

    /** The largest file an import reads. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    /** The most rows a sheet of an imported workbook may have. */
    public static final int MAX_ROWS = 100_000;

    /** The most a workbook may unpack to (its XML): a guard against ZIP bombs. */
    static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;

    static final String OBJECTS = "Objects";

    static final String PICKLIST_SOURCES = "Picklist sources";

    static final String SETTINGS = "Settings";

    static final String FIELD_MAPPINGS = "Field mappings";

    static final String PICKLIST_VALUES = "Picklist values";

    static final String SOURCE_OBJECT = "Source object";

    static final String TARGET_OBJECT = "Target object";

    static final String MATCH_KEY = "Match key";

    static final String FILTER = "Filter";

    static final String FILTER_JSON = "Filter JSON";

    static final String FIELDS = "Fields";

    static final String SHEET = "Sheet";

    static final String TARGET_FIELD = "Target field";

    static final String SOURCE_FIELDS = "Source fields";

    static final String RULE = "Rule";

    static final String TRANSFORMS = "Transforms";

    static final String NOTE = "Note";

    static final String STEP = "Step";

    static final String DEFAULT_VALUE = "Default value";

    static final String WHEN_UNMAPPED = "When unmapped";

    static final String IGNORE_CASE = "Ignore case";

    static final String SOURCE_VALUE = "Source value";

    static final String TARGET_VALUE = "Target value";

    static final String LOOKUP_TABLE = "Lookup table";

    static final String COLUMN = "Column";

    static final String VERSION = "Version";

    static final String REJECTED_SUGGESTIONS = "Rejected suggestions";

    static final String NOT_MIGRATED = "Not migrated";

    static final String SOURCE_FIELD = "Source field";

    static final String REASON = "Reason";

    static final String REFUSE = "refuse";

    static final String USE_DEFAULT = "default";

    private final JsonMapper json;

    /**
     * @param json a mapper that knows the transforms (the application's, or
     * {@link dev.switchyard.mapping.transform.TransformJson#mapper(Class...)})
     */
    public MappingWorkbook(JsonMapper json) {
        this.json = json;
    }

    /**
     * Writes the document as a workbook.
     * @param document the document
     * @param out where to write
     * @throws IOException when writing fails
     * @throws InvalidInputException when a value is longer than a cell holds (32,767
     * characters), naming it: such a mapping can only be exported as JSON
     */
    public void write(MappingDocument document, OutputStream out) throws IOException {
        MappingWorkbookWriter.write(this.json, document, out);
    }

    /**
     * Reads a workbook written by {@link #write} (and perhaps edited in a spreadsheet).
     * @param in the workbook; at most {@link #MAX_FILE_BYTES} are read
     * @return the document, with the version the Settings sheet gives
     * @throws IOException when reading the stream fails
     * @throws InvalidInputException naming the sheet, row and column of what is wrong
     */
    public MappingDocument read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge();
        }
        return read(bytes);
    }

    /**
     * @param bytes the workbook
     * @return the document
     * @throws InvalidInputException naming the sheet, row and column of what is wrong
     */
    public MappingDocument read(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge();
        }
        return MappingWorkbookReader.read(this.json, bytes);
    }

    /**
     * Text for a cell: text a spreadsheet would take for a formula when the cell is
     * edited (starting with {@code = + - @}, a tab or a carriage return) gets a leading
     * apostrophe, and so does text that starts with an apostrophe, so that
     * {@link #withoutFormulaPrefix(String)} gives back exactly what was written.
     * @param text the text
     * @return the text to write
     */
    static String formulaPrefixed(String text) {
        return (!text.isEmpty() && (formulaLike(text.charAt(0)) || text.charAt(0) == '\'')) ? "'" + text : text;
    }

    /**
     * Text read from a cell: one leading apostrophe before a formula character or another
     * apostrophe is the export's prefix and is removed. (An apostrophe typed before a
     * formula in a spreadsheet never reaches the file: the spreadsheet keeps it as a
     * style.)
     * @param text the cell's text
     * @return the value
     */
    static String withoutFormulaPrefix(String text) {
        if (text.length() > 1 && text.charAt(0) == '\'' && (formulaLike(text.charAt(1)) || text.charAt(1) == '\'')) {
            return text.substring(1);
        }
        return text;
    }

    private static boolean formulaLike(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    static InvalidInputException tooLarge() {
        return new InvalidInputException("file",
                "The file is larger than " + (MAX_FILE_BYTES / 1024 / 1024) + " MB: a mapping file is far smaller");
    }

    /**
     * Gives sheets names that a spreadsheet accepts: at most 31 characters, none of
     * {@code : \ / ? * [ ]}, no apostrophe first or last, unique ignoring case.
     */
    static final class SheetNames {

        static final int MAX_LENGTH = 31;

        private final Set<String> taken = new HashSet<>();

        SheetNames(String... reserved) {
            for (String name : reserved) {
                this.taken.add(name.toLowerCase(Locale.ROOT));
            }
            this.taken.add("history");
        }

        String unique(String wanted) {
            String clean = clean(wanted);
            String name = cut(clean, MAX_LENGTH);
            for (int n = 2; !this.taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = " (" + n + ")";
                name = cut(clean, MAX_LENGTH - suffix.length()) + suffix;
            }
            return name;
        }

        static String clean(String wanted) {
            StringBuilder name = new StringBuilder();
            String text = (wanted != null) ? wanted : "";
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean forbidden = ":\\/?*[]".indexOf(c) >= 0 || Character.isISOControl(c)
                        || (Character.isSurrogate(c) && !pairedSurrogate(text, i));
                name.append(forbidden ? '_' : c);
            }
            String result = trimApostrophes(name.toString().strip());
            return result.isEmpty() ? "Sheet" : result;
        }

        private static boolean pairedSurrogate(String text, int i) {
            char c = text.charAt(i);
            return (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
        }

        private static String cut(String name, int length) {
            if (name.length() <= length) {
                return name;
            }
            int end = length;
            if (Character.isLowSurrogate(name.charAt(end))) {
                end--;
            }
            String cut = trimApostrophes(name.substring(0, end).strip());
            return cut.isEmpty() ? "Sheet" : cut;
        }

        private static String trimApostrophes(String name) {
            int start = 0;
            int end = name.length();
            while (start < end && name.charAt(start) == '\'') {
                start++;
            }
            while (end > start && name.charAt(end - 1) == '\'') {
                end--;
            }
            return name.substring(start, end);
        }

    }

}
