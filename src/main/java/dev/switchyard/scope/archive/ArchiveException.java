package dev.switchyard.scope.archive;

/**
 * Writing an archive failed; nothing of it was kept (no folder, no row).
 */
public class ArchiveException extends RuntimeException {

    private final String object;

    /**
     * @param object the object being written when it failed, or null
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public ArchiveException(String object, String message, Throwable cause) {
        super(message, cause);
        this.object = object;
    }

    /**
     * @return the object being written when it failed, or null
     */
    public String getObject() {
        return this.object;
    }

}
