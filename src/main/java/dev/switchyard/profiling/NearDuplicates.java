package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the values of a picklist-like field that should be one value: a rare value that
 * differs from a frequent one only in case, spaces or punctuation ({@code closed-won} for
 * {@code Closed Won}), or by one or two letters ({@code Tecnology} for
 * {@code Technology}). Quiet on what is no misspelling: values that differ in a number
 * ({@code Pilot 50 users}, {@code 2018 4}), short codes ({@code CA}, {@code CO}), and
 * values about as frequent as each other ({@code North Carolina}, {@code South
 * Carolina}).
 */
final class NearDuplicates {

    /** A misspelling is at most this share as frequent as the value it means. */
    static final double RARITY = 0.2;

    /** and at most this share of the field's values. */
    static final double MAX_SHARE = 0.1;

    private NearDuplicates() {
    }

    /**
     * @param values the field's distinct values with exact counts
     * @param total the field's non-blank values
     * @return the likely misspellings, each with the value it most likely means
     */
    static List<NearDuplicate> of(List<ValueCount> values, long total) {
        List<NearDuplicate> found = new ArrayList<>();
        List<String> normal = values.stream().map((v) -> normal(v.value())).toList();
        for (int i = 0; i < values.size(); i++) {
            ValueCount rare = values.get(i);
            if (rare.count() > MAX_SHARE * total || normal.get(i).isEmpty()) {
                continue;
            }
            NearDuplicate best = null;
            for (int j = 0; j < values.size(); j++) {
                ValueCount common = values.get(j);
                if (i == j || common.count() <= rare.count()) {
                    continue;
                }
                int edits = edits(normal.get(i), normal.get(j), rare.value(), common.value());
                if (edits < 0 || (edits > 0 && rare.count() > RARITY * common.count())) {
                    continue;
                }
                if (best == null || edits < best.edits()
                        || (edits == best.edits() && common.count() > best.canonicalCount())) {
                    best = new NearDuplicate(rare.value(), rare.count(), common.value(), common.count(), edits);
                }
            }
            if (best != null) {
                found.add(best);
            }
        }
        return found;
    }

    /**
     * @return the edits between two values (0 when equal ignoring case, spaces and
     * punctuation), or -1 when they are not near
     */
    private static int edits(String a, String b, String rawA, String rawB) {
        if (a.equals(b)) {
            return 0;
        }
        if (!digits(rawA).equals(digits(rawB))) {
            return -1;
        }
        int shorter = Math.min(a.length(), b.length());
        int allowed = (shorter >= 8) ? 2 : (shorter >= 4) ? 1 : 0;
        if (allowed == 0 || Math.abs(a.length() - b.length()) > allowed) {
            return -1;
        }
        int distance = EditDistance.of(a, b, allowed);
        return (distance <= allowed) ? distance : -1;
    }

    /** Lower case, letters and digits only. */
    static String normal(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private static String digits(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                out.append(c);
            }
            else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        return out.toString().strip();
    }

}
