package dev.switchyard.connector;

import java.util.Map;

/**
 * One record read from a source.
 *
 * <p>
 * Values are plain Java values: {@code String}, {@code Long}, {@code BigDecimal},
 * {@code Boolean}, {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime}, or
 * null; text sources (CSV) give strings, and typing is left to the dictionary. The map
 * keeps the source's field order.
 *
 * @param object the object's name
 * @param id the record's id in the source (never blank)
 * @param values its fields, by name, including the id field
 * @param location where it was read, for messages: {@code Account.csv:17},
 * {@code Contacts.json#ContactRef3}, a sheet row, a table
 */
public record SourceRecord(String object, String id, Map<String, Object> values, String location) {

}
