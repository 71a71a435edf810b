package dev.switchyard.connector.salesforce;

import java.util.Map;

/**
 * One record on its way into a write call: the source id its result repeats and the
 * fields sent.
 *
 * @param sourceId the record's id in the source
 * @param values the fields to send, by name (an update's include {@code Id})
 */
record WriteRow(String sourceId, Map<String, Object> values) {

}
