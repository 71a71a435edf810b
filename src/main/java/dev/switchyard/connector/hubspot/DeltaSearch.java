package dev.switchyard.connector.hubspot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the records modified since a window's start with the search endpoint, sorted by
 * the modified property ascending (contract §2.5). One search query reaches at most
 * 10,000 results, so whenever a slice would page past that cap a new slice starts at the
 * last modification time seen; the records of that instant already read are not sent
 * twice. Should more records than the cap share one instant, that instant is read in
 * slices by ascending id. Nothing is silently truncated.
 */
final class DeltaSearch {

    private final HubSpotClient client;

    private final int pageSize;

    private final int cap;

    DeltaSearch(HubSpotClient client, int pageSize, int cap) {
        this.client = client;
        this.pageSize = pageSize;
        this.cap = cap;
    }

    /**
     * @param object the object
     * @param window the window: its modified field and start
     * @param page the page converter of the object
     * @param sink the sink
     * @return how many search slices were needed
     */
    int read(String object, ExtractWindow window, RecordPage page, ExtractionSink sink) {
        String field = window.modifiedField();
        long lower = window.modifiedSince().toEpochMilli();
        Set<String> seenAtLower = new HashSet<>();
        int slices = 0;
        while (!sink.cancelled()) {
            slices++;
            Slice slice = slice(object, field, page, sink, List.of(filter(field, "GTE", lower)), field, seenAtLower,
                    slices);
            if (slice.complete) {
                return slices;
            }
            if (slice.lastModified > lower) {
                lower = slice.lastModified;
                seenAtLower = slice.idsAtLast;
                continue;
            }
            slices += sameInstant(object, field, lower, page, sink, seenAtLower, slices);
            lower++;
            seenAtLower = new HashSet<>();
        }
        return slices;
    }

    /**
     * Reads every record modified at one instant, in slices by ascending id.
     */
    private int sameInstant(String object, String field, long instant, RecordPage page, ExtractionSink sink,
            Set<String> seen, int number) {
        long afterId = -1;
        int slices = 0;
        while (!sink.cancelled()) {
            slices++;
            Slice slice = slice(object, field, page, sink,
                    List.of(filter(field, "EQ", instant), filter(HubSpotSchemaReader.ID_PROPERTY, "GT", afterId)),
                    HubSpotSchemaReader.ID_PROPERTY, seen, number + slices);
            if (slice.complete) {
                return slices;
            }
            afterId = slice.lastId;
        }
        return slices;
    }

    private Slice slice(String object, String field, RecordPage page, ExtractionSink sink, List<ObjectNode> filters,
            String sortBy, Set<String> skip, int number) {
        Slice slice = new Slice();
        String after = null;
        int read = 0;
        while (!sink.cancelled()) {
            ObjectNode body = this.client.json().createObjectNode();
            ArrayNode groups = body.putArray("filterGroups");
            groups.addObject().putArray("filters").addAll(filters);
            body.putArray("sorts").addObject().put("propertyName", sortBy).put("direction", "ASCENDING");
            ArrayNode properties = body.putArray("properties");
            page.propertyNames().forEach(properties::add);
            body.put("limit", this.pageSize);
            if (after != null) {
                body.put("after", after);
            }
            HubSpotResponse answer = this.client.post("search", "searching " + object + " modified since a watermark",
                    "/crm/v3/objects/" + AssociationReader.segment(object) + "/search", body);
            JsonNode results = answer.body().path("results");
            List<JsonNode> fresh = new ArrayList<>();
            for (JsonNode result : results) {
                String id = Json.text(result.path("id"));
                slice.lastId = number(id, slice.lastId);
                if (id != null && skip.contains(id)) {
                    continue;
                }
                fresh.add(result);
                track(slice, result, field, sink, object);
            }
            page.emit(this.client.json().createArrayNode().addAll(fresh),
                    "HubSpot " + object + " search slice " + number, sink);
            read += results.size();
            after = Json.text(answer.body().path("paging").path("next").path("after"));
            if (after == null) {
                slice.complete = true;
                return slice;
            }
            if (read + this.pageSize > this.cap) {
                return slice;
            }
        }
        return slice;
    }

    private static void track(Slice slice, JsonNode result, String field, ExtractionSink sink, String object) {
        String id = Json.text(result.path("id"));
        String modified = Json.text(result.path("properties").path(field));
        try {
            long at = HubSpotValues.instant(modified).toEpochMilli();
            if (at != slice.lastModified) {
                slice.idsAtLast = new HashSet<>();
                slice.lastModified = at;
            }
            slice.idsAtLast.add(id);
        }
        catch (RuntimeException ex) {
            sink.problem(new ExtractionProblem(object, "HubSpot " + object + "#" + id, field,
                    "The modification time cannot be read; the delta may read this record again", modified));
        }
    }

    private static long number(String id, long otherwise) {
        try {
            return (id != null) ? Long.parseLong(id) : otherwise;
        }
        catch (NumberFormatException ex) {
            return otherwise;
        }
    }

    private ObjectNode filter(String property, String operator, long value) {
        return this.client.json()
            .createObjectNode()
            .put("propertyName", property)
            .put("operator", operator)
            .put("value", Long.toString(value));
    }

    /** What one slice saw. */
    private static final class Slice {

        boolean complete;

        long lastModified = Long.MIN_VALUE;

        long lastId = -1;

        Set<String> idsAtLast = new HashSet<>();

    }

}
