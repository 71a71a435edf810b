package dev.switchyard.mapping;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and saves a project's mapping set. Every save adds a version; nothing is
 * overwritten.
 *
 * <p>
 * Two analysts editing at once: a whole-document save (the API's PUT, an import) must be
 * based on the latest version, or it is refused with a conflict naming who saved what and
 * when. A form edit changes one part (an object mapping, a field mapping, a picklist):
 * when someone saved another version meanwhile but did not touch that part, the edit is
 * applied on top of their version, so neither loses anything; when they changed the same
 * part, it is a conflict, and the form keeps the analyst's input.
 */
@Service
public class MappingService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
        .withZone(ZoneOffset.UTC);

    private final MappingStore store;

    private final AuditLog audit;

    MappingService(MappingStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * @param projectId the project
     * @return the latest version, or version 0 with an empty document before any save
     */
    @Transactional(readOnly = true)
    public MappingVersion current(Long projectId) {
        return this.store.latest(projectId)
            .orElseGet(() -> new MappingVersion(0, MappingDocument.empty(), null, null, null));
    }

    /**
     * @param projectId the project
     * @param version a version number
     * @return that version
     */
    @Transactional(readOnly = true)
    public MappingVersion version(Long projectId, int version) {
        if (version == 0) {
            return new MappingVersion(0, MappingDocument.empty(), null, null, null);
        }
        return this.store.version(projectId, version)
            .orElseThrow(() -> new NotFoundException("The mapping has no version " + version));
    }

    /**
     * @param projectId the project
     * @return the latest 200 versions, newest first
     */
    @Transactional(readOnly = true)
    public List<MappingVersion> history(Long projectId) {
        return this.store.history(projectId, 200);
    }

    /**
     * Saves a whole document as the next version.
     * @param projectId the project
     * @param document the document, with the version it was read at
     * @param summary what changed, or null to describe the difference automatically
     * @return the saved version
     * @throws ConflictException when the document was not read at the latest version
     * @throws InvalidInputException when the document is malformed
     */
    @Transactional
    public MappingVersion save(Long projectId, MappingDocument document, String summary) {
        if (document == null || document.version() == null) {
            throw new InvalidInputException("version", "Give the version the mapping was read at (0 for a new one)");
        }
        MappingVersion latest = current(projectId);
        if (document.version() != latest.version()) {
            throw conflict(latest, "the mapping was read at version " + document.version());
        }
        return insert(projectId, latest, normalise(document), summary);
    }

    /**
     * Applies a change to one part of the mapping, made on a form read at
     * {@code readVersion}.
     * @param projectId the project
     * @param readVersion the version the form was read at
     * @param part what the change touches (e.g. one field mapping), compared between the
     * version read and the latest
     * @param change the change
     * @param summary what changed, in words
     * @return the saved version
     * @throws ConflictException when someone else changed the same part meanwhile
     */
    @Transactional
    public MappingVersion edit(Long projectId, int readVersion, Function<MappingDocument, Object> part,
            UnaryOperator<MappingDocument> change, String summary) {
        MappingVersion latest = current(projectId);
        if (readVersion != latest.version()) {
            MappingVersion read = version(projectId, readVersion);
            Object mine = part.apply(read.document());
            if (!Objects.equals(mine, part.apply(latest.document()))) {
                // name the version that changed this part, not merely the latest
                MappingVersion changed = latest;
                for (int v = readVersion + 1; v < latest.version(); v++) {
                    MappingVersion candidate = version(projectId, v);
                    if (!Objects.equals(mine, part.apply(candidate.document()))) {
                        changed = candidate;
                        break;
                    }
                }
                throw conflict(changed, "you read version " + readVersion + " and the same part changed since");
            }
        }
        MappingDocument changed = change.apply(latest.document());
        return insert(projectId, latest, normalise(changed), summary);
    }

    private MappingVersion insert(Long projectId, MappingVersion latest, MappingDocument document, String summary) {
        String user = CurrentUser.require().getUsername();
        int next = latest.version() + 1;
        String what = (summary != null && !summary.isBlank()) ? summary.trim()
                : MappingDiff.summary(latest.document(), document);
        if (!this.store.insert(projectId, next, document, user, what)) {
            MappingVersion now = current(projectId);
            throw conflict(now, "someone saved at the same moment");
        }
        this.audit.record(projectId, "Mapping", next, "saved", "v" + next + ": " + what);
        return version(projectId, next);
    }

    private static ConflictException conflict(MappingVersion latest, String why) {
        String by = (latest.savedBy() != null) ? " by " + latest.savedBy() + " at " + TIME.format(latest.savedAt())
                : "";
        return new ConflictException("version",
                "Not saved: " + why + ", but version " + latest.version() + " was saved" + by
                        + ((latest.summary() != null) ? " (" + latest.summary() + ")" : "")
                        + ". Nothing was lost: your change is still here. Read the latest version and apply it again.");
    }

    /**
     * Checks the document's structure and trims its names. What the mapping means (does
     * the field exist, do the types fit) is validation's job and never stops a save.
     * @param document a document
     * @return the document with names trimmed
     * @throws InvalidInputException naming the object or field that is malformed
     */
    static MappingDocument normalise(MappingDocument document) {
        List<ObjectMapping> objects = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        int number = 0;
        for (ObjectMapping object : document.objects()) {
            number++;
            if (object == null) {
                throw new InvalidInputException("objects", "Object mapping " + number + " is empty");
            }
            String source = trimmed(object.source());
            String target = trimmed(object.target());
            if (source == null || target == null) {
                throw new InvalidInputException("objects",
                        "Object mapping " + number + " needs both a source object and a target object");
            }
            if (!pairs.add(MappingDocument.key(source) + "\u0000" + MappingDocument.key(target))) {
                throw new InvalidInputException("objects", source + " → " + target + " is mapped twice");
            }
            List<FieldMapping> fields = new ArrayList<>();
            Set<String> targets = new HashSet<>();
            for (FieldMapping field : object.fields()) {
                String name = (field != null) ? trimmed(field.target()) : null;
                if (name == null) {
                    throw new InvalidInputException("objects",
                            source + " → " + target + ": a field mapping names no target field");
                }
                if (!targets.add(MappingDocument.key(name))) {
                    throw new InvalidInputException("objects",
                            source + " → " + target + ": target field " + name + " is mapped twice");
                }
                fields.add(new FieldMapping(name, field.sources(), field.transforms(), field.note()));
            }
            objects.add(new ObjectMapping(source, target, object.filter(), object.matchKey(), fields,
                    notMigrated(source + " → " + target, object.notMigrated())));
        }
        for (PicklistSource picklist : document.picklistSources()) {
            if (picklist == null || trimmed(picklist.object()) == null || trimmed(picklist.field()) == null
                    || trimmed(picklist.table()) == null || trimmed(picklist.column()) == null) {
                throw new InvalidInputException("picklistSources",
                        "A picklist source needs the target object, field, lookup table and column");
            }
        }
        List<PicklistSource> picklists = document.picklistSources()
            .stream()
            .map((p) -> new PicklistSource(p.object().trim(), p.field().trim(), p.table().trim(), p.column().trim()))
            .toList();
        List<String> rejected = document.rejectedSuggestions().stream().filter(Objects::nonNull).distinct().toList();
        return new MappingDocument(document.version(), objects, picklists, rejected);
    }

    private static List<NotMigrated> notMigrated(String label, List<NotMigrated> decisions) {
        Set<String> fields = new HashSet<>();
        for (NotMigrated decision : decisions) {
            if (decision.field() == null) {
                throw new InvalidInputException("objects", label + ": a not-migrated decision names no source field");
            }
            if (decision.reason() == null) {
                throw new InvalidInputException("objects",
                        label + ": give the reason why source field " + decision.field() + " is not migrated");
            }
            if (decision.reason().length() > NotMigrated.MAX_REASON) {
                throw new InvalidInputException("objects", label + ": the reason for not migrating " + decision.field()
                        + " is longer than " + NotMigrated.MAX_REASON + " characters");
            }
            if (!fields.add(MappingDocument.key(decision.field()))) {
                throw new InvalidInputException("objects",
                        label + ": source field " + decision.field() + " is decided twice");
            }
        }
        return decisions;
    }

    private static String trimmed(String text) {
        return (text != null && !text.isBlank()) ? text.trim() : null;
    }

}
