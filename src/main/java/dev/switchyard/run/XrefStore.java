package dev.switchyard.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads an environment's cross-reference (source id → target id) for people: its object
 * pairs, and its rows filtered by object and by the start of a source or target id, a
 * page at a time or streamed for export. Every filter is answered from an index.
 */
@Component
class XrefStore {

    private final JdbcTemplate jdbc;

    XrefStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A filter of the cross-reference.
     *
     * @param object a source or target object as the user typed it (any case), or null
     * for all
     * @param id the start of a source or target id (exact case), or null for all
     */
    record Filter(String object, String id) {

        Filter {
            object = (object != null && !object.isBlank()) ? object.strip() : null;
            id = (id != null && !id.isBlank()) ? id.strip() : null;
        }

    }

    /**
     * One row.
     *
     * @param sourceObject the source object
     * @param sourceId the source record's id
     * @param targetObject the target object
     * @param targetId the target record's id
     * @param runId the run that wrote it last
     * @param deactivated whether a run marked the target record inactive (its source
     * record was deleted)
     */
    record Row(String sourceObject, String sourceId, String targetObject, String targetId, long runId,
            boolean deactivated) {
    }

    /**
     * @param environmentId an environment
     * @return its distinct (source object, target object) pairs, in order, read by a
     * loose scan of the primary key (one index probe per pair)
     */
    List<String[]> pairs(long environmentId) {
        return this.jdbc.query("""
                with recursive pairs (source_object, target_object) as (
                    (select source_object, target_object from xref where environment_id = ?
                     order by source_object, target_object limit 1)
                    union all
                    select n.source_object, n.target_object from pairs p cross join lateral (
                        select source_object, target_object from xref where environment_id = ?
                        and (source_object, target_object) > (p.source_object, p.target_object)
                        order by source_object, target_object limit 1) n)
                select source_object, target_object from pairs""",
                (rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, environmentId, environmentId);
    }

    /**
     * @return the objects of the pairs, source objects first, each once
     */
    static List<String> objects(List<String[]> pairs) {
        Set<String> objects = new LinkedHashSet<>();
        pairs.forEach((p) -> objects.add(p[0]));
        pairs.forEach((p) -> objects.add(p[1]));
        return List.copyOf(objects);
    }

    long count(long environmentId, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(environmentId, filter, params);
        return (where == null) ? 0
                : this.jdbc.queryForObject("select count(*) from xref x where " + where, Long.class, params.toArray());
    }

    List<Row> page(long environmentId, Filter filter, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(environmentId, filter, params);
        if (where == null) {
            return List.of();
        }
        params.add(limit);
        params.add(offset);
        return this.jdbc.query("select * from xref x where " + where + ORDER + " limit ? offset ?", this::row,
                params.toArray());
    }

    /**
     * @return the matching rows for export (source object, source id, target object,
     * target id, run, deactivated), streamed: close it
     */
    Stream<List<?>> rows(long environmentId, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(environmentId, filter, params);
        if (where == null) {
            return Stream.empty();
        }
        return this.jdbc.queryForStream("select * from xref x where " + where + ORDER, (rs, i) -> {
            Row row = row(rs, i);
            return List.of(row.sourceObject(), row.sourceId(), row.targetObject(), row.targetId(), row.runId(),
                    row.deactivated());
        }, params.toArray());
    }

    private static final String ORDER = " order by x.source_object, x.target_object, x.source_id";

    /**
     * @return the condition, or null when the object names nothing in the environment
     */
    private String where(long environmentId, Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder("x.environment_id = ?");
        params.add(environmentId);
        if (filter.object() != null) {
            // the object as the cross-reference spells it, so that its indexes answer
            String object = objects(pairs(environmentId)).stream()
                .filter((o) -> o.toLowerCase(Locale.ROOT).equals(filter.object().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
            if (object == null) {
                return null;
            }
            where.append(" and (x.source_object = ? or x.target_object = ?)");
            params.add(object);
            params.add(object);
        }
        if (filter.id() != null) {
            String prefix = filter.id().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" and (x.source_id like ? or x.target_id like ?)");
            params.add(prefix);
            params.add(prefix);
        }
        return where.toString();
    }

    private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(rs.getString("source_object"), rs.getString("source_id"), rs.getString("target_object"),
                rs.getString("target_id"), rs.getLong("run_id"), rs.getBoolean("deactivated"));
    }

}
