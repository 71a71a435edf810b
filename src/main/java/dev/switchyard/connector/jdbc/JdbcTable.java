package dev.switchyard.connector.jdbc;

/**
 * A table or view of the schema being read.
 *
 * @param name its name as the database spells it
 * @param view whether it is a view (or materialized view)
 */
record JdbcTable(String name, boolean view) {

}
