package dev.switchyard.extraction;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.profiling.Example;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Relationship analysis in SQL over a snapshot's staged records: which object a field's
 * values are ids of, the orphans of a reference, and the depth of a self-referencing
 * hierarchy.
 */
@Component
class ReferenceAnalysis {

    /**
     * Share of a field's non-blank values that must be ids of one object to infer a
     * reference.
     */
    static final double INFERENCE_SHARE = 0.95;

    /**
     * Values looked up to infer a reference: a random-enough sample decides as well as
     * all of them.
     */
    static final int SAMPLE = 20_000;

    private final JdbcTemplate jdbc;

    ReferenceAnalysis(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param snapshotId the snapshot
     * @param object the object holding the field
     * @param field the field
     * @param nonBlank how many non-blank values the field has
     * @param objects the staged objects it may point to
     * @return the object that at least 95% of the values are ids of
     */
    Optional<String> inferTarget(long snapshotId, String object, String field, long nonBlank, List<String> objects) {
        if (nonBlank == 0 || objects.isEmpty()) {
            return Optional.empty();
        }
        // one index lookup per sampled value and object, on the partition's (object,
        // source_id) index
        List<Map<String, Object>> rows = this.jdbc.queryForList("""
                with sample as (
                    select s.payload ->> ? as value from staged_record s
                    where s.snapshot_id = ? and s.object = ? and not s.deleted and coalesce(s.payload ->> ?, '') <> ''
                    limit ?
                )
                select (select count(*) from sample) as sampled, o.name as object, count(*) as hits
                from sample cross join unnest(?::text[]) as o(name)
                join staged_record t on t.snapshot_id = ? and t.object = o.name and t.source_id = sample.value
                                    and not t.deleted
                group by o.name order by hits desc limit 1
                """, field, snapshotId, object, field, SAMPLE, objects.toArray(new String[0]), snapshotId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long sampled = ((Number) rows.get(0).get("sampled")).longValue();
        long hits = ((Number) rows.get(0).get("hits")).longValue();
        return (hits >= INFERENCE_SHARE * sampled) ? Optional.of((String) rows.get(0).get("object")) : Optional.empty();
    }

    /**
     * @param snapshotId the snapshot
     * @param object the object holding the reference
     * @param field the reference field
     * @param target the referenced object
     * @return how many non-blank values point to no record, with up to five examples
     */
    Orphans orphans(long snapshotId, String object, String field, String target) {
        List<Map<String, Object>> rows = this.jdbc.queryForList("""
                select s.source_id, s.payload ->> ? as value, count(*) over () as total
                from staged_record s
                where s.snapshot_id = ? and s.object = ? and not s.deleted and coalesce(s.payload ->> ?, '') <> ''
                  and not exists (select 1 from staged_record t where t.snapshot_id = s.snapshot_id and t.object = ?
                                  and t.source_id = s.payload ->> ? and not t.deleted)
                order by s.source_id limit 5
                """, field, snapshotId, object, field, target, field);
        if (rows.isEmpty()) {
            return new Orphans(0, List.of());
        }
        long total = ((Number) rows.get(0).get("total")).longValue();
        return new Orphans(total,
                rows.stream()
                    .map((row) -> new Example((String) row.get("source_id"), (String) row.get("value")))
                    .toList());
    }

    /**
     * @param snapshotId the snapshot
     * @param object an object referencing itself
     * @param field the self-reference
     * @return the number of levels of the deepest chain (1 = no record has a parent),
     * counted up to 100
     */
    int hierarchyDepth(long snapshotId, String object, String field) {
        Integer depth = this.jdbc.queryForObject("""
                with recursive chain (id, depth) as (
                    select source_id, 1 from staged_record
                    where snapshot_id = ? and object = ? and not deleted and coalesce(payload ->> ?, '') = ''
                    union all
                    select c.source_id, chain.depth + 1 from staged_record c
                    join chain on c.payload ->> ? = chain.id
                    where c.snapshot_id = ? and c.object = ? and not c.deleted and chain.depth < 100
                )
                select coalesce(max(depth), 0) from chain
                """, Integer.class, snapshotId, object, field, field, snapshotId, object);
        return (depth != null) ? depth : 0;
    }

    /**
     * The orphans of one reference.
     *
     * @param count how many values point to no record
     * @param examples up to five (record id, value)
     */
    record Orphans(long count, List<Example> examples) {
    }

}
