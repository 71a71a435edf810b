package dev.switchyard.support.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.support.hubspot.PortalState.Link;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.switchyard.support.hubspot.Answer.JSON;

/**
 * The v4 association endpoints of the stub portal (contract §2.7, §2.7a): batch read with
 * types and labels, batch create with 207 failures naming the records, and the labels of
 * an object pair.
 */
final class PortalAssociations {

    private final PortalState state;

    /** Associated records per answer (HubSpot: 500). */
    int pageSize = 500;

    PortalAssociations(PortalState state) {
        this.state = state;
    }

    Answer labels(String from, String to) {
        int[] types = PortalSchema.types(from, to);
        if (types == null) {
            return Answer.error(400, "VALIDATION_ERROR", "No association types between " + from + " and " + to);
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        results.addObject().put("category", "HUBSPOT_DEFINED").put("typeId", types[0]).putNull("label");
        if (types[1] != 0) {
            results.addObject().put("category", "HUBSPOT_DEFINED").put("typeId", types[1]).put("label", "Primary");
        }
        return Answer.ok(body);
    }

    Answer read(String from, String to, JsonNode request) {
        if (request.path("inputs").size() > 1000) {
            return Answer.error(400, "VALIDATION_ERROR", "The maximum number of inputs supported in a batch is 1000");
        }
        ObjectNode body = JSON.createObjectNode().put("status", "COMPLETE");
        ArrayNode results = body.putArray("results");
        List<String> without = new ArrayList<>();
        for (JsonNode input : request.path("inputs")) {
            String id = input.path("id").asString();
            Map<Long, List<Link>> byTarget = targets(from, id, to);
            if (byTarget.isEmpty()) {
                without.add(id);
                continue;
            }
            ObjectNode result = results.addObject();
            result.putObject("from").put("id", id);
            page(result, "to", from, to, byTarget, 0);
        }
        if (!without.isEmpty()) {
            body.put("numErrors", 1);
            body.putArray("errors")
                .add(Answer.batchError("OBJECT_NOT_FOUND", "No " + to + " is associated with " + "these " + from,
                        "fromObjectId", without, null));
            return new Answer(207, body);
        }
        return Answer.ok(body);
    }

    /**
     * The associations of one record after the first page: {@code GET
     * /crm/v4/objects/{from}/{id}/associations/{to}?after=}.
     */
    Answer list(String from, String id, String to, int after) {
        ObjectNode body = JSON.createObjectNode();
        page(body, "results", from, to, targets(from, id, to), after);
        return Answer.ok(body);
    }

    private Map<Long, List<Link>> targets(String from, String id, String to) {
        Map<Long, List<Link>> byTarget = new LinkedHashMap<>();
        for (Link link : this.state.links) {
            if (link.from().equals(from) && link.to().equals(to) && Long.toString(link.fromId()).equals(id)
                    && this.state.live(to, Long.toString(link.toId())) != null) {
                byTarget.computeIfAbsent(link.toId(), (k) -> new ArrayList<>()).add(link);
            }
        }
        return byTarget;
    }

    /**
     * Writes one page of associated records (at most {@link #pageSize}) with its paging.
     */
    private void page(ObjectNode into, String field, String from, String to, Map<Long, List<Link>> byTarget,
            int after) {
        ArrayNode targets = into.putArray(field);
        List<Map.Entry<Long, List<Link>>> entries = new ArrayList<>(byTarget.entrySet());
        for (int i = after; i < Math.min(entries.size(), after + this.pageSize); i++) {
            ObjectNode target = targets.addObject().put("toObjectId", entries.get(i).getKey());
            ArrayNode types = target.putArray("associationTypes");
            for (Link link : entries.get(i).getValue()) {
                ObjectNode type = types.addObject().put("category", link.category()).put("typeId", link.typeId());
                String label = this.state.label(from, to, link.typeId());
                if (label != null) {
                    type.put("label", label);
                }
                else {
                    type.putNull("label");
                }
            }
        }
        if (after + this.pageSize < entries.size()) {
            into.putObject("paging").putObject("next").put("after", Integer.toString(after + this.pageSize));
        }
    }

    Answer create(String from, String to, JsonNode request) {
        JsonNode inputs = request.path("inputs");
        if (inputs.size() > 100) {
            return Answer.error(400, "VALIDATION_ERROR", "The maximum number of inputs supported in a batch is 100. "
                    + "Please reduce the number of items and try again");
        }
        int[] pair = PortalSchema.types(from, to);
        ObjectNode body = JSON.createObjectNode().put("status", "COMPLETE");
        ArrayNode results = body.putArray("results");
        List<ObjectNode> errors = new ArrayList<>();
        for (JsonNode input : inputs) {
            String fromId = input.path("from").path("id").asString();
            String toId = input.path("to").path("id").asString();
            JsonNode type = input.path("types").path(0);
            int typeId = type.path("associationTypeId").asInt();
            ObjectNode error = null;
            if (this.state.live(from, fromId) == null || this.state.live(to, toId) == null) {
                error = Answer.batchError("VALIDATION_ERROR",
                        "One or more of the objects does not exist: " + from + " " + fromId + ", " + to + " " + toId,
                        "fromObjectId", List.of(fromId), null);
            }
            else if (pair == null || (typeId != pair[0] && typeId != pair[1])) {
                error = Answer.batchError("VALIDATION_ERROR",
                        "Association type " + typeId + " is not valid from " + from + " to " + to, "fromObjectId",
                        List.of(fromId), null);
            }
            if (error != null) {
                error.withObjectProperty("context").putArray("toObjectId").add(toId);
                errors.add(error);
                continue;
            }
            this.state.link(from, Long.parseLong(fromId), to, Long.parseLong(toId),
                    type.path("associationCategory").asString("HUBSPOT_DEFINED"), typeId);
            ObjectNode result = results.addObject()
                .put("fromObjectTypeId", from)
                .put("fromObjectId", fromId)
                .put("toObjectTypeId", to)
                .put("toObjectId", toId);
            ArrayNode labels = result.putArray("labels");
            String label = this.state.label(from, to, typeId);
            if (label != null) {
                labels.add(label);
            }
        }
        if (!errors.isEmpty()) {
            body.put("numErrors", errors.size());
            body.putArray("errors").addAll(errors);
            return new Answer(207, body);
        }
        return new Answer(201, body);
    }

}
