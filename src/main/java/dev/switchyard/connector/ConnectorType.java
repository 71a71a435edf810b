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
    JDBC("jdbc"),

    /** A Salesforce org through its REST and Bulk APIs. */
    SALESFORCE("salesforce"),

    /** A HubSpot portal through its CRM API. */
    HUBSPOT("hubspot");

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
        return this == CSV || this == XLSX || this == SOBJECT_TREE;
    }

    /**
     * @return whether connections of this type reach a CRM's API, whose calls count
     * against the provider's limits
     */
    public boolean isCrm() {
        return this == SALESFORCE || this == HUBSPOT;
    }

    /**
     * @param value an API name ({@code csv}, {@code xlsx}, {@code sobject-tree},
     * {@code jdbc}, {@code salesforce}, {@code hubspot}) or an enum name, any case
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
                "'" + value + "' is not a connection type: use csv, xlsx, sobject-tree, jdbc, salesforce or hubspot");
    }

}
