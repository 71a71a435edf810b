package dev.switchyard.connector;

/**
 * A target row that an operation on existing rows (a patch, a delete) could not change.
 *
 * @param targetId the row's id in the target
 * @param column the column concerned, when it can be told (for a delete refused because
 * other rows refer to it: {@code table.column} of the referring rows); otherwise null
 * @param message why, in the target database's own words where it gave them
 */
public record RowRejection(String targetId, String column, String message) {

}
