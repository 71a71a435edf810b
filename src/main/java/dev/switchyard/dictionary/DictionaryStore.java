package dev.switchyard.dictionary;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores dictionaries: the source's per snapshot, a target's per connection.
 */
@Component
public class DictionaryStore {

    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    DictionaryStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores the source dictionary of a snapshot.
     * @param projectId the project
     * @param snapshotId the snapshot
     * @param objects its objects
     */
    @Transactional
    public void saveSource(Long projectId, Long snapshotId, List<DictionaryObject> objects) {
        this.jdbc.update("delete from dictionary_object where snapshot_id = ?", snapshotId);
        for (DictionaryObject object : objects) {
            insert(projectId, DictionarySide.SOURCE, snapshotId, null, object);
        }
    }

    /**
     * Replaces the dictionary of a target connection.
     * @param projectId the project
     * @param connectionId the target connection
     * @param objects its objects
     */
    @Transactional
    public void replaceTarget(Long projectId, Long connectionId, List<DictionaryObject> objects) {
        this.jdbc.update("delete from dictionary_object where connection_id = ?", connectionId);
        for (DictionaryObject object : objects) {
            insert(projectId, DictionarySide.TARGET, null, connectionId, object);
        }
    }

    /**
     * @param snapshotId a snapshot
     * @return its source dictionary, objects in name order
     */
    @Transactional(readOnly = true)
    public List<DictionaryObject> forSnapshot(Long snapshotId) {
        List<DictionaryObject> objects = read("snapshot_id", snapshotId);
        List<Long> projects = this.jdbc.queryForList(
                "select project_id from dictionary_object where snapshot_id = ? limit 1", Long.class, snapshotId);
        return projects.isEmpty() ? objects : decided(objects, decisions(projects.get(0)));
    }

    /**
     * @param snapshotId a snapshot
     * @return its source dictionary as the extraction inferred it, before analysts'
     * decisions on its references
     */
    @Transactional(readOnly = true)
    public List<DictionaryObject> forSnapshotAsInferred(Long snapshotId) {
        return read("snapshot_id", snapshotId);
    }

