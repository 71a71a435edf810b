package dev.switchyard.connector;

import java.util.List;
import java.util.Optional;

/**
 * What a connector found when it described the system: its objects, and any problems that
 * kept something from being described (an unreadable file, a file without an id column).
 *
 * @param objects the objects found
 * @param problems what could not be described, each naming the file, object or field
 */
public record SchemaSnapshot(List<ObjectSchema> objects, List<ExtractionProblem> problems) {

    public SchemaSnapshot {
        objects = List.copyOf(objects);
        problems = List.copyOf(problems);
    }

    /**
     * @param name an object name, any case
     * @return the object
     */
    public Optional<ObjectSchema> object(String name) {
        return this.objects.stream().filter((o) -> o.name().equalsIgnoreCase(name)).findFirst();
    }

}
