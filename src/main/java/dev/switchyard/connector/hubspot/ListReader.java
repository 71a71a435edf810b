package dev.switchyard.connector.hubspot;

import java.util.function.Consumer;

import dev.switchyard.connector.ExtractionSink;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads every record of an object with the list endpoint, paging by {@code after}
 * (contract §2.4), and lists ids alone: live ones for the deletion check of a delta,
 * archived ones to tell which records were deleted.
 */
final class ListReader {

    private final HubSpotClient client;

    private final int pageSize;

    ListReader(HubSpotClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    /**
     * Reads every live record.
     * @param page the page converter of the object
     * @param object the object
     * @param sink the sink
     */
    void readAll(String object, RecordPage page, ExtractionSink sink) {
        String after = null;
        int number = 0;
        do {
            number++;
            var answer = this.client.get("list", "listing " + object,
                    path(object, after, false, String.join(",", page.propertyNames())));
            page.emit(answer.body().path("results"), "HubSpot " + object + " page " + number, sink);
            after = Json.text(answer.body().path("paging").path("next").path("after"));
        }
        while (after != null && !sink.cancelled());
    }

    /**
     * Lists ids.
     * @param object the object
     * @param archived whether to list archived (deleted) records rather than live ones
     * @param ids receives each id
     */
    void listIds(String object, boolean archived, Consumer<String> ids) {
        String after = null;
        do {
            var answer = this.client.get("list", "listing the ids of " + object,
                    path(object, after, archived, HubSpotSchemaReader.ID_PROPERTY));
            answer.body().path("results").forEach((result) -> {
                String id = Json.text(result.path("id"));
                if (id != null) {
                    ids.accept(id);
                }
            });
            after = Json.text(answer.body().path("paging").path("next").path("after"));
        }
        while (after != null);
    }

    private String path(String object, String after, boolean archived, String properties) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/crm/v3/objects/{object}")
            .queryParam("limit", this.pageSize)
            .queryParam("archived", archived)
            .queryParam("properties", "{properties}");
        if (after != null) {
            uri.queryParam("after", "{after}");
        }
        return uri.encode()
            .buildAndExpand(
                    java.util.Map.of("object", object, "properties", properties, "after", (after != null) ? after : ""))
            .toUriString();
    }

}
