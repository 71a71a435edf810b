package dev.switchyard.system;

/**
 * Says in words what was wrong with a JSON document, for people.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /**
     * @param ex a failure to read JSON
     * @return what Jackson found wrong (an unknown transform type, a bad value, where),
     * without class names, or an empty string
     */
    public static String reason(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.JacksonException jackson) {
                String message = jackson.getOriginalMessage();
                if (message == null) {
                    return "";
                }
                message = message.replaceAll("`?\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][\\w$]*)`?", "$1")
                    .replaceAll("\\s+", " ");
                if (message.length() > 300) {
                    message = message.substring(0, 300) + "…";
                }
                String path = jackson.getPathReference();
                if (path != null) {
                    path = path.replaceAll("(?:[a-z_][a-z0-9_]*\\.)+([A-Z][\\w$]*)", "$1");
                }
                return ": " + message + ((path != null && !path.isBlank()) ? " (at " + path + ")" : "");
            }
        }
        return "";
    }

}
