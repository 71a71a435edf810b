package dev.switchyard.connector.sobjecttree;

import java.nio.file.Path;

/**
 * A tree file to read.
 *
 * @param path the file
 * @param sobject the object the data plan names for it, or null without a plan; records
 * without {@code attributes.type} take it
 * @param plan the data plan's file name, or null
 */
record TreeFile(Path path, String sobject, String plan) {

    /**
     * @return the file's name, for locations and messages
     */
    String name() {
        return this.path.getFileName().toString();
    }

}
