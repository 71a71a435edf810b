package dev.switchyard.dictionary;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and saves analysts' annotations of the dictionary, with a clear conflict when two
 * analysts edit the same one at once.
 */
@Service
public class AnnotationService {

    private final DictionaryAnnotationRepository annotations;

    private final AuditLog audit;

    private final Clock clock;

    AnnotationService(DictionaryAnnotationRepository annotations, AuditLog audit, Clock clock) {
        this.annotations = annotations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param projectId the project
     * @param side the side
     * @return every annotation of that side, keyed by {@link #key(String, String)}
     */
    @Transactional(readOnly = true)
    public Map<String, DictionaryAnnotation> all(Long projectId, DictionarySide side) {
        Map<String, DictionaryAnnotation> byKey = new HashMap<>();
        for (DictionaryAnnotation annotation : this.annotations.findByProjectIdAndSide(projectId, side)) {
            byKey.put(key(annotation.getObject(), annotation.getField()), annotation);
        }
        return byKey;
    }

    @Transactional(readOnly = true)
    public DictionaryAnnotation find(Long projectId, DictionarySide side, String object, String field) {
        return this.annotations.find(projectId, side, object, (field != null) ? field : "").orElse(null);
    }

    /**
     * Saves an annotation.
     * @param projectId the project
     * @param side the side
     * @param object the object
     * @param field the field, or blank for the object itself
     * @param form what to save, with the version it was read at
     * @return the saved annotation
     */
    @Transactional
    public DictionaryAnnotation save(Long projectId, DictionarySide side, String object, String field,
            AnnotationForm form) {
        String fieldName = (field != null) ? field : "";
        Sensitivity sensitivity;
        try {
            sensitivity = Sensitivity.valueOf(
                    (form.getSensitivity() != null) ? form.getSensitivity().trim().toUpperCase(Locale.ROOT) : "NONE");
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("sensitivity", "Sensitivity is one of NONE, PII or CONFIDENTIAL");
        }
        check("label", form.getLabel(), 200);
        check("description", form.getDescription(), 2000);
        check("businessOwner", form.getBusinessOwner(), 120);
        check("notes", form.getNotes(), 4000);
        DictionaryAnnotation annotation = this.annotations.find(projectId, side, object, fieldName).orElse(null);
        if (annotation == null) {
            if (form.getVersion() != null) {
                throw new ConflictException("label", "Someone else removed this annotation meanwhile: reload the page");
            }
            annotation = new DictionaryAnnotation(projectId, side, object, fieldName);
        }
        else if (form.getVersion() == null || form.getVersion() != annotation.getVersion()) {
            throw new ConflictException("label", "Someone else changed this annotation meanwhile ("
                    + annotation.getUpdatedBy() + "): reload the page, your text is kept below");
        }
        annotation.update(blank(form.getLabel()), blank(form.getDescription()), blank(form.getBusinessOwner()),
                sensitivity, blank(form.getNotes()), CurrentUser.require().getUsername(), this.clock.instant());
        DictionaryAnnotation saved = this.annotations.saveAndFlush(annotation);
        this.audit.record(projectId, "Annotation", saved.getId(), "saved", side.name().toLowerCase(Locale.ROOT) + " "
                + object + (fieldName.isEmpty() ? "" : "." + fieldName) + ": sensitivity " + sensitivity);
        return saved;
    }

    /**
     * @param object an object
     * @param field a field, or blank
     * @return the key of {@link #all}
     */
    public static String key(String object, String field) {
        return object.toLowerCase(Locale.ROOT) + "\u0000" + ((field != null) ? field.toLowerCase(Locale.ROOT) : "");
    }

    private static void check(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters");
        }
    }

    private static String blank(String value) {
        return (value == null || value.isBlank()) ? null : value.trim();
    }

}
