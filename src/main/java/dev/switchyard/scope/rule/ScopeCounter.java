package dev.switchyard.scope.rule;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldType;
import dev.switchyard.scope.Decision;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the staged records of an object by the decision a scope line gives them.
 */
@Component
public class ScopeCounter {

    private final JdbcTemplate jdbc;

    ScopeCounter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts the records of an object in a snapshot by decision, deleted records left
     * out.
     * @param snapshotId the snapshot
     * @param object the object
     * @param defaultDecision the line's decision for records no rule matches
     * @param rules the line's rules, in order
     * @param types the type of each field of the object
     * @return how many records get each decision; every decision present, 0 when none
     * @throws RuleException when a rule cannot be compiled
     */
    public Map<Decision, Long> count(long snapshotId, String object, Decision defaultDecision, List<RecordRule> rules,
            Map<String, FieldType> types) {
        CompiledRule decision = RuleCompiler.decision(defaultDecision, rules, types);
        List<Object> params = new ArrayList<>(decision.params());
        params.add(snapshotId);
        params.add(object);
        Map<Decision, Long> counts = new EnumMap<>(Decision.class);
        for (Decision each : Decision.values()) {
            counts.put(each, 0L);
        }
        this.jdbc.query("select " + decision.sql() + " as decision, count(*) as records from staged_record s"
                + " where s.snapshot_id = ? and s.object = ? and not s.deleted group by 1", (rs) -> {
                    counts.put(Decision.valueOf(rs.getString("decision")), rs.getLong("records"));
                }, params.toArray());
        return counts;
    }

    /**
     * Counts the records of an object in a snapshot by the decision each of two scope
     * lines gives them, deleted records left out: how many records move from one decision
     * to another between two scope versions.
     * @param snapshotId the snapshot
     * @param object the object
     * @param before the older line's decision for each record
     * @param after the newer line's decision for each record
     * @return the records per pair of decisions (older, newer); pairs without records are
     * left out
     */
    public Map<Decision, Map<Decision, Long>> moves(long snapshotId, String object, CompiledRule before,
            CompiledRule after) {
        List<Object> params = new ArrayList<>(before.params());
        params.addAll(after.params());
        params.add(snapshotId);
        params.add(object);
        Map<Decision, Map<Decision, Long>> moves = new EnumMap<>(Decision.class);
        this.jdbc.query("select " + before.sql() + " as before, " + after.sql() + " as after, count(*) as records"
                + " from staged_record s where s.snapshot_id = ? and s.object = ? and not s.deleted group by 1, 2",
                (rs) -> {
                    moves
                        .computeIfAbsent(Decision.valueOf(rs.getString("before")), (d) -> new EnumMap<>(Decision.class))
                        .put(Decision.valueOf(rs.getString("after")), rs.getLong("records"));
                }, params.toArray());
        return moves;
    }

}
