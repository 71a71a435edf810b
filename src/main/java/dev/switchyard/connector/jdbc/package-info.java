/**
 * The JDBC connector: reads the tables and views of one schema of a PostgreSQL, MySQL,
 * MariaDB or SQL Server database, describing them from the database's own metadata and
 * streaming their rows.
 */
package dev.switchyard.connector.jdbc;
