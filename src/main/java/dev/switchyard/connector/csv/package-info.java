/**
 * The CSV connector: a folder of CSV files, one per object, streamed with FastCSV and
 * decoded strictly.
 */
package dev.switchyard.connector.csv;
