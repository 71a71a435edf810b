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
 * a 207's errors); a record with more associations than one answer holds (500) has the
 * rest read page by page from its own association list.
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
            add(list, to, result.path("to"));
            String after = Json.text(result.path("paging").path("next").path("after"));
            while (after != null) {
                HubSpotResponse page = this.client.get("associations",
                        "reading more associations of " + from + " " + fromId + " to " + to,
                        "/crm/v4/objects/" + segment(from) + "/" + segment(fromId) + "/associations/" + segment(to)
                                + "?limit=500&after=" + UriUtils.encodeQueryParam(after, "UTF-8"));
                add(list, to, page.body().path("results"));
                after = Json.text(page.body().path("paging").path("next").path("after"));
            }
        }
        return found;
    }

    private static void add(List<Association> list, String to, JsonNode targets) {
        for (JsonNode target : targets) {
            String toId = Json.text(target.path("toObjectId"));
            for (JsonNode type : target.path("associationTypes")) {
                list.add(new Association(to, toId, type.path("typeId").asInt(), Json.text(type.path("label"))));
            }
        }
    }

    static String segment(String value) {
        return UriUtils.encodePathSegment(value, "UTF-8");
    }

}
