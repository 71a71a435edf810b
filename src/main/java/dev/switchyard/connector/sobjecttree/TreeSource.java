package dev.switchyard.connector.sobjecttree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ExtractionProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Which tree files a folder offers, in load order. With a data plan
 * ({@code *-plan*.json}, an array of {@code {"sobject", "saveRefs", "resolveRefs",
 * "files"}}) the plan's files in plan order: the plan named by the {@code plan} option,
 * else the first plan by file name. Without a plan, every other {@code .json} file by
 * name.
 *
 * @param plan the data plan used, or null
 * @param files the files, in order
 * @param problems files the plan lists but the folder lacks
 */
record TreeSource(String plan, List<TreeFile> files, List<ExtractionProblem> problems) {

    private static final Pattern PLAN = Pattern.compile(".*-plan.*\\.json", Pattern.CASE_INSENSITIVE);

    /**
     * @param folder the folder
     * @param planOption the plan's file name, or null for the first one
     * @return the files to read
     * @throws ConnectorException when the folder, the named plan or a plan cannot be read
     */
    static TreeSource of(Path location, String planOption) {
        Path folder = location.toAbsolutePath().normalize();
        List<Path> json = jsonFiles(folder);
        List<Path> plans = json.stream().filter((file) -> PLAN.matcher(name(file)).matches()).toList();
        if (planOption != null && !planOption.isBlank()) {
            Path plan = plans.stream()
                .filter((file) -> name(file).equals(planOption.trim()))
                .findFirst()
                .orElseThrow(() -> new ConnectorException("No data plan '" + planOption + "' in " + folder
                        + "; plans there: " + plans.stream().map(TreeSource::name).toList()));
            return fromPlan(folder, plan);
        }
        if (!plans.isEmpty()) {
            return fromPlan(folder, plans.get(0));
        }
        return new TreeSource(null, json.stream().map((file) -> new TreeFile(file, null, null)).toList(), List.of());
    }

    private static TreeSource fromPlan(Path folder, Path plan) {
        JsonNode entries;
        try {
            entries = TreeFileReader.JSON.readTree(plan);
        }
        catch (JacksonException ex) {
            throw new ConnectorException(
                    "The data plan " + name(plan) + " is not valid JSON: " + ex.getOriginalMessage(), ex);
        }
        if (entries == null || !entries.isArray()) {
            throw new ConnectorException(
                    "The data plan " + name(plan) + " is not an array of {sobject, files} entries");
        }
        List<TreeFile> files = new ArrayList<>();
        List<ExtractionProblem> problems = new ArrayList<>();
        for (JsonNode entry : entries.values()) {
            String sobject = entry.path("sobject").asString(null);
            for (JsonNode file : entry.path("files").values()) {
                Path path = folder.resolve(file.asString()).normalize();
                if (path.startsWith(folder) && Files.isRegularFile(path)) {
                    files.add(new TreeFile(path, sobject, name(plan)));
                }
                else {
                    problems.add(new ExtractionProblem(sobject, name(plan), null,
                            "the plan lists " + file.asString() + ", which is not in the folder", file.asString()));
                }
            }
        }
        return new TreeSource(name(plan), files, problems);
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                .filter((file) -> name(file).toLowerCase(Locale.ROOT).endsWith(".json"))
                .sorted()
                .toList();
        }
        catch (IOException ex) {
            throw new ConnectorException("Cannot list the files in " + folder + ": " + ex.getMessage(), ex);
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

}
