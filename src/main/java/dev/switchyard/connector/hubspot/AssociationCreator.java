package dev.switchyard.connector.hubspot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.connector.AssociationWriter.AssociationInput;
import dev.switchyard.connector.AssociationWriter.AssociationOutcome;
import dev.switchyard.connector.AssociationWriter.AssociationType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates associations with the v4 batch endpoint and lists the association types of an
 * object pair (contract §2.7, §2.7a). A 207 answer's errors name the records concerned in
 * {@code context.fromObjectId} / {@code context.toObjectId}; a batch refused as a whole
 * (400) is halved until the associations at fault are alone.
 */
final class AssociationCreator {

    private final HubSpotClient client;

    AssociationCreator(HubSpotClient client) {
        this.client = client;
    }

    List<AssociationType> types(String from, String to) {
        HubSpotResponse answer = this.client.get("describe", "reading the association types of " + from + " to " + to,
                "/crm/v4/associations/" + AssociationReader.segment(from) + "/" + AssociationReader.segment(to)
                        + "/labels");
        List<AssociationType> types = new ArrayList<>();
        for (JsonNode type : answer.body().path("results")) {
            types.add(new AssociationType(Json.text(type.path("category")), type.path("typeId").asInt(),
                    Json.text(type.path("label"))));
        }
        return types;
    }

    List<AssociationOutcome> create(String from, String to, List<AssociationInput> associations) {
        Map<Integer, AssociationOutcome> outcomes = new HashMap<>();
        for (int start = 0; start < associations.size(); start += UsageProbe.BATCH) {
            List<Integer> batch = new ArrayList<>();
            for (int i = start; i < Math.min(associations.size(), start + UsageProbe.BATCH); i++) {
                batch.add(i);
            }
            send(from, to, associations, batch, outcomes);
        }
        List<AssociationOutcome> ordered = new ArrayList<>();
        for (int i = 0; i < associations.size(); i++) {
            ordered.add(outcomes.get(i));
        }
        return ordered;
    }

    private void send(String from, String to, List<AssociationInput> all, List<Integer> batch,
            Map<Integer, AssociationOutcome> outcomes) {
        ObjectNode body = this.client.json().createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        for (int index : batch) {
            AssociationInput input = all.get(index);
            ObjectNode node = inputs.addObject();
            node.putObject("from").put("id", input.fromId());
            node.putObject("to").put("id", input.toId());
            node.putArray("types")
                .addObject()
                .put("associationCategory",
                        (input.type().category() != null) ? input.type().category() : "HUBSPOT_DEFINED")
                .put("associationTypeId", input.type().typeId());
        }
        HubSpotResponse answer;
        try {
            answer = this.client.post(
                    "associations", "associating " + batch.size() + " " + from + " to " + to, "/crm/v4/associations/"
                            + AssociationReader.segment(from) + "/" + AssociationReader.segment(to) + "/batch/create",
                    body);
        }
        catch (HubSpotApiException ex) {
            if (ex.status() != 400) {
                throw ex;
            }
            if (batch.size() == 1) {
                outcomes.put(batch.get(0), AssociationOutcome.refused(all.get(batch.get(0)), ex.error().category(),
                        ex.error().describe()));
                return;
            }
            int half = batch.size() / 2;
            send(from, to, all, batch.subList(0, half), outcomes);
            send(from, to, all, batch.subList(half, batch.size()), outcomes);
            return;
        }
        for (BatchErrors.Failure failure : BatchErrors.of(answer.body())) {
            Set<String> fromIds = failure.values("fromObjectId");
            Set<String> toIds = failure.values("toObjectId");
            for (int index : batch) {
                AssociationInput input = all.get(index);
                boolean concerned = (fromIds.isEmpty() && toIds.isEmpty())
                        ? failure.keys().contains(input.fromId()) || failure.keys().contains(input.toId())
                        : (fromIds.isEmpty() || fromIds.contains(input.fromId()))
                                && (toIds.isEmpty() || toIds.contains(input.toId()));
                if (concerned && !outcomes.containsKey(index)) {
                    outcomes.put(index, AssociationOutcome.refused(input, failure.code(), failure.message()));
                }
            }
        }
        Set<String> confirmed = new java.util.HashSet<>();
        for (JsonNode result : answer.body().path("results")) {
            confirmed.add(Json.text(result.path("fromObjectId")) + "→" + Json.text(result.path("toObjectId")));
        }
        for (int index : batch) {
            AssociationInput input = all.get(index);
            if (!outcomes.containsKey(index)) {
                outcomes.put(index,
                        confirmed.contains(input.fromId() + "→" + input.toId()) ? AssociationOutcome.created(input)
                                : AssociationOutcome.refused(input, "NO_RESULT",
                                        "HubSpot confirmed neither the association nor an error for it"));
            }
        }
    }

}
