package dev.switchyard.connector;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open connection to a destination system: a relational database, a CRM. Runs,
 * validation, relationship tracing, undo and the delete policy talk to every destination
 * through this interface only, never through a connector's own package. Not thread-safe;
 * close it when done.
 *
 * <p>
 * Objects and fields are named as the target spells them (a table and its columns, an
 * sObject and its fields). A target id is the text of the target's own record id. Every
 * write is committed in the target before the call returns and is separate from any
 * transaction of the workbench: a run commits a chunk here, then records its
 * cross-reference and ledger. Within a chunk one bad record never fails the others.
 *
 * <p>
 * A failure no record caused (the target out of reach, a session that cannot be renewed,
 * an API limit reached) is a {@link TargetUnavailableException}: the caller pauses or
 * retries instead of marking records failed.
 */
public interface TargetConnector extends AutoCloseable {

    /**
     * Reads the target's schema: objects, fields, types, lengths, required, unique,
     * picklists, references and which fields the target fills itself.
     * @return the schema; problems with single objects are reported in it
     * @throws ConnectorException when the target cannot be read at all
     */
    SchemaSnapshot describe();

    /**
     * What this target can and requires, so that callers need not know its type.
     * @return the capabilities
     */
    TargetCapabilities capabilities();

    /**
     * Writes one chunk.
     * @param object the target object
     * @param matchKey the field identifying the record a source record stands for (a
     * column or an external-id field holding the source id), or null for CREATE
     * @param records the chunk
     * @param mode how to write it
     * @return exactly one result per record, in input order
     * @throws TargetUnavailableException when the target could not take the chunk at all
     * @throws ConnectorException when the object or the match key does not exist
     */
    List<WriteResult> write(String object, String matchKey, List<TargetRecord> records, WriteMode mode);

    /**
     * Finds which match keys the target already holds, for a chunk replayed after a
     * crash.
     * @param object the target object
     * @param matchKey the match key field
     * @param keys the keys to look for
     * @return target id by key, for the keys found
     */
    Map<String, String> existingByMatchKey(String object, String matchKey, Collection<String> keys);

    /**
     * Sets fields of existing records by target id (the second pass that fills cyclic
     * references, the delete policy's deactivation).
     * @param object the target object
     * @param idField the target's id field
     * @param values the fields to set, by target id
     * @return the records that could not be changed; empty when all were
     */
    List<RowRejection> patch(String object, String idField, Map<String, Map<String, Object>> values);

    /**
     * Reads records back by target id, for validation and tracing.
     * @param object the target object
     * @param idField the target's id field
     * @param targetIds the ids
     * @return the records found, by target id, each with every field the target holds
     */
    Map<String, Map<String, Object>> read(String object, String idField, Collection<String> targetIds);

    /**
     * Reads records whose field equals a value, such as the children of a parent.
     * @param object the target object
     * @param field the field
     * @param value the value
     * @param limit the most records to read
     * @return the records found, by target id
     */
    Map<String, Map<String, Object>> readWhere(String object, String field, String value, int limit);

    /**
     * Converts values as the target would store them (a number's text into a number, a
     * date into a date-time), so that an expected value compares with what was read back.
     * @param object the target object
     * @param values values by field
     * @return the converted values; a value that cannot be converted is kept as given
     */
    Map<String, Object> asStored(String object, Map<String, Object> values);

    /**
     * @param object the target object
     * @return how many records it holds
     */
    long count(String object);

    /**
     * Deletes records by target id (undo, the delete policy). An id the target no longer
     * holds counts as deleted.
     * @param object the target object
     * @param idField the target's id field
     * @param targetIds the ids
     * @return the records the target refused to delete, with its reason
     */
    List<RowRejection> delete(String object, String idField, Collection<String> targetIds);

    /**
     * @param object the target object
     * @param targetId a record's target id
     * @return the address of the record in the target's own user interface, where it has
     * one
     */
    default Optional<String> recordUrl(String object, String targetId) {
        return Optional.empty();
    }

    @Override
    void close();

}
