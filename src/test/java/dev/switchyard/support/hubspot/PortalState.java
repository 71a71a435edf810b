package dev.switchyard.support.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the stub portal holds: objects with their properties and records, associations,
 * and refusals of object types. Guarded by the portal's lock.
 */
final class PortalState {

    final Map<String, List<PortalProperty>> properties = PortalSchema.standard();

    final Map<String, TreeMap<Long, StoredRecord>> records = new LinkedHashMap<>();

    final List<Link> links = new ArrayList<>();

    /** Refused object types: the status, category and message of the refusal. */
    final Map<String, String[]> refused = new LinkedHashMap<>();

    private final AtomicLong ids = new AtomicLong(1000);

    private final AtomicLong clock = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());

    PortalState() {
        this.properties.keySet().forEach((type) -> this.records.put(type, new TreeMap<>()));
    }

    boolean known(String type) {
        return this.properties.containsKey(type);
    }

    PortalProperty property(String type, String name) {
        return this.properties.get(type).stream().filter((p) -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** The next modification instant: each write a millisecond later than the last. */
    Instant tick() {
        return Instant.ofEpochMilli(this.clock.incrementAndGet());
    }

    StoredRecord create(String type, Map<String, String> values, Instant at) {
        StoredRecord record = new StoredRecord(this.ids.incrementAndGet(), at);
        record.properties.putAll(values);
        record.touch(type, at);
        this.records.get(type).put(record.id, record);
        return record;
    }

    StoredRecord byUnique(String type, String property, String value) {
        for (StoredRecord record : this.records.get(type).values()) {
            if (!record.archived && value.equals(record.properties.get(property))) {
                return record;
            }
        }
        return null;
    }

    StoredRecord live(String type, String id) {
        try {
            StoredRecord record = this.records.get(type).get(Long.parseLong(id));
            return (record != null && !record.archived) ? record : null;
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    void link(String from, long fromId, String to, long toId, String category, int typeId) {
        add(new Link(from, fromId, to, toId, category, typeId));
        add(new Link(to, toId, from, fromId, category, PortalSchema.inverse(from, to, typeId)));
    }

    private void add(Link link) {
        if (!this.links.contains(link)) {
            this.links.add(link);
        }
    }

    String label(String from, String to, int typeId) {
        int[] types = PortalSchema.types(from, to);
        return (types != null && types[1] != 0 && types[1] == typeId) ? "Primary" : null;
    }

    /** A record of the portal. */
    static final class StoredRecord {

        final long id;

        final Map<String, String> properties = new LinkedHashMap<>();

        final Instant created;

        Instant modified;

        boolean archived;

        StoredRecord(long id, Instant created) {
            this.id = id;
            this.created = created;
        }

        void touch(String type, Instant at) {
            this.modified = at;
            this.properties.put("hs_object_id", Long.toString(this.id));
            this.properties.put("createdate", this.created.toString());
            this.properties.put("hs_lastmodifieddate", at.toString());
            if (type.equals("contacts")) {
                this.properties.put("lastmodifieddate", at.toString());
            }
        }

    }

    /** One direction of an association. */
    record Link(String from, long fromId, String to, long toId, String category, int typeId) {

    }

}
