/**
 * The JDBC connector: reads the tables and views of one schema of a PostgreSQL, MySQL,
 * MariaDB or SQL Server database, describing them from the database's own metadata and
 * streaming their rows; and writes migrated records into the tables of a target schema
 * ({@link dev.switchyard.connector.jdbc.JdbcTargetWriter}).
 */
package dev.switchyard.connector.jdbc;
