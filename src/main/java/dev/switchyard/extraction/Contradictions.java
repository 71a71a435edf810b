package dev.switchyard.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.switchyard.connector.FieldType;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.profiling.Example;
import dev.switchyard.profiling.Finding;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds records whose status contradicts a yes/no field of theirs: a status or stage
 * picklist value naming the state a yes/no field stands for ({@code Closed - Converted}
 * and {@code IsConverted}, {@code Closed Won} and {@code IsWon}) while that field says
 * no, or a value denying it ({@code Not Converted}) while it says yes. In SQL over the
 * snapshot's staged records, one query per pair of fields.
 */
@Component
class Contradictions {

    private static final String[] TRUE = { "true", "1", "yes", "y", "t", "x" };

    private static final String[] FALSE = { "false", "0", "no", "n", "f" };

    private static final Set<String> PREFIXES = Set.of("is", "has", "was", "flag");

    private final JdbcTemplate jdbc;

    Contradictions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param snapshotId the snapshot
     * @param objects its dictionary
     * @return a finding per contradicting pair of fields
     */
    List<Finding> find(long snapshotId, List<DictionaryObject> objects) {
        List<Finding> findings = new ArrayList<>();
        for (DictionaryObject object : objects) {
            for (DictionaryField flag : object.fields()) {
                String state = state(flag);
                if (state == null) {
                    continue;
                }
                for (DictionaryField status : object.fields()) {
                    if (status.type() != FieldType.PICKLIST || !statusName(status.name())) {
                        continue;
                    }
                    List<String> saying = new ArrayList<>();
                    List<String> denying = new ArrayList<>();
                    for (Map<String, Object> value : status.picklistValues()) {
                        String text = String.valueOf(value.get("value"));
                        List<String> words = words(text);
                        int at = words.indexOf(state);
                        if (words.contains("un" + state) || words.contains("non" + state)
                                || (at > 0 && (words.get(at - 1).equals("not") || words.get(at - 1).equals("non")))) {
                            denying.add(text);
                        }
                        else if (at >= 0) {
                            saying.add(text);
                        }
                    }
                    if (!saying.isEmpty() || !denying.isEmpty()) {
                        Finding finding = check(snapshotId, object.name(), status.name(), flag, saying, denying);
                        if (finding != null) {
                            findings.add(finding);
                        }
                    }
                }
            }
        }
        return findings;
    }

    private Finding check(long snapshotId, String object, String status, DictionaryField flag, List<String> saying,
            List<String> denying) {
        // a checkbox exported as 1 or nothing: nothing is no
        boolean checkbox = flag.fillRate() != null && flag.fillRate() < 1.0 && !flag.picklistValues().isEmpty()
                && flag.picklistValues()
                    .stream()
                    .allMatch((v) -> Arrays.asList(TRUE)
                        .contains(String.valueOf(v.get("value")).strip().toLowerCase(Locale.ROOT)));
        String[] no = checkbox ? append(FALSE, "") : FALSE;
        List<Example> examples = new ArrayList<>();
        long[] count = new long[1];
        this.jdbc.query("""
                select source_id, btrim(payload ->> ?), payload ->> ?, count(*) over () from staged_record
                where snapshot_id = ? and object = ? and not deleted and (
                    (btrim(payload ->> ?) = any (?) and lower(btrim(coalesce(payload ->> ?, ''))) = any (?))
                    or (btrim(payload ->> ?) = any (?) and lower(btrim(coalesce(payload ->> ?, ''))) = any (?)))
                order by source_id limit 5""", (rs) -> {
            count[0] = rs.getLong(4);
            examples.add(new Example(rs.getString(1),
                    status + " '" + rs.getString(2) + "', " + flag.name() + " "
                            + ((rs.getString(3) == null || rs.getString(3).isBlank()) ? "empty"
                                    : "'" + rs.getString(3) + "'")));
        }, status, flag.name(), snapshotId, object, status, saying.toArray(String[]::new), flag.name(), no, status,
                denying.toArray(String[]::new), flag.name(), TRUE);
        if (count[0] == 0) {
            return null;
        }
        return new Finding(Finding.Kind.CONTRADICTORY_VALUES, object, flag.name(), count[0], examples,
                count[0] + " record" + ((count[0] == 1) ? "" : "s") + " of " + object + " contradict themselves: "
                        + status + " says " + (saying.isEmpty() ? "not " : "") + "'" + state(flag) + "' ("
                        + String.join(", ", saying.isEmpty() ? denying : saying) + ") while " + flag.name()
                        + " says otherwise: decide which field is right before migrating both");
    }

    /**
     * @return the state a yes/no field stands for ({@code IsConverted} → converted), or
     * null when it is no yes/no field or names more than one word
     */
    private static String state(DictionaryField field) {
        if (field.type() != FieldType.BOOLEAN) {
            return null;
        }
        List<String> words = new ArrayList<>(
                words(field.name().replaceAll("__c$", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ')));
        while (!words.isEmpty() && PREFIXES.contains(words.get(0))) {
            words.remove(0);
        }
        words.remove("flag");
        return (words.size() == 1 && words.get(0).length() >= 3) ? words.get(0) : null;
    }

    private static boolean statusName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("status") || lower.contains("stage");
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String[] append(String[] values, String value) {
        String[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = value;
        return all;
    }

}
