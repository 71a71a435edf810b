package dev.switchyard.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.connector.FieldType;
import dev.switchyard.connector.TargetUnavailableException;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.TargetConnector;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.mapping.FieldMapping;
import dev.switchyard.mapping.MappingDocument;
import dev.switchyard.mapping.MappingService;
import dev.switchyard.mapping.ObjectMapping;
import dev.switchyard.mapping.RecordMapper;
import dev.switchyard.mapping.transform.Reference;
import dev.switchyard.run.ReferenceLookup;
import dev.switchyard.run.Run;
import dev.switchyard.run.RunPlan;
import dev.switchyard.staging.ParentKeys;
import dev.switchyard.staging.StagedRecords;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Traces the relationship network of one source record of a run, in the source and in the
 * target as it is now, so that a tester can check a high-value record by hand.
 *
 * <p>
 * In the source, its children are, for every object mapping of the run with a reference
 * field whose parent is the record's object, the staged records of the run's snapshot
 * whose source field of that reference holds the record's source id; its parents are the
 * records its own reference fields name. In the target, its row is found through the
 * cross-reference of the run's environment; its children are the rows of each child table
 * whose reference column holds its target id, mapped back to source ids through the
 * cross-reference. Per relationship, a child is matched (in both, under this parent),
 * missing in the target (a source child whose target row is gone, points at another
 * parent, or was never loaded) or extra in the target (a target child that is no source
 * child of this record, or has no cross-reference entry). Lists are capped at
 * {@value #LIST_LIMIT}, differences first, with the totals beside them. A target that
 * cannot be read says so, and nothing is classified.
 */
@Service
public class RelationshipTrace {

    /** Children listed per relationship and side, at most. */
    public static final int LIST_LIMIT = 200;

    /** Children compared per relationship, at most. */
    static final int READ_LIMIT = 10_000;

    /** Records a pick (top or search) lists, at most. */
    public static final int PICK_LIMIT = 200;

    private static final String NUMBER = "'^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?\\s*$'";

    private final MappingService mappings;

    private final ConnectionService connections;

    private final ConnectorRegistry targets;

    private final StagedRecords staged;

    private final DictionaryStore dictionary;

    private final JdbcTemplate jdbc;

    /**
     * How the objects of recent snapshots are named, by snapshot and object: a snapshot's
     * dictionary does not change.
     */
    /** Resolves a reference's value to its parent the way the run did. */
    private final ReferenceLookup references;

    /** Finds the children of a reference by key. */
    private final ParentKeys keys;

    private final Map<String, Display> displays = Collections.synchronizedMap(new LinkedHashMap<>() {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Display> eldest) {
            return size() > 100;
        }

    });

    RelationshipTrace(MappingService mappings, ConnectionService connections, ConnectorRegistry targets,
            StagedRecords staged, DictionaryStore dictionary, JdbcTemplate jdbc, ReferenceLookup references,
            ParentKeys keys) {
        this.references = references;
        this.keys = keys;
        this.mappings = mappings;
        this.connections = connections;
        this.targets = targets;
        this.staged = staged;
        this.dictionary = dictionary;
        this.jdbc = jdbc;
    }

    /**
     * How a member of a relationship compares.
     */
    public enum Status {

        /** In the source and in the target, under this record. */
        MATCHED,

        /** In the source, not (or not under this record) in the target. */
        MISSING_IN_TARGET,

        /** In the target under this record, not in the source. */
        EXTRA_IN_TARGET

    }

    /**
     * A record's relationship network.
     *
     * @param runId the run
     * @param environment the run's environment
     * @param object the record's source object
     * @param sourceId its source id
     * @param name its display name, or null
     * @param targetObject the target object it was mapped to
     * @param targetId its target id through the cross-reference, or null
     * @param targetProblem why the target side could not be read ("could not read the
     * target: …"), or null when it was
     * @param targetNote what else is wrong with the record's target row, or null
     * @param parents the records it references, one relationship per reference field
     * @param children the records referencing it, one relationship per child reference
     * field
     */
    public record Network(long runId, String environment, String object, String sourceId, String name,
            String targetObject, String targetId, String targetProblem, String targetNote, List<Relationship> parents,
            List<Relationship> children) {

        /**
         * @return whether every relationship was compared and matches
         */
        public boolean consistent() {
            return this.targetProblem == null && this.targetNote == null
                    && this.parents.stream().allMatch(Relationship::consistent)
                    && this.children.stream().allMatch(Relationship::consistent);
        }

    }

    /**
     * One relationship type of a record: its parent through one reference field, or its
     * children through one reference field of a child object mapping.
     *
     * @param object the source object of the members (the child's, or the parent's)
     * @param field the source reference field
     * @param targetObject the target object of the members
     * @param targetField the target reference column
     * @param sourceCount members in the source
     * @param targetCount members in the target, or null when not read
     * @param matched members matched, or null when not compared
     * @param missing members missing in the target, or null when not compared
     * @param extra members extra in the target, or null when not compared
     * @param problem why the target side was not read, or what was left uncompared; or
     * null
     * @param source the source members (missing ones first), at most
     * {@value RelationshipTrace#LIST_LIMIT}
     * @param target the target members (extra ones first), at most
     * {@value RelationshipTrace#LIST_LIMIT}
     */
    public record Relationship(String object, String field, String targetObject, String targetField, long sourceCount,
            Long targetCount, Long matched, Long missing, Long extra, String problem, List<Member> source,
            List<Member> target) {

        /**
         * @return whether it was compared and nothing differs
         */
        public boolean consistent() {
            return this.problem == null && this.missing != null && this.missing == 0 && this.extra == 0;
        }

        /**
         * @return whether the source list leaves members out
         */
        public boolean sourceTruncated() {
            return this.source.size() < this.sourceCount;
        }

        /**
         * @return whether the target list leaves members out
         */
        public boolean targetTruncated() {
            return this.targetCount != null && this.target.size() < this.targetCount;
        }

    }

    /**
     * One member of a relationship, on one side.
     *
     * @param sourceId its source id, or null (a target row without cross-reference entry)
     * @param name its display name, or null
     * @param targetId its target id, or null
     * @param status how it compares, or null when the target could not be read
     * @param detail what differs, in words, or null
     */
    public record Member(String sourceId, String name, String targetId, Status status, String detail) {
    }

    /**
     * A list of records to trace.
     *
     * @param object the source object
     * @param field the numeric field ordered by (top), or null (search)
     * @param query the search, or null (top)
     * @param total records matching
     * @param offset the first listed
     * @param records the records listed
     */
    public record Picks(String object, String field, String query, long total, int offset, List<Pick> records) {
    }

    /**
     * A record to trace.
     *
     * @param sourceId its source id
     * @param name its display name, or null
     * @param value the numeric field's value (top), or null
     */
    public record Pick(String sourceId, String name, String value) {
    }

    /**
     * @param run a run
     * @return the source objects it mapped, in load order
     */
    public List<String> objects(Run run) {
        return run.plan().steps().stream().map(RunPlan.Step::source).distinct().toList();
    }

    /**
     * @param run a run
     * @param object one of its source objects
     * @return the object's numeric fields as the dictionary of the run's extraction types
     * them
     */
    public List<String> numericFields(Run run, String object) {
        String name = step(run, object).source();
        return fields(run, name).stream()
            .filter((f) -> f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL)
            .map(DictionaryField::name)
            .toList();
    }

    /**
     * The records of an object with the highest values of a numeric field: high-value
     * records worth tracing. Values are staged as text: those that are no number are left
     * out.
     * @param run the run
     * @param object one of its source objects, any case
     * @param field a field of it, any case
     * @param limit how many, 1 to {@value #PICK_LIMIT}
     * @return the records, highest value first
     * @throws InvalidInputException for an object the run did not map, a field the object
     * has not, or a field that holds no numbers
     */
    public Picks top(Run run, String object, String field, int limit) {
        String name = step(run, object).source();
        if (field == null || field.isBlank()) {
            throw new InvalidInputException("field", "Choose the numeric field to order " + name + " by");
        }
        if (limit < 1 || limit > PICK_LIMIT) {
            throw new InvalidInputException("limit", "List from 1 to " + PICK_LIMIT + " records, not " + limit);
        }
        String column = fieldNamed(run, name, field.strip());
        Display display = display(run, name);
        String value = "btrim(payload ->> " + literal(column) + ")";
        Long numeric = this.jdbc.queryForObject("select count(*) from staged_record where snapshot_id = ? "
                + "and object = ? and not deleted and " + value + " ~ " + NUMBER, Long.class, run.snapshotId(), name);
        if (numeric == null || numeric == 0) {
            List<String> numbers = numericFields(run, name);
            throw new InvalidInputException("field", "No record of " + name + " holds a number in " + column
                    + (numbers.isEmpty() ? "" : ": choose a numeric field such as " + String.join(", ", numbers)));
        }
        List<Pick> picks = new ArrayList<>();
        this.jdbc
            .query("select source_id, " + display.sql() + ", " + value + " from staged_record where snapshot_id = ?"
                    + " and object = ? and not deleted and " + value + " ~ " + NUMBER + " order by case when " + value
                    + " ~ " + NUMBER + " then " + value + "::numeric end desc, source_id limit ?", (rs) -> {
                        picks.add(new Pick(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }, run.snapshotId(), name, limit);
        return new Picks(name, column, null, numeric, 0, picks);
    }

    /**
     * Finds records by source id or by a part of their display name (any case).
     * @param run the run
     * @param object one of its source objects, any case
     * @param query a source id or part of a name
     * @param offset the first to list
     * @param limit how many, 1 to {@value #PICK_LIMIT}
     * @return the records, by name
     * @throws InvalidInputException for an object the run did not map, or an empty query
     */
    public Picks search(Run run, String object, String query, int offset, int limit) {
        String name = step(run, object).source();
        String wanted = (query != null) ? query.strip() : "";
        if (wanted.isEmpty()) {
            throw new InvalidInputException("q", "Type a source id or a part of a name to search " + name);
        }
        if (wanted.length() > 200) {
            throw new InvalidInputException("q", "Search for at most 200 characters");
        }
        if (limit < 1 || limit > PICK_LIMIT) {
            throw new InvalidInputException("limit", "List from 1 to " + PICK_LIMIT + " records, not " + limit);
        }
        Display display = display(run, name);
        String pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = " from staged_record where snapshot_id = ? and object = ? and not deleted and (source_id = ? or "
                + display.sql() + " ilike ? escape '\\')";
        Long total = this.jdbc.queryForObject("select count(*)" + where, Long.class, run.snapshotId(), name, wanted,
                pattern);
        List<Pick> picks = new ArrayList<>();
        this.jdbc.query("select source_id, " + display.sql() + where + " order by " + display.sql()
                + ", source_id offset ? limit ?", (rs) -> {
                    picks.add(new Pick(rs.getString(1), rs.getString(2), null));
                }, run.snapshotId(), name, wanted, pattern, Math.max(0, offset), limit);
        return new Picks(name, null, wanted, (total != null) ? total : 0, Math.max(0, offset), picks);
    }

    /**
     * Traces one record's network in the source and in the target as it is now.
     * @param run the run
     * @param object one of its source objects, any case
     * @param sourceId the record's source id
     * @return its network
     * @throws InvalidInputException for an object the run did not map
     * @throws NotFoundException for a record the run's extraction does not hold
     */
    public Network trace(Run run, String object, String sourceId) {
        RunPlan.Step step = step(run, object);
        String id = (sourceId != null) ? sourceId.strip() : "";
        if (id.isEmpty()) {
            throw new InvalidInputException("sourceId", "Name the source id of the " + step.source() + " to trace");
        }
        List<StagedRecords.Staged> found = this.staged.byIds(run.snapshotId(), step.source(), List.of(id));
        if (found.isEmpty()) {
            throw new NotFoundException("The extraction of run " + run.id() + " holds no " + step.source() + " with "
                    + "the source id '" + id + "'");
        }
        Map<String, Object> record = found.get(0).values();
        MappingDocument document = this.mappings.version(run.projectId(), run.mappingVersion()).document();
        ObjectMapping own = document.object(step.source(), step.target()).orElse(null);
        List<Link> parentLinks = new ArrayList<>();
        if (own != null) {
            for (FieldMapping field : own.fields()) {
                if (field.reference() != null && field.input() != null) {
                    RunPlan.Step parent = stepOf(run, field.reference().targetObject());
                    parentLinks.add(new Link(field, field.reference().targetObject(),
                            (parent != null) ? parent.target() : null, (parent != null) ? parent.idColumn() : null));
                }
            }
        }
        List<Link> childLinks = new ArrayList<>();
        for (RunPlan.Step child : run.plan().steps()) {
            ObjectMapping mapping = document.object(child.source(), child.target()).orElse(null);
            if (mapping == null) {
                continue;
            }
            for (FieldMapping field : mapping.fields()) {
                if (field.reference() != null && field.input() != null
                        && field.reference().targetObject().equalsIgnoreCase(step.source())) {
                    childLinks.add(new Link(field, child.source(), child.target(), child.idColumn()));
                }
            }
        }
        String targetId = xref(run, step.source(), step.target(), List.of(id)).get(id);
        Tracer tracer = new Tracer(run, step, id, record, targetId);
        Optional<DataConnection> connection = this.connections.target(run.environmentId());
        if (connection.isEmpty()) {
            return tracer.unread(parentLinks, childLinks, "Could not read the target: environment " + run.environment()
                    + " has no target connection any more");
        }
        TargetConnector writer;
        try {
            writer = this.targets.openTarget(this.connections.settings(connection.get()));
        }
        catch (RuntimeException ex) {
            return tracer.unread(parentLinks, childLinks, "Could not read the target: " + ex.getMessage());
        }
        try (writer) {
            return tracer.traced(writer, parentLinks, childLinks);
        }
        catch (TargetUnavailableException ex) {
            return tracer.unread(parentLinks, childLinks, "Could not read the target: " + ex.getMessage());
        }
    }

    /**
     * One reference field of a relationship.
     *
     * @param field the field mapping (its input is the source field, its target the
     * target column)
     * @param object the source object of the members
     * @param targetObject their target object, or null when the run did not load it
     * @param idColumn its id column, or null
     */
    private record Link(FieldMapping field, String object, String targetObject, String idColumn) {
    }

    /**
     * Traces one record.
     */
    private final class Tracer {

        final Run run;

        final RunPlan.Step step;

        final String sourceId;

        final Map<String, Object> record;

        final String targetId;

        Tracer(Run run, RunPlan.Step step, String sourceId, Map<String, Object> record, String targetId) {
            this.run = run;
            this.step = step;
            this.sourceId = sourceId;
            this.record = record;
            this.targetId = targetId;
        }

        Network unread(List<Link> parentLinks, List<Link> childLinks, String problem) {
            List<Relationship> parents = new ArrayList<>();
            for (Link link : parentLinks) {
                List<Member> source = sourceParent(link);
                parents.add(new Relationship(link.object(), link.field().input(), link.targetObject(),
                        link.field().target(), source.size(), null, null, null, null, problem, source, List.of()));
            }
            List<Relationship> children = new ArrayList<>();
            for (Link link : childLinks) {
                SourceChildren source = sourceChildren(link);
                List<Member> members = new ArrayList<>();
                source.names.forEach((id, name) -> {
                    if (members.size() < LIST_LIMIT) {
                        members.add(new Member(id, name, null, null, null));
                    }
                });
                children.add(new Relationship(link.object(), link.field().input(), link.targetObject(),
                        link.field().target(), source.total, null, null, null, null, problem, members, List.of()));
            }
            return network(problem, null, parents, children);
        }

        Network traced(TargetConnector writer, List<Link> parentLinks, List<Link> childLinks) {
            Map<String, Object> row = null;
            String note = null;
            if (this.targetId == null) {
                note = "This " + this.step.source() + " is not in the cross-reference of " + this.run.environment()
                        + ": no run loaded it into " + this.step.target() + outcome(this.step, this.sourceId);
            }
            else {
                try {
                    row = writer.read(this.step.target(), this.step.idColumn(), List.of(this.targetId))
                        .get(this.targetId);
                }
                catch (TargetUnavailableException ex) {
                    throw ex;
                }
                catch (RuntimeException ex) {
                    return unread(parentLinks, childLinks, "Could not read the target: " + ex.getMessage());
                }
                if (row == null) {
                    note = "Its target row " + this.targetId + " is no longer in " + this.step.target();
                }
            }
            List<Relationship> parents = new ArrayList<>();
            for (Link link : parentLinks) {
                parents.add(parent(link, row));
            }
            List<Relationship> children = new ArrayList<>();
            for (Link link : childLinks) {
                children.add(children(writer, link));
            }
            return network(null, note, parents, children);
        }

        private Network network(String problem, String note, List<Relationship> parents, List<Relationship> children) {
            Display display = display(this.run, this.step.source());
            return new Network(this.run.id(), this.run.environment(), this.step.source(), this.sourceId,
                    display.of(this.record), this.step.target(), this.targetId, problem, note, parents, children);
        }

        private List<Member> sourceParent(Link link) {
            String parent = text(RecordMapper.value(this.record, link.field().input()));
            if (parent == null) {
                return List.of();
            }
            Reference reference = link.field().reference();
            if (reference.byField() != null) {
                // the value is the parent's key: the run's own lookup names the parent
                List<String[]> pairs = (link.targetObject() != null)
                        ? List.<String[]>of(new String[] { link.object(), link.targetObject() }) : List.of();
                ReferenceLookup.Parent found = RelationshipTrace.this.references
                    .resolve(this.run.snapshotId(), this.run.environmentId(), reference, pairs, List.of(parent))
                    .get(parent);
                if (found == null || found.sourceId() == null) {
                    return List.of(new Member(parent, null, null, null,
                            (found != null && found.problem() != null) ? found.problem() : "not in the extraction"));
                }
                Map<String, String> names = names(this.run, link.object(), List.of(found.sourceId()));
                return List.of(new Member(found.sourceId(), names.get(found.sourceId()), found.targetId(), null,
                        reference.byField() + " '" + parent + "'"));
            }
            Map<String, String> names = names(this.run, link.object(), List.of(parent));
            String targetId = (link.targetObject() != null)
                    ? xref(this.run, link.object(), link.targetObject(), List.of(parent)).get(parent) : null;
            return List.of(new Member(parent, names.get(parent), targetId, null,
                    names.containsKey(parent) ? null : "not in the extraction"));
        }

        private Relationship parent(Link link, Map<String, Object> row) {
            List<Member> source = sourceParent(link);
            String column = link.field().target();
            if (row == null || link.targetObject() == null) {
                String problem = (link.targetObject() == null)
                        ? "The run did not load " + link.object() + ", so the target side cannot be compared"
                        : "The record has no row in the target to compare";
                return new Relationship(link.object(), link.field().input(), link.targetObject(), column, source.size(),
                        null, null, null, null, problem, source, List.of());
            }
            String actual = text(columnValue(row, column));
            String expected = source.isEmpty() ? null : source.get(0).targetId();
            List<Member> target = new ArrayList<>();
            if (actual != null) {
                Map<String, String> back = sourceIds(this.run, link.object(), link.targetObject(), List.of(actual));
                String parentSource = back.get(actual);
                target.add(new Member(parentSource,
                        (parentSource != null)
                                ? names(this.run, link.object(), List.of(parentSource)).get(parentSource) : null,
                        actual, actual.equals(expected) ? Status.MATCHED : Status.EXTRA_IN_TARGET,
                        actual.equals(expected) ? null
                                : (parentSource == null)
                                        ? "no cross-reference entry for " + link.targetObject() + " " + actual
                                        : "the source names " + describe(source) + " instead"));
            }
            List<Member> sourceMembers = new ArrayList<>();
            long matched = 0;
            long missing = 0;
            for (Member member : source) {
                boolean same = member.targetId() != null && member.targetId().equals(actual);
                if (same) {
                    matched++;
                }
                else {
                    missing++;
                }
                sourceMembers
                    .add(new Member(member.sourceId(), member.name(), member.targetId(),
                            same ? Status.MATCHED : Status.MISSING_IN_TARGET,
                            same ? null : (member.targetId() == null)
                                    ? "not in the cross-reference"
                                            + outcome(stepOf(this.run, link.object()), member.sourceId())
                                    : "in the target, " + column + " is " + ((actual != null) ? actual : "empty")));
            }
            long extra = target.stream().filter((m) -> m.status() == Status.EXTRA_IN_TARGET).count();
            return new Relationship(link.object(), link.field().input(), link.targetObject(), column, source.size(),
                    (long) target.size(), matched, missing, extra, null, sourceMembers, target);
        }

        private SourceChildren sourceChildren(Link link) {
            Display display = display(this.run, link.object());
            Reference reference = link.field().reference();
            if (reference.byField() != null) {
                // children by key: those whose value is this record's key
                SourceChildren children = new SourceChildren();
                String key = RelationshipTrace.this.keys
                    .keysOf(this.run.snapshotId(), this.step.source(), reference.byField(), List.of(this.sourceId))
                    .get(this.sourceId);
                if (key == null) {
                    return children;
                }
                List<String> ids = RelationshipTrace.this.keys
                    .sourceIds(this.run.snapshotId(), link.object(), link.field().input(), reference.normalised(),
                            List.of(key))
                    .getOrDefault(key, List.of());
                children.total = ids.size();
                Map<String, String> names = names(this.run, link.object(),
                        ids.subList(0, Math.min(READ_LIMIT, ids.size())));
                ids.stream().limit(READ_LIMIT).forEach((id) -> children.names.put(id, names.get(id)));
                return children;
            }
            String where = " from staged_record where snapshot_id = ? and object = ? and not deleted and btrim(payload ->> "
                    + literal(link.field().input()) + ") = ?";
            SourceChildren children = new SourceChildren();
            Long total = RelationshipTrace.this.jdbc.queryForObject("select count(*)" + where, Long.class,
                    this.run.snapshotId(), link.object(), this.sourceId);
            children.total = (total != null) ? total : 0;
            RelationshipTrace.this.jdbc
                .query("select source_id, " + display.sql() + where + " order by source_id limit ?", (rs) -> {
                    children.names.put(rs.getString(1), rs.getString(2));
                }, this.run.snapshotId(), link.object(), this.sourceId, READ_LIMIT);
            return children;
        }

        private Relationship children(TargetConnector writer, Link link) {
            SourceChildren source = sourceChildren(link);
            String column = link.field().target();
            if (link.targetObject() == null) {
                return unreadChildren(link, source, "The run did not load " + link.object());
            }
            if (this.targetId == null) {
                return unreadChildren(link, source,
                        "The record has no target id, so no target row can point at it: every source child is "
                                + "missing under it");
            }
            Map<String, Map<String, Object>> rows;
            try {
                rows = writer.readWhere(link.targetObject(), column, this.targetId, READ_LIMIT + 1);
            }
            catch (TargetUnavailableException ex) {
                throw ex;
            }
            catch (RuntimeException ex) {
                return unreadChildren(link, source, "Could not read the target: " + ex.getMessage());
            }
            List<String> problems = new ArrayList<>();
            if (source.total > READ_LIMIT) {
                problems.add("only the first " + READ_LIMIT + " of " + source.total + " source children were compared");
            }
            if (rows.size() > READ_LIMIT) {
                problems.add("only the first " + READ_LIMIT + " target children were compared");
                rows = new LinkedHashMap<>(rows);
                rows.keySet().retainAll(new ArrayList<>(rows.keySet()).subList(0, READ_LIMIT));
            }
            Map<String, String> back = sourceIds(this.run, link.object(), link.targetObject(), rows.keySet());
            Map<String, String> targetIds = xref(this.run, link.object(), link.targetObject(), source.names.keySet());
            Set<String> underThis = new LinkedHashSet<>(back.values());
            List<Member> missing = new ArrayList<>();
            List<Member> matched = new ArrayList<>();
            long missingCount = 0;
            for (Map.Entry<String, String> child : source.names.entrySet()) {
                if (underThis.contains(child.getKey())) {
                    if (matched.size() < LIST_LIMIT) {
                        matched.add(new Member(child.getKey(), child.getValue(), targetIds.get(child.getKey()),
                                Status.MATCHED, null));
                    }
                }
                else {
                    missingCount++;
                    if (missing.size() < LIST_LIMIT) {
                        missing.add(new Member(child.getKey(), child.getValue(), targetIds.get(child.getKey()),
                                Status.MISSING_IN_TARGET, null));
                    }
                }
            }
            missing = explain(writer, link, missing, targetIds);
            List<Member> sourceMembers = new ArrayList<>(missing);
            sourceMembers.addAll(matched.subList(0, Math.min(matched.size(), LIST_LIMIT - sourceMembers.size())));
            Map<String, String> extraNames = new HashMap<>();
            List<String> extraSources = new ArrayList<>();
            back.forEach((target, child) -> {
                if (!source.names.containsKey(child)) {
                    extraSources.add(child);
                }
            });
            extraNames.putAll(names(this.run, link.object(), extraSources));
            List<Member> extra = new ArrayList<>();
            List<Member> present = new ArrayList<>();
            long extraCount = 0;
            for (Map.Entry<String, Map<String, Object>> row : rows.entrySet()) {
                String child = back.get(row.getKey());
                if (child != null && source.names.containsKey(child)) {
                    if (present.size() < LIST_LIMIT) {
                        present.add(new Member(child, source.names.get(child), row.getKey(), Status.MATCHED, null));
                    }
                    continue;
                }
                extraCount++;
                if (extra.size() < LIST_LIMIT) {
                    String detail;
                    String name;
                    if (child == null) {
                        detail = "no cross-reference entry from " + link.object();
                        name = targetName(row.getValue());
                    }
                    else if (!extraNames.containsKey(child)) {
                        detail = "its source record " + child + " is not in the extraction";
                        name = targetName(row.getValue());
                    }
                    else {
                        Object parent = parentOf(link, child);
                        detail = "in the source its " + link.field().input() + " is "
                                + ((parent != null) ? parent : "empty");
                        name = extraNames.get(child);
                    }
                    extra.add(new Member(child, name, row.getKey(), Status.EXTRA_IN_TARGET, detail));
                }
            }
            List<Member> targetMembers = new ArrayList<>(extra);
            targetMembers.addAll(present.subList(0, Math.min(present.size(), LIST_LIMIT - targetMembers.size())));
            long matchedCount = source.names.size() - missingCount;
            return new Relationship(link.object(), link.field().input(), link.targetObject(), column, source.total,
                    (long) rows.size(), matchedCount, missingCount, extraCount,
                    problems.isEmpty() ? null : String.join("; ", problems), sourceMembers, targetMembers);
        }

        private Object parentOf(Link link, String child) {
            List<StagedRecords.Staged> records = RelationshipTrace.this.staged.byIds(this.run.snapshotId(),
                    link.object(), List.of(child));
            return records.isEmpty() ? null : text(RecordMapper.value(records.get(0).values(), link.field().input()));
        }

        /**
         * Says, for each missing child, why: never loaded (with the ledger's outcome),
         * its target row gone, or pointing at another parent.
         */
        private List<Member> explain(TargetConnector writer, Link link, List<Member> missing,
                Map<String, String> targetIds) {
            if (missing.isEmpty()) {
                return missing;
            }
            List<String> loaded = missing.stream().map(Member::targetId).filter((id) -> id != null).toList();
            Map<String, Map<String, Object>> rows = loaded.isEmpty() ? Map.of()
                    : writer.read(link.targetObject(), link.idColumn(), loaded);
            Set<String> pointed = new LinkedHashSet<>();
            rows.values().forEach((row) -> {
                String parent = text(columnValue(row, link.field().target()));
                if (parent != null) {
                    pointed.add(parent);
                }
            });
            Map<String, String> parents = sourceIds(this.run, this.step.source(), this.step.target(), pointed);
            Map<String, String> parentNames = names(this.run, this.step.source(), parents.values());
            Map<String, String> outcomes = outcomes(link, missing.stream().map(Member::sourceId).toList());
            List<Member> explained = new ArrayList<>();
            for (Member member : missing) {
                String detail;
                if (member.targetId() == null) {
                    String outcome = outcomes.get(member.sourceId());
                    detail = "not in the target: no cross-reference entry"
                            + ((outcome != null) ? " (run " + this.run.id() + ": " + outcome + ")" : "");
                }
                else if (!rows.containsKey(member.targetId())) {
                    detail = "its target row " + member.targetId() + " is no longer in " + link.targetObject();
                }
                else {
                    String parent = text(columnValue(rows.get(member.targetId()), link.field().target()));
                    if (parent == null) {
                        detail = "in the target its " + link.field().target() + " is empty";
                    }
                    else {
                        String parentSource = parents.get(parent);
                        detail = "in the target its " + link.field().target() + " points at " + this.step.target() + " "
                                + parent + ((parentSource != null) ? " (" + this.step.source() + " " + parentSource
                                        + nameSuffix(parentNames.get(parentSource)) + ")" : "");
                    }
                }
                explained.add(new Member(member.sourceId(), member.name(), member.targetId(), member.status(), detail));
            }
            return explained;
        }

        private Map<String, String> outcomes(Link link, List<String> sourceIds) {
            Map<String, String> outcomes = new HashMap<>();
            RelationshipTrace.this.jdbc.query("""
                    select source_id, outcome, reason from run_ledger where run_id = ? and source_object = ?
                    and target_object = ? and source_id = any (?) order by scope_exit""", (rs) -> {
                // a record leaving the scope: what the run did about its target row wins
                String reason = rs.getString(3);
                outcomes.put(rs.getString(1), rs.getString(2) + ((reason != null) ? ", " + reason : ""));
            }, this.run.id(), link.object(), link.targetObject(), sourceIds.toArray(String[]::new));
            return outcomes;
        }

        private Relationship unreadChildren(Link link, SourceChildren source, String problem) {
            List<Member> members = new ArrayList<>();
            source.names.forEach((id, name) -> {
                if (members.size() < LIST_LIMIT) {
                    members.add(new Member(id, name, null, null, null));
                }
            });
            return new Relationship(link.object(), link.field().input(), link.targetObject(), link.field().target(),
                    source.total, null, null, null, null, problem, members, List.of());
        }

        private String outcome(RunPlan.Step step, String id) {
            if (step == null) {
                return "";
            }
            List<String> outcomes = RelationshipTrace.this.jdbc.queryForList(
                    "select outcome || coalesce(', ' || reason, '') from run_ledger where run_id = ? and "
                            + "source_object = ? and target_object = ? and source_id = ? order by scope_exit desc",
                    String.class, this.run.id(), step.source(), step.target(), id);
            return outcomes.isEmpty() ? "" : " (run " + this.run.id() + ": " + outcomes.get(0) + ")";
        }

    }

    private static final class SourceChildren {

        long total;

        final Map<String, String> names = new LinkedHashMap<>();

    }

    private RunPlan.Step step(Run run, String object) {
        if (object == null || object.isBlank()) {
            throw new InvalidInputException("object", "Choose the object: one of " + String.join(", ", objects(run)));
        }
        RunPlan.Step step = stepOf(run, object.strip());
        if (step == null) {
            throw new InvalidInputException("object",
                    "Run " + run.id() + " did not map '" + object.strip() + "'" + (run.plan().steps().isEmpty()
                            ? ": it mapped nothing" : ": it mapped " + String.join(", ", objects(run))));
        }
        return step;
    }

    private static RunPlan.Step stepOf(Run run, String object) {
        return run.plan().steps().stream().filter((s) -> s.source().equalsIgnoreCase(object)).findFirst().orElse(null);
    }

    private List<DictionaryField> fields(Run run, String object) {
        for (DictionaryObject candidate : this.dictionary.forSnapshot(run.snapshotId())) {
            if (candidate.name().equalsIgnoreCase(object)) {
                return candidate.fields();
            }
        }
        return List.of();
    }

    private List<String> fieldNames(Run run, String object) {
        List<String> names = new ArrayList<>(fields(run, object).stream().map(DictionaryField::name).toList());
        if (names.isEmpty()) {
            List<StagedRecords.Staged> one = this.staged.sample(run.snapshotId(), object, 1);
            if (!one.isEmpty()) {
                names.addAll(one.get(0).values().keySet());
            }
        }
        return names;
    }

    private String fieldNamed(Run run, String object, String field) {
        return fieldNames(run, object).stream()
            .filter((f) -> f.equalsIgnoreCase(field))
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("field", object + " has no field '" + field + "'"));
    }

    /**
     * How an object's records are named: its name field, else first and last name, else a
     * subject, found by their usual names as the duplicate detection finds them.
     */
    private Display display(Run run, String object) {
        return this.displays.computeIfAbsent(run.snapshotId() + "\u0000" + object, (key) -> displayOf(run, object));
    }

    private Display displayOf(Run run, String object) {
        List<String> names = fieldNames(run, object);
        String name = find(names, "name", "account_name", "accountname", "company", "company_name", "full_name");
        if (name != null) {
            return new Display(List.of(name));
        }
        String first = find(names, "firstname", "first_name");
        String last = find(names, "lastname", "last_name");
        if (first != null || last != null) {
            List<String> parts = new ArrayList<>();
            if (first != null) {
                parts.add(first);
            }
            if (last != null) {
                parts.add(last);
            }
            return new Display(parts);
        }
        String subject = find(names, "subject", "title", "casenumber", "label");
        return new Display((subject != null) ? List.of(subject) : List.of());
    }

    private static String find(Collection<String> names, String... candidates) {
        for (String candidate : candidates) {
            for (String name : names) {
                if (name.toLowerCase(Locale.ROOT).equals(candidate)) {
                    return name;
                }
            }
        }
        return null;
    }

    /**
     * The fields a record's display name is made of, joined with a space.
     */
    private record Display(List<String> fields) {

        String sql() {
            if (this.fields.isEmpty()) {
                return "null::text";
            }
            List<String> parts = this.fields.stream()
                .map((f) -> "nullif(btrim(payload ->> " + literal(f) + "), '')")
                .toList();
            return (parts.size() == 1) ? parts.get(0) : "nullif(concat_ws(' ', " + String.join(", ", parts) + "), '')";
        }

        String of(Map<String, Object> values) {
            List<String> parts = new ArrayList<>();
            for (String field : this.fields) {
                String text = text(RecordMapper.value(values, field));
                if (text != null) {
                    parts.add(text);
                }
            }
            return parts.isEmpty() ? null : String.join(" ", parts);
        }

    }

    private Map<String, String> names(Run run, String object, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        Display display = display(run, object);
        this.jdbc
            .query("select source_id, " + display.sql() + " from staged_record where snapshot_id = ? and object = ?"
                    + " and not deleted and source_id = any (?)", (rs) -> {
                        names.put(rs.getString(1), rs.getString(2));
                    }, run.snapshotId(), object, ids.toArray(String[]::new));
        return names;
    }

    /**
     * @return the target ids of the source ids, through the cross-reference of the run's
     * environment
     */
    private Map<String, String> xref(Run run, String sourceObject, String targetObject, Collection<String> sourceIds) {
        Map<String, String> ids = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return ids;
        }
        this.jdbc.query("""
                select source_id, target_id from xref where environment_id = ? and source_object = ?
                and target_object = ? and source_id = any (?)""", (rs) -> {
            ids.put(rs.getString(1), rs.getString(2));
        }, run.environmentId(), sourceObject, targetObject, sourceIds.toArray(String[]::new));
        return ids;
    }

    /**
     * @return the source ids of the target ids, through the cross-reference of the run's
     * environment, by target id
     */
    private Map<String, String> sourceIds(Run run, String sourceObject, String targetObject,
            Collection<String> targetIds) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (targetIds.isEmpty()) {
            return ids;
        }
        this.jdbc.query("""
                select target_id, source_id from xref where environment_id = ? and source_object = ?
                and target_object = ? and target_id = any (?)""", (rs) -> {
            ids.put(rs.getString(1), rs.getString(2));
        }, run.environmentId(), sourceObject, targetObject, targetIds.toArray(String[]::new));
        return ids;
    }

    private static String targetName(Map<String, Object> row) {
        Map<String, Object> lower = new HashMap<>();
        row.forEach((column, value) -> lower.put(column.toLowerCase(Locale.ROOT), value));
        for (String column : List.of("name", "full_name", "subject", "title")) {
            String text = text(lower.get(column));
            if (text != null) {
                return text;
            }
        }
        String first = text(lower.get("first_name"));
        String last = text(lower.get("last_name"));
        if (first == null) {
            return last;
        }
        return (last == null) ? first : first + " " + last;
    }

    private static String describe(List<Member> source) {
        if (source.isEmpty()) {
            return "no parent";
        }
        Member member = source.get(0);
        return member.sourceId() + nameSuffix(member.name());
    }

    private static String nameSuffix(String name) {
        return (name != null) ? " " + name : "";
    }

    private static Object columnValue(Map<String, Object> row, String column) {
        return RecordMapper.value(row, column);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

}
