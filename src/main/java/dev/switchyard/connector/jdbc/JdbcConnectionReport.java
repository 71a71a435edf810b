package dev.switchyard.connector.jdbc;

/**
 * What a connection test found.
 *
 * @param product the database product, e.g. {@code PostgreSQL}
 * @param version its version
 * @param schema the schema read
 * @param tables the number of tables in the schema
 * @param views the number of views in the schema
 */
public record JdbcConnectionReport(String product, String version, String schema, int tables, int views) {

    /**
     * @return a one-line summary for people, e.g.
     * {@code PostgreSQL 17.5, schema public: 6 tables and 1 view}
     */
    public String summary() {
        return this.product + " " + this.version + ", schema " + this.schema + ": " + plural(this.tables, "table")
                + " and " + plural(this.views, "view");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + ((count == 1) ? "" : "s");
    }

}
