package dev.switchyard.connector.hubspot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.util.UriUtils;

/**
 * Reads the associations of a page of records with the v4 batch read, one call per
 * associated object (contract §2.7): every associated record with each of its types and
 * labels. Records without associations are absent from the answer (HubSpot names them in
 * a 207's errors).
 */
final class AssociationReader {

    /** The most ids one batch read of associations takes. */
    static final int MAX_IDS = 1000;

    private final HubSpotClient client;

    AssociationReader(HubSpotClient client) {
        this.client = client;
    }

    /**
     * @param from the records' object
     * @param to the associated object
     * @param ids the records' ids (at most {@value #MAX_IDS})
     * @return the associations by record id; records without any are absent
     */
    Map<String, List<Association>> read(String from, String to, Collection<String> ids) {
        Map<String, List<Association>> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        ObjectNode body = this.client.json().createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        ids.forEach((id) -> inputs.addObject().put("id", id));
        HubSpotResponse answer = this.client.post("associations", "reading the associations of " + from + " to " + to,
                "/crm/v4/associations/" + segment(from) + "/" + segment(to) + "/batch/read", body);
        for (JsonNode result : answer.body().path("results")) {
            String fromId = Json.text(result.path("from").path("id"));
            if (fromId == null) {
                continue;
            }
            List<Association> list = found.computeIfAbsent(fromId, (k) -> new ArrayList<>());
            for (JsonNode target : result.path("to")) {
                String toId = Json.text(target.path("toObjectId"));
                for (JsonNode type : target.path("associationTypes")) {
                    list.add(new Association(to, toId, type.path("typeId").asInt(), Json.text(type.path("label"))));
                }
            }
        }
        return found;
    }

    static String segment(String value) {
        return UriUtils.encodePathSegment(value, "UTF-8");
    }

}
