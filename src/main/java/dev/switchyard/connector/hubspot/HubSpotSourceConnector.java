package dev.switchyard.connector.hubspot;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.switchyard.connector.ApiMetered;
import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;

/**
 * A HubSpot portal as a source: objects and properties from the properties endpoint,
 * records from the list endpoint with their associations, deltas by search on the
 * modified property (sliced below the 10,000-result cap), and ids of live and archived
 * records for deletions.
 */
public class HubSpotSourceConnector implements SourceConnector, ApiMetered {

    private final HubSpotClient client;

    private final HubSpotProperties properties;

    private final HubSpotSchemaReader schemas;

    private final ListReader lists;

    private final AssociationReader associations;

    private final Map<String, ObjectSchema> described = new HashMap<>();

    public HubSpotSourceConnector(HubSpotClient client, HubSpotProperties properties) {
        this.client = client;
        this.properties = properties;
        this.schemas = new HubSpotSchemaReader(client, properties);
        this.lists = new ListReader(client, properties.pageSize());
        this.associations = new AssociationReader(client);
    }

    @Override
    public SchemaSnapshot describe() {
        SchemaSnapshot snapshot = this.schemas.describe();
        snapshot.objects().forEach((object) -> this.described.put(object.name(), object));
        return snapshot;
    }

    @Override
    public void extract(String object, ExtractWindow window, ExtractionSink sink) {
        ObjectSchema schema = this.described.computeIfAbsent(object, this.schemas::describe);
        RecordPage page = new RecordPage(schema, this.properties.associationsOf(object), this.associations,
                this.client);
        if (window.isFull()) {
            this.lists.readAll(object, page, sink);
        }
        else {
            new DeltaSearch(this.client, this.properties.searchPageSize(), this.properties.searchCap()).read(object,
                    window, page, sink);
        }
    }

    @Override
    public void listIds(String object, Consumer<String> ids) {
        this.lists.listIds(object, false, ids);
    }

    /**
     * Lists the ids of the object's archived (deleted) records, which the list endpoint
     * gives with {@code archived=true}.
     * @param object the object
     * @param ids receives each id
     */
    public void listArchivedIds(String object, Consumer<String> ids) {
        this.lists.listIds(object, true, ids);
    }

    @Override
    public boolean filtersByWindow() {
        return true;
    }

    @Override
    public ApiUsage probeUsage() {
        return UsageProbe.probe(this.client, this.properties);
    }

    @Override
    public long callsToExtract(String object, long records) {
        long pages = Math.max(1, (records + this.properties.pageSize() - 1) / this.properties.pageSize());
        return 1 + pages * (1 + this.properties.associationsOf(object).size());
    }

    @Override
    public long callsToWrite(String object, long records) {
        return UsageProbe.batches(records);
    }

    @Override
    public void close() {
        this.described.clear();
    }

}
