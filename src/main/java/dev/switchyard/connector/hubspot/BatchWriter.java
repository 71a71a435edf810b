package dev.switchyard.connector.hubspot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.TargetRecord;
import dev.switchyard.connector.WriteMode;
import dev.switchyard.connector.WriteResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes records with the batch endpoints (contract §2.6), at most 100 per call: upsert
 * on a unique property, create, or update by the unique property or by id. A 207 answer
 * is split into one outcome per record through {@code errors[].context}; a batch HubSpot
 * refuses as a whole (400) is halved until the records at fault are alone, so that one
 * bad record never fails the others. A key that occurs twice in a chunk is written in a
 * later call, as HubSpot refuses duplicate ids in one batch.
 */
final class BatchWriter {

    private final HubSpotClient client;

    BatchWriter(HubSpotClient client) {
        this.client = client;
    }

    List<WriteResult> write(String object, String matchKey, List<TargetRecord> records, WriteMode mode) {
        boolean byId = matchKey == null || isId(matchKey);
        if (mode == WriteMode.UPSERT && byId) {
            throw new ConnectorException("HubSpot upserts on a unique property: choose one (such as legacy_id) as "
                    + "the match key of " + object);
        }
        Map<Integer, WriteResult> results = new HashMap<>();
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            TargetRecord record = records.get(i);
            String key = keyOf(record, matchKey);
            if (mode != WriteMode.CREATE && key == null) {
                results.put(i, WriteResult.rejected(record.sourceId(), null, matchKey, "MISSING_MATCH_KEY",
                        "The record has no value for the match key " + matchKey));
                continue;
            }
            inputs.add(new Input(i, record, key));
        }
        for (List<Input> round : rounds(inputs)) {
            for (int from = 0; from < round.size(); from += UsageProbe.BATCH) {
                List<Input> batch = round.subList(from, Math.min(round.size(), from + UsageProbe.BATCH));
                send(object, matchKey, byId, mode, batch, results);
            }
        }
        List<WriteResult> ordered = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ordered.add(results.get(i));
        }
        return ordered;
    }

    private void send(String object, String matchKey, boolean byId, WriteMode mode, List<Input> batch,
            Map<Integer, WriteResult> results) {
        HubSpotResponse answer;
        try {
            answer = this.client.post("batch", verb(mode) + " " + batch.size() + " " + object,
                    "/crm/v3/objects/" + AssociationReader.segment(object) + "/batch/" + verb(mode),
                    body(mode, matchKey, byId, batch));
        }
        catch (HubSpotApiException ex) {
            if (ex.status() != 400) {
                throw ex;
            }
            HubSpotError error = ex.error();
            if (batch.size() == 1 || everyRecordSets(batch, error.properties())) {
                String column = error.properties().isEmpty() ? null : error.properties().get(0);
                for (Input input : batch) {
                    results.put(input.index, WriteResult.rejected(input.record.sourceId(), null, column,
                            error.category(), error.describe()));
                }
                return;
            }
            int half = batch.size() / 2;
            send(object, matchKey, byId, mode, batch.subList(0, half), results);
            send(object, matchKey, byId, mode, batch.subList(half, batch.size()), results);
            return;
        }
        Set<Integer> failed = new HashSet<>();
        for (BatchErrors.Failure failure : BatchErrors.of(answer.body())) {
            for (Input input : batch) {
                if (failure.keys().contains(input.traceId())
                        || (input.key != null && failure.keys().contains(input.key))) {
                    failed.add(input.index);
                    results.put(input.index,
                            WriteResult.rejected(input.record.sourceId(),
                                    (byId && mode == WriteMode.UPDATE) ? input.key : null, failure.property(),
                                    failure.code(), failure.message()));
                }
            }
        }
        List<Input> open = new ArrayList<>(batch.stream().filter((input) -> !failed.contains(input.index)).toList());
        List<JsonNode> unmatched = new ArrayList<>();
        for (JsonNode result : answer.body().path("results")) {
            Input input = match(result, open, matchKey, byId);
            if (input == null) {
                unmatched.add(result);
                continue;
            }
            open.remove(input);
            results.put(input.index, outcome(input, result, mode));
        }
        for (int i = 0; i < open.size(); i++) {
            Input input = open.get(i);
            results.put(input.index,
                    (i < unmatched.size() && failed.isEmpty()) ? outcome(input, unmatched.get(i), mode)
                            : WriteResult.rejected(input.record.sourceId(), null, null, "NO_RESULT",
                                    "HubSpot confirmed neither the write nor an error for this record"));
        }
    }

    private static WriteResult outcome(Input input, JsonNode result, WriteMode mode) {
        String id = Json.text(result.path("id"));
        boolean created = (mode == WriteMode.CREATE) || (mode == WriteMode.UPSERT && result.path("new").asBoolean());
        return created ? WriteResult.created(input.record.sourceId(), id)
                : WriteResult.updated(input.record.sourceId(), id);
    }

    private static Input match(JsonNode result, List<Input> open, String matchKey, boolean byId) {
        String id = Json.text(result.path("id"));
        String key = (matchKey == null) ? null : byId ? id : Json.text(result.path("properties").path(matchKey));
        String trace = Json.text(result.path("objectWriteTraceId"));
        for (Input input : open) {
            if ((trace != null && trace.equals(input.traceId())) || (key != null && key.equals(input.key))) {
                return input;
            }
        }
        return null;
    }

    private ObjectNode body(WriteMode mode, String matchKey, boolean byId, List<Input> batch) {
        ObjectNode body = this.client.json().createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        for (Input input : batch) {
            ObjectNode node = inputs.addObject();
            if (mode == WriteMode.CREATE) {
                node.put("objectWriteTraceId", input.traceId());
            }
            else {
                node.put("id", input.key);
                if (!byId) {
                    node.put("idProperty", matchKey);
                }
            }
            ObjectNode properties = node.putObject("properties");
            input.record.values().forEach((field, value) -> {
                if (!isId(field)) {
                    properties.put(field, HubSpotValues.write(value));
                }
            });
        }
        return body;
    }

    /** Splits inputs into rounds in which every key occurs once. */
    private static List<List<Input>> rounds(List<Input> inputs) {
        List<List<Input>> rounds = new ArrayList<>();
        List<Set<String>> keys = new ArrayList<>();
        for (Input input : inputs) {
            int round = 0;
            while (round < rounds.size() && input.key != null && keys.get(round).contains(input.key)) {
                round++;
            }
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
                keys.add(new HashSet<>());
            }
            rounds.get(round).add(input);
            if (input.key != null) {
                keys.get(round).add(input.key);
            }
        }
        return rounds;
    }

    /**
     * Whether a refusal naming properties concerns every record of the batch (a property
     * the portal lacks, mapped for all records): then halving would not isolate anyone.
     */
    private static boolean everyRecordSets(List<Input> batch, List<String> properties) {
        return !properties.isEmpty()
                && batch.stream().allMatch((input) -> properties.stream().anyMatch(input.record.values()::containsKey));
    }

    private static String keyOf(TargetRecord record, String field) {
        if (field == null) {
            return null;
        }
        Object value = record.values().get(field);
        String text = (value != null) ? HubSpotValues.write(value) : null;
        return (text == null || text.isBlank()) ? null : text;
    }

    static boolean isId(String field) {
        return field.equalsIgnoreCase(HubSpotSchemaReader.ID_PROPERTY) || field.equalsIgnoreCase("id");
    }

    private static String verb(WriteMode mode) {
        return switch (mode) {
            case CREATE -> "create";
            case UPDATE -> "update";
            case UPSERT -> "upsert";
        };
    }

    private record Input(int index, TargetRecord record, String key) {

        String traceId() {
            return "r" + this.index;
        }

    }

}
