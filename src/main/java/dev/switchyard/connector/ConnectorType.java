package dev.switchyard.connector;

/**
 * The kinds of system Switchyard connects to.
 */
public enum ConnectorType {

    /** A ZIP or folder of CSV files, one per object. */
    CSV("csv"),

    /** An XLSX workbook, one sheet per object. */
    XLSX("xlsx"),

    /** Salesforce sObject-tree JSON files (with or without a data plan). */
    SOBJECT_TREE("sobject-tree"),

    /** A relational database through JDBC. */
    JDBC("jdbc");

    private final String key;

    ConnectorType(String key) {
        this.key = key;
    }

    /**
     * @return the name used in the API and forms, such as {@code sobject-tree}
     */
    public String key() {
        return this.key;
    }

    /**
     * @return whether connections of this type are made from uploaded or server files
     */
    public boolean isFileBased() {
        return this != JDBC;
    }

    /**
     * @param value an API name ({@code csv}, {@code xlsx}, {@code sobject-tree},
     * {@code jdbc}) or an enum name, any case
     * @return the type
     * @throws IllegalArgumentException for anything else
     */
    public static ConnectorType parse(String value) {
        if (value != null) {
            String wanted = value.trim();
            for (ConnectorType type : values()) {
                if (type.key.equalsIgnoreCase(wanted) || type.name().equalsIgnoreCase(wanted)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException(
                "'" + value + "' is not a connection type: use csv, xlsx, sobject-tree or jdbc");
    }

}