    /**
     * @param projectId a project
     * @return its decisions on inferred references, by
     * {@link ReferenceDecisions#key(String, String)}
     */
    Map<String, ReferenceDecisions.Decision> decisions(Long projectId) {
        Map<String, ReferenceDecisions.Decision> decisions = new LinkedHashMap<>();
        this.jdbc.query("""
                select object, field, target, key_field, decision, decided_by, decided_at from reference_decision
                where project_id = ? order by id""", (ResultSet rs) -> {
            ReferenceDecisions.Decision decision = new ReferenceDecisions.Decision(rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), ReferenceDecisions.Kind.valueOf(rs.getString(5)), rs.getString(6),
                    rs.getTimestamp(7).toInstant());
            decisions.put(ReferenceDecisions.key(decision.object(), decision.field()), decision);
        }, projectId);
        return decisions;
    }

    /**
     * Applies analysts' decisions: a rejected inferred reference is no reference (the
     * field keeps its inferred type), a confirmed one says so; the object's reference
     * statistics name the decision.
     */
    private static List<DictionaryObject> decided(List<DictionaryObject> objects,
            Map<String, ReferenceDecisions.Decision> decisions) {
        if (decisions.isEmpty()) {
            return objects;
        }
        List<DictionaryObject> result = new ArrayList<>(objects.size());
        for (DictionaryObject object : objects) {
            List<DictionaryField> fields = new ArrayList<>(object.fields().size());
            Map<String, String> decided = new LinkedHashMap<>();
            for (DictionaryField f : object.fields()) {
                ReferenceDecisions.Decision decision = decisions.get(ReferenceDecisions.key(object.name(), f.name()));
                if (decision == null || !f.referenceInferred() || f.referenceTo() == null
                        || !decision.concerns(f.referenceTo(), f.referenceKey())) {
                    fields.add(f);
                    continue;
                }
                decided.put(f.name(), decision.kind().name());
                if (decision.kind() == ReferenceDecisions.Kind.CONFIRMED) {
                    fields.add(new DictionaryField(f.position(), f.name(), f.nativeType(), f.declaredType(),
                            f.inferredType(), f.type(), f.length(), f.maxLength(), f.required(), f.requiredDeclared(),
                            f.unique(), f.generated(), f.referenceTo(), true, f.fillRate(), f.distinctCount(),
                            f.distinctEstimated(), f.picklistValues(), f.profile(), f.referenceKey(),
                            f.referenceMatch(), decision.kind().name()));
                }
                else {
                    FieldType type = (f.declaredType() != null) ? f.declaredType()
                            : (f.inferredType() != null) ? f.inferredType() : FieldType.TEXT;
                    fields.add(new DictionaryField(f.position(), f.name(), f.nativeType(), f.declaredType(),
                            f.inferredType(), type, f.length(), f.maxLength(), f.required(), f.requiredDeclared(),
                            f.unique(), f.generated(), null, false, f.fillRate(), f.distinctCount(),
                            f.distinctEstimated(), f.picklistValues(), f.profile(), null, null,
                            decision.kind().name()));
                }
            }
            Map<String, Object> profile = object.profile();
            if (!decided.isEmpty() && profile.get("references") instanceof List<?> stats) {
                List<Map<String, Object>> marked = new ArrayList<>();
                for (Object item : stats) {
                    if (item instanceof Map<?, ?> stat) {
                        Map<String, Object> copy = new LinkedHashMap<>();
                        stat.forEach((k, v) -> copy.put(String.valueOf(k), v));
                        String kind = decided.get(String.valueOf(stat.get("field")));
                        if (kind != null) {
                            copy.put("decision", kind);
                        }
                        marked.add(copy);
                    }
                }
                profile = new LinkedHashMap<>(profile);
                profile.put("references", marked);
            }
            result.add(new DictionaryObject(object.id(), object.name(), object.origin(), object.idField(),
                    object.recordCount(), profile, fields));
        }
        return result;
    }

    /**
     * @param connectionId a target connection
     * @return its dictionary, objects in name order
     */
    @Transactional(readOnly = true)
    public List<DictionaryObject> forConnection(Long connectionId) {
        return read("connection_id", connectionId);
    }

    /**
     * @param connectionId a target connection
     * @return when its schema was last read into the dictionary, or null when it was read
     * before that was recorded (or has no objects)
     */
    @Transactional(readOnly = true)
    public Instant readAt(Long connectionId) {
        Timestamp readAt = this.jdbc.queryForObject(
                "select max(read_at) from dictionary_object where connection_id = ?", Timestamp.class, connectionId);
        return (readAt != null) ? readAt.toInstant() : null;
    }

    private List<DictionaryObject> read(String column, Long id) {
        List<Map<String, Object>> objects = this.jdbc.queryForList("select id, name, origin, id_field, record_count,"
                + " profile::text as profile from dictionary_object where " + column + " = ? order by lower(name)", id);
        Map<Long, List<DictionaryField>> fields = new LinkedHashMap<>();
        this.jdbc.query("""
                select f.* , f.picklist_values::text as picklist_text, f.profile::text as profile_text
                from dictionary_field f join dictionary_object o on o.id = f.object_id
                where o.%s = ? order by f.object_id, f.position
                """.formatted(column), (ResultSet rs) -> {
            fields.computeIfAbsent(rs.getLong("object_id"), (k) -> new ArrayList<>()).add(field(rs));
        }, id);
        List<DictionaryObject> result = new ArrayList<>();
        for (Map<String, Object> row : objects) {
            Long objectId = ((Number) row.get("id")).longValue();
            result.add(new DictionaryObject(objectId, (String) row.get("name"), (String) row.get("origin"),
                    (String) row.get("id_field"),
                    (row.get("record_count") != null) ? ((Number) row.get("record_count")).longValue() : null,
                    this.json.readValue((String) row.get("profile"), MAP), fields.getOrDefault(objectId, List.of())));
        }
        return result;
    }

    private DictionaryField field(ResultSet rs) throws SQLException {
        return new DictionaryField(rs.getInt("position"), rs.getString("name"), rs.getString("native_type"),
                type(rs.getString("declared_type")), type(rs.getString("inferred_type")), type(rs.getString("type")),
                (Integer) rs.getObject("length"), (Integer) rs.getObject("max_length"), rs.getBoolean("required"),
                rs.getBoolean("required_declared"), rs.getBoolean("is_unique"), rs.getBoolean("generated"),
                rs.getString("reference_to"), rs.getBoolean("reference_inferred"), (Double) rs.getObject("fill_rate"),
                (Long) rs.getObject("distinct_count"), rs.getBoolean("distinct_estimated"),
                this.json.readValue(rs.getString("picklist_text"), LIST),
                this.json.readValue(rs.getString("profile_text"), MAP), rs.getString("reference_key"),
                rs.getString("reference_match"), null);
    }

    private void insert(Long projectId, DictionarySide side, Long snapshotId, Long connectionId,
            DictionaryObject object) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        this.jdbc.update((connection) -> {
            PreparedStatement ps = connection.prepareStatement("""
                    insert into dictionary_object (project_id, side, snapshot_id, connection_id, name, origin,
                                                   id_field, record_count, profile)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                    """, Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, projectId);
            ps.setString(2, side.name());
            ps.setObject(3, snapshotId, Types.BIGINT);
            ps.setObject(4, connectionId, Types.BIGINT);
            ps.setString(5, object.name());
            ps.setString(6, object.origin());
            ps.setString(7, object.idField());
            ps.setObject(8, object.recordCount(), Types.BIGINT);
            ps.setString(9, this.json.writeValueAsString(object.profile()));
            return ps;
        }, key);
        long objectId = ((Number) key.getKeys().get("id")).longValue();
        this.jdbc.batchUpdate("""
                insert into dictionary_field (object_id, position, name, native_type, declared_type, inferred_type,
                    type, length, max_length, required, required_declared, is_unique, generated, reference_to,
                    reference_inferred, fill_rate, distinct_count, distinct_estimated, picklist_values, profile,
                    reference_key, reference_match)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
                """, object.fields(), 200, (ps, f) -> {
            ps.setLong(1, objectId);
            ps.setInt(2, f.position());
            ps.setString(3, f.name());
            ps.setString(4, f.nativeType());
            ps.setString(5, name(f.declaredType()));
            ps.setString(6, name(f.inferredType()));
            ps.setString(7, name((f.type() != null) ? f.type() : FieldType.TEXT));
            ps.setObject(8, f.length(), Types.INTEGER);
            ps.setObject(9, f.maxLength(), Types.INTEGER);
            ps.setBoolean(10, f.required());
            ps.setBoolean(11, f.requiredDeclared());
            ps.setBoolean(12, f.unique());
            ps.setBoolean(13, f.generated());
            ps.setString(14, f.referenceTo());
            ps.setBoolean(15, f.referenceInferred());
            ps.setObject(16, f.fillRate(), Types.DOUBLE);
            ps.setObject(17, f.distinctCount(), Types.BIGINT);
            ps.setBoolean(18, f.distinctEstimated());
            ps.setString(19, this.json.writeValueAsString(f.picklistValues()));
            ps.setString(20, this.json.writeValueAsString(f.profile()));
            ps.setString(21, f.referenceKey());
            ps.setString(22, f.referenceMatch());
        });
    }

    private static String name(FieldType type) {
        return (type != null) ? type.name() : null;
    }

    private static FieldType type(String name) {
        return (name != null) ? FieldType.valueOf(name) : null;
    }

}
