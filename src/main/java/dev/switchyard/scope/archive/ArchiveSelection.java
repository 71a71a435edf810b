package dev.switchyard.scope.archive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The records of one object that the scope document archives instead of migrating: an SQL
 * predicate over the alias {@code s} (a {@code staged_record} row) with positional
 * parameters. Deleted records are never archived.
 *
 * @param object the object's name, as in the data dictionary
 * @param predicateSql the predicate, such as {@code sy_try_date(s.payload ->> ?) < ?};
 * null or blank for every record of the object
 * @param params the values of the predicate's {@code ?} placeholders, in order (may hold
 * nulls)
 */
public record ArchiveSelection(String object, String predicateSql, List<Object> params) {

    public ArchiveSelection {
        if (object == null || object.isBlank()) {
            throw new IllegalArgumentException("An archive selection needs an object");
        }
        params = (params != null) ? Collections.unmodifiableList(new ArrayList<>(params)) : List.of();
    }

    /**
     * @param object the object's name
     * @return a selection of every (non-deleted) record of the object
     */
    public static ArchiveSelection all(String object) {
        return new ArchiveSelection(object, null, List.of());
    }

    /**
     * @return the SHA-256 of the predicate and its parameters, so that an archive says
     * which selection it holds (a run resumed under changed rules can tell)
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder(selectsAll() ? "" : this.predicateSql);
        for (Object param : this.params) {
            text.append('\u0000').append(param);
        }
        try {
            return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @return whether every record of the object is selected
     */
    public boolean selectsAll() {
        return this.predicateSql == null || this.predicateSql.isBlank();
    }

}
