package dev.switchyard.connector.sobjecttree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ExtractionProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Which tree files a folder offers, in load order. Data plans are recognised by their
 * content, whatever their name: a JSON array of {@code {"sobject", "saveRefs",
 * "resolveRefs", "files"}} entries. With plans, every plan's files in plan order, the
 * plans taken by file name (a file two plans list is read once); with the {@code plan}
 * option, only the plan it names. Without a plan, every other {@code .json} file by name.
 * A file of the folder that no plan in use lists — a tree file left out, a plan not used,
 * a CSV copy — is not read and is reported as a problem, so that no record is dropped
 * unnoticed.
 *
 * @param plans the data plans used, in order (empty without a plan)
 * @param files the files, in order
 * @param problems files a plan lists but the folder lacks, and files not read
 */
record TreeSource(List<String> plans, List<TreeFile> files, List<ExtractionProblem> problems) {

    /** Plans are small: an array file larger than this is no plan. */
    static final long PLAN_MAX_BYTES = 1_000_000;

    /**
     * @param location the folder
     * @param planOption the plan's file name, or null for every plan
     * @return the files to read
     * @throws ConnectorException when the folder, the named plan or a plan cannot be read
     */
    static TreeSource of(Path location, String planOption) {
        Path folder = location.toAbsolutePath().normalize();
        List<Path> all = files(folder);
        Map<Path, JsonNode> plans = new LinkedHashMap<>();
        for (Path file : all) {
            JsonNode plan = plan(file);
            if (plan != null) {
                plans.put(file, plan);
            }
        }
        List<Path> used = new ArrayList<>(plans.keySet());
        if (planOption != null && !planOption.isBlank()) {
            Path named = plans.keySet()
                .stream()
                .filter((file) -> name(file).equals(planOption.trim()))
                .findFirst()
                .orElseThrow(() -> new ConnectorException("No data plan '" + planOption + "' in " + folder
                        + "; plans there: " + plans.keySet().stream().map(TreeSource::name).toList()));
            used = List.of(named);
        }
        List<ExtractionProblem> problems = new ArrayList<>();
        if (used.isEmpty()) {
            List<TreeFile> files = new ArrayList<>();
            for (Path file : all) {
                if (isJson(file)) {
                    files.add(new TreeFile(file, null, null));
                }
                else {
                    problems.add(notRead(file, "it is not a .json tree file"));
                }
            }
            return new TreeSource(List.of(), files, problems);
        }
        Map<Path, TreeFile> files = new LinkedHashMap<>();
        for (Path plan : used) {
            fromPlan(folder, plan.getParent(), plan, plans.get(plan), files, problems);
        }
        for (Path file : all) {
            if (files.containsKey(file) || used.contains(file)) {
                continue;
            }
            if (plans.containsKey(file)) {
                problems.add(new ExtractionProblem(null, name(file), null,
                        "the data plan " + name(file) + " was not used: the connection reads only the plan "
                                + planOption + "; its files that " + "plan does not list are not read",
                        null));
            }
            else {
                problems.add(notRead(file, "no data plan in use lists it"));
            }
        }
        return new TreeSource(used.stream().map(TreeSource::name).toList(), List.copyOf(files.values()), problems);
    }

    private static ExtractionProblem notRead(Path file, String why) {
        return new ExtractionProblem(null, name(file), null,
                name(file) + " was not read (" + why + "): its records, if any, are not staged", null);
    }

    /**
     * @return the plan's entries when the file is a data plan, else null
     */
    private static JsonNode plan(Path file) {
        if (!isJson(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            int c = in.read();
            if (c == 0xEF) {
                // a UTF-8 byte order mark
                in.skipNBytes(2);
                c = in.read();
            }
            while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                c = in.read();
            }
            if (c != '[' || Files.size(file) > PLAN_MAX_BYTES) {
                return null;
            }
        }
        catch (IOException ex) {
            return null;
        }
        JsonNode entries;
        try {
            entries = TreeFileReader.JSON.readTree(file);
        }
        catch (JacksonException ex) {
            throw new ConnectorException(
                    "The data plan " + name(file) + " is not valid JSON: " + ex.getOriginalMessage(), ex);
        }
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            return null;
        }
        for (JsonNode entry : entries.values()) {
            if (!entry.isObject() || !entry.path("files").isArray()) {
                return null;
            }
        }
        return entries;
    }

    private static void fromPlan(Path root, Path folder, Path plan, JsonNode entries, Map<Path, TreeFile> files,
            List<ExtractionProblem> problems) {
        for (JsonNode entry : entries.values()) {
            String sobject = entry.path("sobject").asString(null);
            for (JsonNode file : entry.path("files").values()) {
                Path path = folder.resolve(file.asString()).normalize();
                if (!path.startsWith(root) || !Files.isRegularFile(path)) {
                    problems.add(new ExtractionProblem(sobject, name(plan), null,
                            "the plan lists " + file.asString() + ", which is not in the folder", file.asString()));
                    continue;
                }
                TreeFile earlier = files.get(path);
                if (earlier == null) {
                    files.put(path, new TreeFile(path, sobject, name(plan)));
                }
                else if (sobject != null && earlier.sobject() != null && !sobject.equals(earlier.sobject())) {
                    problems.add(new ExtractionProblem(sobject, name(plan), null,
                            "the plan lists " + name(path) + " as " + sobject + ", the plan " + earlier.plan() + " as "
                                    + earlier.sobject() + "; it is read once, as " + earlier.sobject(),
                            file.asString()));
                }
            }
        }
    }

    /**
     * Every file under the folder, sub-folders included (a ZIP often holds the export's
     * folder), hidden ones left out, in path order.
     */
    private static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                .filter((file) -> !hidden(folder.relativize(file)))
                .sorted()
                .toList();
        }
        catch (IOException ex) {
            throw new ConnectorException("Cannot list the files in " + folder + ": " + ex.getMessage(), ex);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".") || part.toString().equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJson(Path file) {
        return name(file).toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

}
