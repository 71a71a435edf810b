package dev.switchyard.mapping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.switchyard.project.ProjectService;
import dev.switchyard.system.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/**
 * Exports a project's mapping set as an XLSX workbook ({@link MappingWorkbook}) or as the
 * JSON document the API reads and writes, and imports either back as the next version.
 * Access is the callers' business: exports for members, imports for analysts.
 */
@Service
public class MappingTransfer {

    /** XLSX's media type. */
    public static final MediaType XLSX = MediaType
        .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MappingService mappings;

    private final MappingWorkbook workbook;

    private final JsonMapper json;

    private final ProjectService projects;

    MappingTransfer(MappingService mappings, MappingWorkbook workbook, JsonMapper json, ProjectService projects) {
        this.mappings = mappings;
        this.workbook = workbook;
        this.json = json;
        this.projects = projects;
    }

    /**
     * A file to download.
     *
     * @param filename its name, e.g. {@code mapping-acme-to-newcrm-v7.xlsx}
     * @param contentType its media type
     * @param content its bytes
     */
    public record Download(String filename, MediaType contentType, byte[] content) {
    }

    /**
     * What an import saved.
     *
     * @param saved the new version
     * @param filename the file's name as uploaded
     * @param fileVersion the version the file was exported from, or null when it does not
     * say
     */
    public record Imported(MappingVersion saved, String filename, Integer fileVersion) {

        /**
         * @return "Imported acme.xlsx as version 8." with, when the file was exported
         * from an older version than the one replaced, a warning that the versions since
         * were overwritten
         */
        public String message() {
            String text = "Imported " + this.filename + " as version " + this.saved.version() + ".";
            int replaced = this.saved.version() - 1;
            if (this.fileVersion != null && this.fileVersion >= 0 && this.fileVersion < replaced) {
                int first = this.fileVersion + 1;
                text += " The file was exported from version " + this.fileVersion + ", so it undoes what "
                        + ((first < replaced) ? "versions " + first + "–" + replaced : "version " + first)
                        + " changed (still in the history).";
            }
            return text;
        }

    }

    /**
     * @param projectId the project
     * @param format {@code xlsx} or {@code json}
     * @return the latest version of the project's mapping in that format
     * @throws InvalidInputException for another format, or a value too long for an XLSX
     * cell
     */
    public Download export(Long projectId, String format) {
        String kind = (format != null) ? format.strip().toLowerCase(Locale.ROOT) : "";
        MappingVersion current = this.mappings.current(projectId);
        String name = "mapping-" + slug(this.projects.get(projectId).getName()) + "-v" + current.version();
        return switch (kind) {
            case "xlsx" -> new Download(name + ".xlsx", XLSX, xlsx(current.document()));
            case "json" -> new Download(name + ".json", MediaType.APPLICATION_JSON, json(current.document()));
            default -> throw new InvalidInputException("format", "Export as xlsx or json, not '" + format + "'");
        };
    }

    /**
     * @param document a document
     * @return it as an XLSX workbook
     */
    public byte[] xlsx(MappingDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            this.workbook.write(document, out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /**
     * @param document a document
     * @return it as the API's GET returns it, pretty-printed, in UTF-8
     */
    public byte[] json(MappingDocument document) {
        return this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    /**
     * Reads a mapping file: an XLSX workbook from {@link #xlsx} or a JSON document from
     * {@link #json} (told apart by their content, not their name).
     * @param content the file
     * @return the document, with the version the file gives
     * @throws InvalidInputException saying what is wrong and where
     */
    public MappingDocument read(byte[] content) {
        if (content.length == 0) {
            throw new InvalidInputException("file", "The file is empty");
        }
        if (content.length > MappingWorkbook.MAX_FILE_BYTES) {
            throw MappingWorkbook.tooLarge();
        }
        int first = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            first = 3;
        }
        while (first < content.length && Character.isWhitespace(content[first])) {
            first++;
        }
        if (first < content.length && content[first] == '{') {
            return readJson(content);
        }
        if (content.length < 2 || content[0] != 'P' || content[1] != 'K') {
            boolean ole2 = content.length >= 4 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF;
            if (!ole2) {
                throw new InvalidInputException("file", "The file is neither an XLSX workbook nor a JSON mapping "
                        + "document: export a mapping to see what an import takes");
            }
        }
        return this.workbook.read(content);
    }

    private MappingDocument readJson(byte[] content) {
        try {
            String text = new String(content, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            MappingDocument document = this.json.readValue(text, MappingDocument.class);
            if (document == null) {
                throw new InvalidInputException("file", "The JSON file holds no mapping document");
            }
            return document;
        }
        catch (JacksonException ex) {
            String at = String.join(", ",
                    java.util.stream.Stream.of(MappingWorkbookReader.path(ex), MappingWorkbookReader.location(ex))
                        .filter((s) -> !s.isEmpty())
                        .toList());
            throw new InvalidInputException("file", "The JSON file is not a mapping document: "
                    + MappingWorkbookReader.reason(ex) + (at.isEmpty() ? "" : " (at " + at + ")"));
        }
    }

    /**
     * Imports a mapping file as the next version of the project's mapping.
     * @param projectId the project
     * @param readVersion the version the analyst had read (the optimistic lock)
     * @param filename the file's name
     * @param in the file
     * @return what was saved
     * @throws InvalidInputException when the file is not a mapping file, naming what is
     * wrong and where
     * @throws dev.switchyard.system.ConflictException when {@code readVersion} is not the
     * latest
     */
    public Imported importFile(Long projectId, int readVersion, String filename, InputStream in) {
        byte[] content;
        try {
            content = in.readNBytes((int) MappingWorkbook.MAX_FILE_BYTES + 1);
        }
        catch (IOException ex) {
            throw new InvalidInputException("file", "The upload could not be read: " + ex.getMessage());
        }
        MappingDocument document = read(content);
        String name = displayName(filename);
        MappingVersion latest = this.mappings.current(projectId);
        String summary = "imported " + name + ": " + MappingDiff.summary(latest.document(), document);
        MappingVersion saved = this.mappings.save(projectId, document.withVersion(readVersion), summary);
        return new Imported(saved, name, document.version());
    }

    /**
     * @param version the {@code version} request parameter: the version the mapping was
     * read at
     * @return it as a number
     * @throws InvalidInputException when it is missing or not a number
     */
    public static int readVersion(String version) {
        if (version == null || version.isBlank()) {
            throw new InvalidInputException("version",
                    "Give the version of the mapping you read (version=N, 0 before the first save): "
                            + "the import replaces that version and is refused when someone saved a newer one");
        }
        try {
            return Integer.parseInt(version.strip());
        }
        catch (NumberFormatException ex) {
            throw new InvalidInputException("version", "The version is a whole number, not '" + version + "'");
        }
    }

    private static String displayName(String filename) {
        if (filename == null || filename.isBlank()) {
            return "the file";
        }
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1)
            .replaceAll("\\p{Cntrl}", "")
            .strip();
        if (name.isEmpty()) {
            return "the file";
        }
        return (name.length() > 100) ? name.substring(0, 100) + "…" : name;
    }

    static String slug(String name) {
        String slug = (name != null) ? name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-") : "";
        slug = slug.replaceAll("^-+|-+$", "");
        if (slug.codePointCount(0, slug.length()) > 60) {
            slug = slug.substring(0, slug.offsetByCodePoints(0, 60)).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "project" : slug;
    }

}
