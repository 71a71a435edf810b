package dev.switchyard.connector.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ExtractionProblem;

/**
 * The CSV files of a folder and its sub-folders, by object name (the file name without
 * {@code .csv}, in any case). Hidden files and {@code __MACOSX} are ignored; two files
 * naming the same object (in any case) are a problem, and the first by path wins.
 *
 * @param files the files by object name, ordered by path
 * @param problems clashing object names
 */
record CsvFolder(Map<String, Path> files, List<ExtractionProblem> problems) {

    private static final int MAX_DEPTH = 8;

    /**
     * @param folder the folder
     * @return its CSV files
     * @throws ConnectorException when the folder cannot be listed
     */
    static CsvFolder scan(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ConnectorException("The CSV folder " + folder + " does not exist");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, Path> byLowerCase = new LinkedHashMap<>();
        List<ExtractionProblem> problems = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder, MAX_DEPTH)) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString();
                String name = file.getFileName().toString();
                if (!name.toLowerCase(Locale.ROOT).endsWith(".csv") || isHidden(folder.relativize(file))) {
                    continue;
                }
                String object = name.substring(0, name.length() - 4);
                Path earlier = byLowerCase.putIfAbsent(object.toLowerCase(Locale.ROOT), file);
                if (earlier != null) {
                    problems.add(new ExtractionProblem(object, relative, null, "Both " + folder.relativize(earlier)
                            + " and " + relative + " hold object " + object + "; " + relative + " was ignored", null));
                }
                else {
                    files.put(object, file);
                }
            }
        }
        catch (IOException ex) {
            throw new ConnectorException("Cannot list the CSV folder " + folder + ": " + ex.getMessage(), ex);
        }
        return new CsvFolder(files, problems);
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param object an object name, any case
     * @return the object's exact name and file
     */
    Optional<Map.Entry<String, Path>> find(String object) {
        Path exact = this.files.get(object);
        if (exact != null) {
            return Optional.of(Map.entry(object, exact));
        }
        return this.files.entrySet().stream().filter((e) -> e.getKey().equalsIgnoreCase(object)).findFirst();
    }

}
