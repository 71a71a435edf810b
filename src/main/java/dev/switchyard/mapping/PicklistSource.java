package dev.switchyard.mapping;

/**
 * Designates a lookup table as the source of a target field's allowed values, for targets
 * that keep picklists in a table rather than a CHECK constraint or an enum (e.g.
 * {@code deals.stage} takes the values of {@code deal_stages.name}).
 *
 * @param object the target object
 * @param field the target field
 * @param table the lookup table in the same target
 * @param column the lookup table's column holding the values
 */
public record PicklistSource(String object, String field, String table, String column) {

}
